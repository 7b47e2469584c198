// Alerts: the queue of possible matches between the organization's parties and listed
// entries, opened on a party import or a list change, and an alert's page where an
// analyst reads the party and the entry side by side with the score's explanation and
// answers it. A possible match waits for a person (DOMAIN.md section 7); a true match
// means the export needs what the list requires (15 CFR 744.11 for the Entity List),
// so taking one back needs a second person (four eyes). Filters, sort and page live in
// the address (#/alerts?state=open&sort=-score&page=2); an alert is #/alerts/{id}.
import { get, post, query } from '../api.js';
import { h, clear, humanize, formatNumber } from '../dom.js';
import { field, formErrorBox, onSubmit, str, showError } from '../forms.js';
import { session } from '../session.js';
import { table, empty, badge, scoreBar, listName } from './parts.js';
import { alertStateBadge, pager, explanationView, factText, changedTable, when } from './watch_parts.js';

const kPerPage = 25;
const kStates = [
  ['open', 'Open'],
  ['decided', 'Decided'],
  ['closed', 'Closed'],
  ['all', 'Any state'],
];
const kDispositions = [
  ['false_positive', 'False positive: not the listed party'],
  ['true_match', 'True match: the listed party'],
  ['escalated', 'Escalate: someone else decides'],
  ['reopen', 'Reopen: decide again'],
];

// The filters as the address gives them; the queue shows the open alerts by default.
function filtersOf(params) {
  return {
    state: params.get('state') || 'open',
    list: params.get('list') || '',
    min_score: params.get('min_score') || '',
    party: params.get('party') || '',
    assignee: params.get('assignee') || '',
    sort: params.get('sort') || '-score',
  };
}

function hrefOf(filters, changes = {}) {
  const all = { ...filters, ...changes };
  return `#/alerts${query({ ...all, state: all.state === 'open' ? '' : all.state, sort: all.sort === '-score' ? '' : all.sort, page: all.page > 1 ? all.page : '' })}`;
}

// A column header that sorts by its field, descending first, and says which way it
// sorts now (aria-sort).
function sortHeader(label, key, filters) {
  const now = filters.sort.replace(/^-/, '') === key ? (filters.sort.startsWith('-') ? 'descending' : 'ascending') : null;
  const next = now === 'descending' ? key : `-${key}`;
  const link = h('a', { href: hrefOf(filters, { sort: next }), class: 'sort', dataset: { sort: key } }, label, now ? (now === 'descending' ? ' ↓' : ' ↑') : '');
  link.sortState = now;
  return link;
}

