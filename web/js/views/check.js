// Determination: does this export need a license, and what authorizes it? A form for
// the transaction, the decision per item and for the whole, and the trace as a
// numbered checklist, each step with the regulation it rests on.
import { post } from '../api.js';
import { h, clear, humanize } from '../dom.js';
import { field, formErrorBox, onSubmit, str } from '../forms.js';
import { repeatingRows, rowValues } from '../rows.js';
import { suggestEccns, eccnEntry } from '../eccn_suggest.js';
import { decisionBadge, badge, table, today, scoreBar, listName } from './parts.js';

const kRoles = [
  ['ultimate_consignee', 'Ultimate consignee'],
  ['end_user', 'End user'],
  ['purchaser', 'Purchaser'],
  ['intermediate_consignee', 'Intermediate consignee'],
];

export function checkView() {
  const items = repeatingRows({
    legend: 'Item',
    prefix: 'items',
    makeRow: (i) => [
      field({ label: 'ECCN or EAR99', name: 'eccn', field: `items/${i}/eccn`, required: true, placeholder: '5D992.c', size: 10 }),
      field({ label: 'Quantity', name: 'quantity', field: `items/${i}/quantity`, type: 'number', min: 0, step: 1 }),
      field({ label: 'Value (USD)', name: 'value', field: `items/${i}/value`, type: 'number', min: 0, step: 1 }),
    ],
  });
  const parties = repeatingRows({
    legend: 'Party',
    prefix: 'parties',
    makeRow: (i) => [
      field({ label: 'Role', name: 'role', field: `parties/${i}/role`, options: kRoles }),
      field({ label: 'Name', name: 'name', field: `parties/${i}/name`, required: true, class: 'grow' }),
      field({ label: 'Country', name: 'country', field: `parties/${i}/country`, size: 4, hint: 'ISO code' }),
    ],
  });
  const result = h('section', { class: 'results', 'aria-live': 'polite', 'aria-label': 'Determination' });
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    formErrorBox(),
    h(
      'div',
      { class: 'row' },
      field({ label: 'Destination', name: 'destination', required: true, hint: 'ISO code, e.g. CN', size: 4 }),
      field({ label: 'Date of export', name: 'date', type: 'date', value: today(), required: true }),
      field({ label: 'Exporter', name: 'exporter', hint: 'matched to licenses it holds', class: 'grow' }),
    ),
    h(
      'div',
      { class: 'row' },
      field({ label: 'Declared activity', name: 'activity', hint: 'for general licenses, e.g. existing_handset_support', class: 'grow' }),
      field({ label: 'End use', name: 'end_use', class: 'grow' }),
    ),
    h('h2', { class: 'h3' }, 'Items'),
    items,
    h('h2', { class: 'h3' }, 'Parties'),
    parties,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Decide')),
  );
  onSubmit(form, async (data) => {
    const tx = {
      destination: str(data, 'destination'),
      date: str(data, 'date'),
      items: items.rows().map((row) => {
        const v = rowValues(row);
        const item = { eccn: v.eccn };
        if (v.quantity !== '') item.quantity = Number(v.quantity);
        if (v.value !== '') item.value = Number(v.value);
        return item;
      }),
      parties: parties.rows().map((row) => {
        const v = rowValues(row);
        const party = { role: v.role, name: v.name };
        if (v.country) party.country = v.country;
        return party;
      }),
    };
    for (const key of ['exporter', 'activity', 'end_use']) if (str(data, key)) tx[key] = str(data, key);
    // A new request clears the last decision first: a refused one leaves no stale
    // answer under its error.
    clear(result);
    const determination = await post('/api/check', tx);
    result.append(renderDetermination(determination));
    await showEntries(result, determination);
    result.querySelector('h2')?.setAttribute('tabindex', '-1');
    result.querySelector('h2')?.focus();
  });
  // Every ECCN field, the first and those added later, suggests from the catalog of
  // the export's date.
  const dateOf = () => form.querySelector('[name=date]')?.value || today();
  const wire = (root) => {
    for (const input of root.querySelectorAll('input[name=eccn]:not([role=combobox])')) suggestEccns(input, dateOf);
  };
  wire(items);
  new MutationObserver(() => wire(items)).observe(items, { childList: true, subtree: true });
  return h(
    'div',
    {},
    h('h1', {}, 'Determination'),
    h('p', { class: 'lead' }, 'Describe the export; Tollgate screens the parties and applies the Commerce Control List, the Country Chart, the lists and the authorizations as of the date.'),
    form,
    result,
  );
}

