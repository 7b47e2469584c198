// One application: its parties, items, screening hits, the agencies'
// recommendations, the review so far, its clocks, its timeline, and a button for
// each step this user may take now (GET .../transitions); each step asks for what
// the state machine needs and sends the version read, so a change made meanwhile by
// someone else is refused rather than overwritten.
import { get, post } from '../api.js';
import { h, clear, humanize, formatNumber } from '../dom.js';
import { field, checkbox, formErrorBox, onSubmit, str } from '../forms.js';
import { table, empty, daysLeft, stateBadge, badge, money, matchCard } from './parts.js';

const kPartyRoles = ['applicant', 'purchaser', 'intermediate_consignee', 'ultimate_consignee', 'end_user'];

export async function applicationView({ args, navigate }) {
  const acn = args[0];
  const base = `/api/applications/${encodeURIComponent(acn)}`;
  const [shown, timeline, transitions] = await Promise.all([
    get(base),
    get(`${base}/timeline`).catch(() => null),
    get(`${base}/transitions`).catch(() => []),
  ]);
  const app = shown.application || shown;
  const due = shown.due || [];
  // A stored screening match keeps the engine's hit under "match" (as `applications show --json`).
  const hits = (shown.screening || shown.hits || shown.screening_hits || shown.matches || []).map((m) => (m.match ? { ...m.match, ...m } : m));
  const entries = Array.isArray(timeline) ? timeline : timeline?.timeline || shown.timeline || [];
  const allowed = (Array.isArray(transitions) ? transitions : transitions.transitions || []).map((t) => (typeof t === 'string' ? { event: t } : t));
  const review = app.review || {};

  const actionArea = h('div', { class: 'action-area' });
  const actions = h(
    'section',
    { class: 'card actions-card', 'aria-labelledby': 'actions-h' },
    h('h2', { id: 'actions-h' }, 'Actions'),
    allowed.length
      ? h(
          'div',
          { class: 'button-row' },
          allowed.map((t) =>
            h(
              'button',
              {
                type: 'button',
                class: t.event === 'approve' ? 'primary' : t.event === 'deny' || t.event === 'intent_to_deny' ? 'danger' : '',
                dataset: { event: t.event },
                onclick: async () => {
                  const catalog = ['approve', 'intent_to_deny', 'deny'].includes(t.event) ? await criteriaCatalog() : [];
                  clear(actionArea).append(transitionForm(t, app, base, catalog, () => navigate(`#/applications/${encodeURIComponent(acn)}`)));
                  actionArea.querySelector('input, select, textarea, button[type=submit]')?.focus();
                },
              },
              humanize(t.event),
            ),
          ),
        )
      : empty('No step is open to you in this state.'),
    actionArea,
  );

  return h(
    'div',
    { class: 'application' },
    h('h1', {}, `Application ${app.control_number || acn} `, stateBadge(app.state)),
    h('p', { class: 'muted' }, `Version ${app.version} · organization ${app.organization || '—'} · destination ${app.destination}`),
    shown.license ? h('p', {}, 'Issued license: ', h('a', { href: `#/licenses/${encodeURIComponent(shown.license)}` }, shown.license)) : null,
    h(
      'div',
      { class: 'columns' },
      h(
        'div',
        {},
        actions,
        due.length
          ? h(
              'section',
              { class: 'card' },
              h('h2', {}, 'Clocks'),
              table(['What', 'Due', 'Days left', 'Citation'], due.map((l) => [l.what + (l.agency ? ` (${humanize(l.agency)})` : ''), l.due, daysLeft(l), h('cite', {}, l.citation)])),
            )
          : null,
        reviewSection(review),
      ),
      h(
        'div',
        {},
        h(
          'section',
          { class: 'card' },
          h('h2', {}, 'Parties'),
          table(
            ['Role', 'Name', 'Address', 'Country'],
            kPartyRoles.filter((r) => app[r]).map((r) => [humanize(r), app[r].name, app[r].address || '—', app[r].country]),
          ),
          app.contact ? h('p', {}, 'Contact: ', [app.contact.name, app.contact.email, app.contact.phone].filter(Boolean).join(' · ')) : null,
          app.end_use ? h('p', {}, 'End use: ', app.end_use) : null,
        ),
        h(
          'section',
          { class: 'card' },
          h('h2', {}, 'Items'),
          table(
            ['#', 'ECCN', 'Description', 'Quantity', 'Unit price', 'Value'],
            (app.items || []).map((i, n) => [String(n), i.eccn, i.description, `${formatNumber(i.quantity)} ${i.units || ''}`, i.unit_price_cents != null ? `$${(i.unit_price_cents / 100).toFixed(2)}` : '—', money(i.value_usd)]),
          ),
        ),
        h(
          'section',
          { class: 'card' },
          h('h2', {}, 'Screening hits'),
          hits.length
            ? hits.map((m) => matchCard(m, 'h3'))
            : empty(['screening', 'hits', 'screening_hits', 'matches'].some((k) => k in shown) ? 'No party matched a listed entry when screened.' : 'The server sent no screening results with this application.'),
        ),
      ),
    ),
    h('section', { class: 'card' }, h('h2', {}, 'Timeline'), timelineList(entries)),
  );
}