export async function alertsView({ params, navigate }) {
  const filters = filtersOf(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const form = h(
    'form',
    { class: 'card search', novalidate: true, id: 'alerts-filter', role: 'search' },
    formErrorBox(),
    h(
      'div',
      { class: 'row' },
      field({ label: 'State', name: 'state', field: 'state', value: filters.state, options: kStates }),
      field({ label: 'List', name: 'list', field: 'list', value: filters.list, size: 6, hint: 'EL, SDN, DPL, …' }),
      field({ label: 'Minimum score', name: 'min_score', field: 'min_score', type: 'number', min: 0, max: 1, step: 0.01, value: filters.min_score, size: 6 }),
      field({ label: 'Party', name: 'party', field: 'party', value: filters.party, hint: 'external id', list: 'alert-party-ids' }),
      field({ label: 'Assignee', name: 'assignee', field: 'assignee', value: filters.assignee, hint: 'user name' }),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Filter'), h('a', { class: 'button', href: `#/alerts${query({ assignee: session.user?.name })}` }, 'Assigned to me')),
  );
  onSubmit(form, async (data) => {
    const next = { ...filters, page: 1 };
    for (const k of ['state', 'list', 'min_score', 'party', 'assignee']) next[k] = str(data, k);
    navigate(hrefOf(next));
  });

  let result;
  try {
    result = await get(`/api/alerts${query({ ...filters, state: filters.state === 'all' ? '' : filters.state, page, per_page: kPerPage })}`);
  } catch (error) {
    // A filter the server refuses (a score out of range) is shown at its field.
    showError(form, error);
    return h('div', {}, h('h1', {}, 'Alerts'), form);
  }
  const alerts = result.alerts || [];
  const pages = Math.max(1, Math.ceil((result.total || 0) / kPerPage));
  get(`/api/parties${query({ per_page: 500 })}`)
    .then((m) => form.append(h('datalist', { id: 'alert-party-ids' }, (m.parties || []).map((p) => h('option', { value: p.external_id }, p.name)))))
    .catch(() => {}); // suggestions only: the field works without them

  const headers = ['Alert', 'Party', 'Listed entry', sortHeader('Score', 'score', filters), 'State', 'Assignee', sortHeader('Opened', 'opened_at', filters)];
  const rows = alerts.map((a) => [
    h('a', { href: `#/alerts/${a.id}` }, `#${a.id}`),
    h('span', {}, h('a', { href: `#/parties/${encodeURIComponent(a.party.external_id)}` }, a.party.external_id), ` ${a.party.name}`),
    `${a.entry_name} (${listName(a.list)} ${a.entry_id})`,
    scoreBar(a.score),
    alertStateBadge(a),
    a.assignee || '—',
    when(a.opened_at),
  ]);
  const queue = alerts.length ? table(headers, rows, { caption: 'Alerts', className: 'alerts-queue' }) : empty('No alert matches the filter.');
  // aria-sort on the sorted column's header.
  for (const th of queue.querySelectorAll('th')) {
    const link = th.querySelector('a.sort');
    if (link?.sortState) th.setAttribute('aria-sort', link.sortState);
  }
  return h(
    'div',
    {},
    h('h1', {}, 'Alerts'),
    h('p', { class: 'lead' }, 'Possible matches between your parties and the restricted-party lists. Each waits for an analyst: a true match, a false positive, or escalated to someone else, always with a comment.'),
    form,
    h('p', { id: 'alerts-count' }, `${formatNumber(result.total || 0)} alert${result.total === 1 ? '' : 's'}${filters.state === 'all' ? '' : ` ${filters.state}`}.`),
    queue,
    pager(Math.min(page, pages), pages, (n) => hrefOf(filters, { page: n })),
  );
}

// The party's facts and the entry's, row by row.
function sideBySide(a) {
  const p = a.party_facts || { name: a.party.name };
  const e = a.entry_facts || { name: a.entry_name };
  return table(
    ['', `Party ${a.party.external_id} (revision ${a.party.revision})`, `Listed entry ${a.list} ${a.entry_id}`],
    [
      ['Name', p.name, e.name],
      ['Aliases', factText(p.aliases), factText(e.aliases)],
      ['Country / addresses', factText(p.country), factText(e.addresses)],
      ['Programs', '—', factText(e.programs)],
    ],
    { caption: 'Party and listed entry', className: 'side-by-side' },
  );
}

export async function alertView({ args, navigate }) {
  const a = await get(`/api/alerts/${encodeURIComponent(args[0])}`);
  const m = a.match || {};
  const here = `#/alerts/${a.id}`;
  const reopened = a.changed && Object.keys(a.changed).length ? changedTable(a.changed) : null;
  return h(
    'div',
    {},
    h('p', {}, h('a', { href: '#/alerts' }, '← Alerts')),
    h('h1', {}, `Alert #${a.id}: ${a.party.name} ~ ${a.entry_name} `, alertStateBadge(a)),
    h(
      'section',
      { class: 'card' },
      h('h2', {}, 'Score and why'),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Score'),
        h('dd', {}, scoreBar(a.score), m.band ? ` ${m.band} band` : '', m.effect ? ` · effect on an export: ${humanize(m.effect).toLowerCase()}` : ''),
        h('dt', {}, 'List'),
        h('dd', {}, `${listName(a.list)}, entry ${a.entry_id}, version ${a.list_version} of ${a.feed}`),
        m.matched_name ? [h('dt', {}, 'Matched'), h('dd', {}, m.matched_name)] : null,
        (m.federal_register || []).length ? [h('dt', {}, 'Citations'), h('dd', {}, m.federal_register.join(', '))] : null,
        m.license_requirement ? [h('dt', {}, 'License requirement'), h('dd', {}, m.license_requirement)] : null,
        m.license_policy ? [h('dt', {}, 'Review policy'), h('dd', {}, m.license_policy)] : null,
        h('dt', {}, 'Opened'),
        h('dd', {}, when(a.opened_at)),
      ),
      m.explanation ? explanationView(m.explanation) : empty('No explanation was kept with this alert.'),
    ),
    h('section', { class: 'card' }, sideBySide(a)),
    reopened ? h('section', { class: 'card', id: 'alert-changed' }, h('h2', {}, 'Reopened: what changed'), reopened) : null,
    h(
      'section',
      { class: 'card', id: 'alert-disposition' },
      h('h2', {}, 'Disposition'),
      a.disposition
        ? h('p', {}, badge(humanize(a.disposition), a.disposition === 'true_match' ? 'bad' : a.disposition === 'false_positive' ? 'ok' : 'warn'), ` by ${a.decided_by} on `, when(a.decided_at), ': ', h('q', {}, a.comment))
        : h('p', { class: 'muted' }, a.comment ? `No disposition (last comment: ${a.comment}).` : 'No disposition yet.'),
    ),
    a.state === 'closed' ? h('p', { class: 'muted' }, 'The entry left its list: nothing to decide any more.') : [assignForm(a, here, navigate), decideForm(a, here, navigate)],
  );
}

function assignForm(a, here, navigate) {
  const me = session.user?.name || '';
  const form = h(
    'form',
    { class: 'card', novalidate: true, id: 'alert-assign-form' },
    h('h2', {}, 'Assignment'),
    formErrorBox(),
    h('p', { id: 'alert-assignee' }, a.assignee ? ['Assigned to ', h('strong', {}, a.assignee), '.'] : 'Nobody is assigned.'),
    h('div', { class: 'row' }, field({ label: 'Assign to', name: 'assignee', field: 'assignee', value: a.assignee, hint: 'a user name of your organization' })),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, 'Assign'),
      a.assignee !== me ? h('button', { type: 'submit', name: 'to', value: 'me' }, 'Assign to me') : null,
      a.assignee ? h('button', { type: 'submit', name: 'to', value: 'nobody', class: 'link' }, 'Unassign') : null,
    ),
  );
  onSubmit(form, async (data) => {
    const to = form.dataset.to;
    const assignee = to === 'me' ? me : to === 'nobody' ? '' : str(data, 'assignee');
    await post(`/api/alerts/${a.id}/assignment`, { assignee });
    navigate(here);
  });
  // Which submit button was pressed (FormData does not carry it).
  form.addEventListener('click', (event) => {
    const button = event.target.closest('button[type=submit]');
    if (button) form.dataset.to = button.value || '';
  });
  return form;
}