export function renderDetermination(d) {
  return h(
    'div',
    { class: 'determination' },
    h('h2', {}, 'Decision: ', decisionBadge(d.decision)),
    d.record_id ? h('p', { class: 'muted' }, `Recorded as determination ${d.record_id}.`) : null,
    (d.conditions || []).length ? h('div', {}, h('h3', {}, 'Conditions'), h('ul', {}, d.conditions.map((c) => h('li', {}, conditionText(c))))) : null,
    (d.review_reasons || []).length ? h('div', {}, h('h3', {}, 'For an analyst'), h('ul', {}, d.review_reasons.map((r) => h('li', {}, typeof r === 'string' ? r : JSON.stringify(r))))) : null,
    (d.matches || []).length
      ? h(
          'div',
          {},
          h('h3', {}, 'Parties found on the lists'),
          table(
            ['Party', 'Role', 'Listed as', 'List', 'Citations', 'Score', 'Effect'],
            d.matches.map((m) => [m.party, humanize(m.role), m.matched_name || m.entry_name, listName(m.list), (m.federal_register || []).join(', '), scoreBar(m.score), humanize(m.effect)]),
          ),
        )
      : null,
    (d.items || []).map((item) =>
      h(
        'section',
        { class: 'item-decision card' },
        h('h3', {}, item.eccn, ' ', decisionBadge(item.decision)),
        h('div', { class: 'item-entry' }),
        (item.requirements || []).length
          ? table(
              ['Why a license is required', 'Citation', 'Review policy'],
              item.requirements.map((r) => [r.basis, h('cite', {}, r.citation), r.review_policy || '—']),
              { caption: 'License requirements' },
            )
          : null,
        (item.authorized_by || []).length
          ? h('div', {}, h('h4', {}, 'Authorized by'), h('ul', {}, item.authorized_by.map((a) => h('li', {}, typeof a === 'string' ? a : [a.name || a.id || a.kind || '', a.citation ? [' — ', h('cite', {}, a.citation)] : '']))))
          : null,
        checklist(item.trace || [], `How ${item.eccn} was decided`),
      ),
    ),
    checklist(d.trace || [], 'How the transaction was decided'),
  );
}

// Each item's catalog entry (heading and controls) beside its decision.
async function showEntries(result, d) {
  const sections = result.querySelectorAll('.item-decision');
  await Promise.all(
    (d.items || []).map(async (item, i) => {
      const aside = await eccnEntry(item.eccn, d.transaction?.date);
      if (aside && sections[i]) sections[i].querySelector('.item-entry').append(aside);
    }),
  );
}

function conditionText(c) {
  if (typeof c === 'string') return c;
  return [c.text || c.condition || JSON.stringify(c), c.citation ? [' — ', h('cite', {}, c.citation)] : null];
}

// The trace: one numbered step per rule applied, with its finding, facts and citation.
function checklist(trace, title) {
  if (!trace.length) return null;
  return h(
    'div',
    { class: 'trace' },
    h('h4', {}, title),
    h(
      'ol',
      { class: 'checklist' },
      trace.map((step) =>
        h(
          'li',
          { class: `step step-${step.step}` },
          h('div', { class: 'step-head' }, h('strong', {}, humanize(step.step)), step.check ? badge('fact to verify', 'warn') : null),
          h('p', {}, step.finding),
          step.citation ? h('p', { class: 'citation' }, 'Citation: ', h('cite', {}, step.citation)) : null,
          step.facts && Object.keys(step.facts).length
            ? h(
                'details',
                {},
                h('summary', {}, 'Facts'),
                h('dl', { class: 'facts' }, Object.entries(step.facts).map(([k, v]) => [h('dt', {}, humanize(k)), h('dd', {}, typeof v === 'string' ? v : JSON.stringify(v))])),
              )
            : null,
        ),
      ),
    ),
  );
}