function reviewSection(review) {
  const parts = [];
  const dates = [
    ['Submitted', review.submitted_on],
    ['Registered', review.registered_on],
    ['Referred', review.referred_on && `${review.referred_on} to ${(review.referred_to || []).map(humanize).join(', ')}`],
    ['Escalated', review.escalated_on && `${review.escalated_on}: ${review.escalation_reason || ''}`],
  ].filter(([, v]) => v);
  if (dates.length) parts.push(h('dl', { class: 'facts' }, dates.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
  if ((review.recommendations || []).length) {
    parts.push(
      h('h3', {}, 'Agency recommendations'),
      table(
        ['Agency', 'Recommendation', 'On', 'Reasoning', 'Conditions'],
        review.recommendations.map((r) => [humanize(r.agency), badge(humanize(r.recommendation), r.recommendation === 'deny' ? 'bad' : 'ok'), r.on, r.reasoning || '—', (r.conditions || []).join('; ') || '—']),
      ),
    );
  } else if ((review.referred_to || []).length) {
    parts.push(h('h3', {}, 'Agency recommendations'), empty('None received yet.'));
  }
  if (review.intent_to_deny) {
    const n = review.intent_to_deny;
    parts.push(h('h3', {}, 'Notice of intent to deny'), h('p', {}, `Issued ${n.issued_on}; response due ${n.response_due}. Criteria: ${(n.criteria || []).join(', ')}. ${n.reasons || ''}`));
  }
  if (review.response) parts.push(h('h3', {}, 'Applicant’s response'), h('p', {}, `${review.response.on}: ${review.response.text}`));
  if (review.decision) {
    const d = review.decision;
    parts.push(
      h('h3', {}, 'Decision'),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'On'),
        h('dd', {}, d.on),
        h('dt', {}, 'Criteria'),
        h('dd', {}, (d.criteria || []).join(', ') || '—'),
        h('dt', {}, 'Reasoning'),
        h('dd', {}, d.reasoning || '—'),
        (d.conditions || []).length ? [h('dt', {}, 'Conditions'), h('dd', {}, d.conditions.join('; '))] : null,
        (d.approved_items || []).length ? [h('dt', {}, 'Approved in part'), h('dd', {}, d.approved_items.map((a) => `item ${a.item}: ${a.quantity}`).join('; '))] : null,
      ),
    );
  }
  if (!parts.length) return null;
  return h('section', { class: 'card' }, h('h2', {}, 'Review'), parts);
}

function timelineList(entries) {
  if (!entries.length) return empty('Nothing recorded yet.');
  return h(
    'ol',
    { class: 'timeline' },
    entries.map((e) => {
      const ev = e.event || {};
      const actor = ev.actor || {};
      const who = [actor.name, actor.role && `(${actor.role}${actor.agency ? `, ${actor.agency}` : ''})`].filter(Boolean).join(' ');
      const details = [
        (ev.agencies || []).length ? `agencies: ${ev.agencies.join(', ')}` : null,
        ev.recommendation ? `recommendation: ${humanize(ev.recommendation)}` : null,
        (ev.criteria || []).length ? `criteria: ${ev.criteria.join(', ')}` : null,
        (ev.conditions || []).length ? `conditions: ${ev.conditions.join('; ')}` : null,
        ev.text || null,
      ].filter(Boolean);
      return h(
        'li',
        {},
        h('time', { datetime: e.on }, e.on),
        ' ',
        h('strong', {}, humanize(ev.event)),
        ` by ${who || 'someone'}: ${humanize(e.from)} → ${humanize(e.to)}`,
        details.length ? h('div', { class: 'muted' }, details.join(' · ')) : null,
      );
    }),
  );
}

// The criteria catalog (data/criteria.json) as the criteria report lists it; empty
// when this user may not read reports, and the form then takes ids as text.
let catalogCache = null;
async function criteriaCatalog() {
  if (catalogCache) return catalogCache;
  try {
    const report = await get('/api/reports/criteria?format=json');
    catalogCache = (report.criteria || []).filter((c) => c.id);
  } catch {
    return [];
  }
  return catalogCache;
}