function decideForm(a, here, navigate) {
  const fourEyes = h('div', { id: 'alert-four-eyes', class: 'form-error', role: 'alert', hidden: true, tabindex: '-1' });
  const choices = kDispositions.filter(([d]) => d !== 'reopen' || a.disposition);
  const form = h(
    'form',
    { class: 'card', novalidate: true, id: 'alert-decide-form' },
    h('h2', {}, a.disposition ? 'Change the disposition' : 'Decide'),
    formErrorBox(),
    fourEyes,
    a.disposition === 'true_match' ? h('p', { class: 'hint' }, `Taking back a true match needs a second person: ${a.decided_by} cannot.`) : null,
    h(
      'fieldset',
      { dataset: { field: 'disposition' } },
      h('legend', {}, 'Disposition'),
      choices.map(([value, text], i) =>
        h('div', { class: 'check' }, h('input', { type: 'radio', name: 'disposition', value, id: `disposition-${value}`, checked: i === 0 && !a.disposition ? true : null }), h('label', { for: `disposition-${value}` }, text)),
      ),
      h('p', { class: 'field-error', 'aria-live': 'polite' }),
    ),
    field({ label: 'Comment', name: 'comment', field: 'comment', type: 'textarea', required: true, rows: 3, hint: 'why: the facts that tell the party from the listed one, or make it the same' }),
    h('button', { type: 'submit', class: 'primary' }, 'Record disposition'),
  );
  onSubmit(form, async (data) => {
    fourEyes.hidden = true;
    clear(fourEyes);
    const disposition = str(data, 'disposition');
    const comment = str(data, 'comment');
    // Said here before the round trip; the server refuses it the same way.
    if (!comment) throw Object.assign(new Error('a disposition says why: write a comment'), { status: 400, code: 'invalid_argument', field: 'comment' });
    try {
      await post(`/api/alerts/${a.id}/decision`, { disposition, comment });
    } catch (error) {
      if (error.status !== 403) throw error;
      // The four-eyes refusal: plainly, with who may do it instead.
      fourEyes.append(
        h('p', {}, h('strong', {}, 'Four eyes: '), `a true match can be released or reopened only by someone other than the person who decided it (${a.decided_by}).`),
        h('p', {}, `${error.message} (${error.code})`),
      );
      fourEyes.hidden = false;
      fourEyes.focus();
      return;
    }
    navigate(here);
  });
  return form;
}