// A transition's form: the fields its event takes (the CLI's transition JSON).
function transitionForm(t, app, base, catalog, done) {
  const kind = t.event;
  const needs = t.needs || t.description;
  const controls = [];
  if (kind === 'refer') {
    controls.push(
      h(
        'fieldset',
        { dataset: { field: 'event/agencies' } },
        h('legend', {}, 'Refer to'),
        ['defense', 'state', 'energy'].map((a) => checkbox({ label: humanize(a), name: 'agencies', value: a, field: 'event/agencies' })),
        h('p', { class: 'field-error', 'aria-live': 'polite' }),
      ),
    );
  }
  if (kind === 'recommend') {
    controls.push(
      field({
        label: 'Recommendation',
        name: 'recommendation',
        field: 'event/recommendation',
        options: [['approve', 'Approve'], ['approve_with_conditions', 'Approve with conditions'], ['deny', 'Deny']],
      }),
    );
  }
  if (['approve', 'intent_to_deny', 'deny'].includes(kind)) {
    if (catalog.length) {
      // Criteria pointing the way of this step first.
      const wanted = kind === 'approve' ? 'approval' : 'denial';
      const ordered = [...catalog].sort((a, b) => (a.points_to === wanted ? 0 : 1) - (b.points_to === wanted ? 0 : 1));
      controls.push(
        h(
          'fieldset',
          { class: 'criteria', dataset: { field: 'event/criteria' } },
          h('legend', {}, 'Criteria applied'),
          ordered.map((c) => checkbox({ label: `${c.id}: ${c.text}${c.points_to ? ` (points to ${c.points_to})` : ''}`, name: 'criteria', value: c.id, field: 'event/criteria' })),
          h('p', { class: 'field-error', 'aria-live': 'polite' }),
        ),
      );
    } else {
      controls.push(field({ label: 'Criteria', name: 'criteria', field: 'event/criteria', hint: 'criterion ids from the catalog, separated by commas (e.g. mass_market)', class: 'grow' }));
    }
  }
  if (['recommend', 'approve'].includes(kind)) {
    controls.push(field({ label: 'Conditions', name: 'conditions', field: 'event/conditions', type: 'textarea', rows: 2, hint: 'one a line' }));
  }
  if (kind === 'approve') {
    controls.push(field({ label: 'Approve in part', name: 'approved_items', field: 'event/approved_items', hint: 'ITEM:QUANTITY, separated by commas, items counted from 0; empty approves all', placeholder: '0:600' }));
  }
  if (kind !== 'register') {
    const label = { return: 'Reasons', respond: 'Response', escalate: 'The dispute', intent_to_deny: 'Reasons', withdraw: 'Reason (optional)' }[kind] || 'Reasoning';
    controls.push(field({ label, name: 'text', field: 'event/text', type: 'textarea', rows: 3, required: !['withdraw'].includes(kind) }));
  }
  const form = h(
    'form',
    { class: 'transition-form', novalidate: true, dataset: { event: kind } },
    h('h3', {}, humanize(kind)),
    needs ? h('p', { class: 'hint' }, 'Needs: ', needs) : null,
    t.to ? h('p', { class: 'hint' }, `Moves the application to “${humanize(t.to)}”.`) : null,
    formErrorBox(),
    controls,
    h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'primary' }, `Confirm ${humanize(kind).toLowerCase()}`), h('button', { type: 'button', onclick: done }, 'Cancel')),
  );
  onSubmit(form, async (data) => {
    const event = { event: kind };
    const agencies = data.getAll('agencies');
    if (agencies.length) event.agencies = agencies;
    if (str(data, 'recommendation')) event.recommendation = str(data, 'recommendation');
    const list = (text, sep) => text.split(sep).map((x) => x.trim()).filter(Boolean);
    const criteria = data.getAll('criteria').flatMap((c) => list(String(c), /[,\s]+/));
    if (criteria.length) event.criteria = criteria;
    if (str(data, 'conditions')) event.conditions = list(str(data, 'conditions'), '\n');
    if (str(data, 'approved_items')) {
      event.approved_items = list(str(data, 'approved_items'), ',').map((pair) => {
        const [item, quantity] = pair.split(':').map((x) => Number(x.trim()));
        return { item, quantity };
      });
    }
    if (str(data, 'text')) event.text = str(data, 'text');
    await post(`${base}/transitions`, { event, expected_version: app.version });
    done();
  });
  return form;
}
