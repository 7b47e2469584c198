// Pieces several views share: a screening match, a score bar, badges, tables.
import { h, humanize, formatNumber } from '../dom.js';

export function scoreBar(score) {
  const value = Number(score) || 0;
  const band = value >= 0.95 ? 'block' : value >= 0.85 ? 'review' : 'low';
  return h(
    'span',
    { class: `score score-${band}` },
    h('meter', { min: 0, max: 1, low: 0.85, high: 0.95, optimum: 0, value, 'aria-hidden': 'true' }),
    h('span', { class: 'score-num' }, value.toFixed(2)),
  );
}

export function badge(text, kind = '') {
  return h('span', { class: `badge ${kind}` }, text);
}

const kListNames = {
  EL: 'Entity List',
  DPL: 'Denied Persons List',
  SDN: 'OFAC SDN',
  UVL: 'Unverified List',
  MEU: 'Military End-User List',
  ISN: 'State ISN',
  DTC: 'State DTC',
};

export function listName(code) {
  return kListNames[code] ? `${kListNames[code]} (${code})` : code;
}

// One screening match as `screen --json` gives it.
export function matchCard(m, headingLevel = 'h3') {
  const addresses = (m.addresses || [])
    .map((a) => [a.street, a.city, a.state, a.postal_code, a.country].filter(Boolean).join(', '))
    .filter(Boolean);
  return h(
    'article',
    { class: 'match card' },
    h(
      'header',
      { class: 'match-head' },
      h(headingLevel, {}, m.name || m.entry_name || m.matched_name),
      scoreBar(m.score),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'List'),
      h('dd', {}, listName(m.list)),
      m.entry_id ? [h('dt', {}, 'Entry'), h('dd', {}, m.entry_id, m.type ? ` (${m.type})` : '')] : null,
      m.matched_name && m.matched_name !== m.name ? [h('dt', {}, 'Matched name'), h('dd', {}, m.matched_name, m.matched_alias ? ' (alias)' : '')] : null,
      m.party ? [h('dt', {}, 'Party'), h('dd', {}, `${m.party}${m.role ? ` (${humanize(m.role)})` : ''}`)] : null,
      m.band ? [h('dt', {}, 'Band'), h('dd', {}, humanize(m.band), m.effect ? ` · ${humanize(m.effect)}` : '')] : null,
      (m.federal_register || []).length ? [h('dt', {}, 'Citations'), h('dd', {}, m.federal_register.map((c) => h('cite', {}, c)).reduce((acc, c, i) => (i ? [...acc, ', ', c] : [c]), []))] : null,
      m.license_requirement ? [h('dt', {}, 'License requirement'), h('dd', {}, m.license_requirement)] : null,
      m.license_policy ? [h('dt', {}, 'License review policy'), h('dd', {}, m.license_policy)] : null,
      (m.programs || []).length ? [h('dt', {}, 'Programs'), h('dd', {}, m.programs.join(', '))] : null,
      m.start_date || m.end_date ? [h('dt', {}, 'In force'), h('dd', {}, `${m.start_date || '…'} to ${m.end_date || 'today'}`)] : null,
      addresses.length ? [h('dt', {}, 'Addresses'), h('dd', {}, addresses.join('; '))] : null,
    ),
    m.explanation ? h('p', { class: 'explanation' }, h('strong', {}, 'Why: '), m.explanation) : null,
    (m.alignment || []).length ? alignmentDetails(m) : null,
  );
}

function alignmentDetails(m) {
  return h(
    'details',
    {},
    h('summary', {}, 'How each word aligned'),
    table(
      ['Query word', 'Entry word', 'How', 'Similarity', 'Weight'],
      m.alignment.map((a) => [a.query_token || '—', a.entry_token || '—', humanize(a.kind), Number(a.similarity).toFixed(2), Number(a.weight).toFixed(2)]),
    ),
    (m.adjustments || []).length
      ? h('ul', {}, m.adjustments.map((a) => h('li', {}, typeof a === 'string' ? a : JSON.stringify(a))))
      : null,
  );
}

// A table from headers and rows of cells (strings or nodes).
export function table(headers, rows, { caption, className } = {}) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: className || '' },
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, headers.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, row.map((c) => h('td', { class: /^\d{4}-\d{2}-\d{2}$/.test(String(c)) ? 'nowrap' : null }, c ?? '—'))))),
    ),
  );
}

export function empty(text) {
  return h('p', { class: 'empty' }, text);
}

// Days left on a statutory clock, as a badge that says overdue plainly.
export function daysLeft(line) {
  const d = Number(line.days_left);
  if (line.overdue || d < 0) return badge(`${Math.abs(d)} day${Math.abs(d) === 1 ? '' : 's'} overdue`, 'bad');
  if (d === 0) return badge('due today', 'warn');
  return badge(`${d} day${d === 1 ? '' : 's'} left`, d <= 5 ? 'warn' : 'ok');
}

export function stateBadge(state) {
  const kind =
    { approved: 'ok', denied: 'bad', intent_to_deny: 'warn', applicant_responded: 'warn', withdrawn: 'muted', returned_without_action: 'muted' }[state] || 'info';
  return badge(humanize(state), kind);
}

export function decisionBadge(decision) {
  const kind = { NO_LICENSE_REQUIRED: 'ok', AUTHORIZED: 'ok', LICENSE_REQUIRED: 'warn', REVIEW: 'warn', PROHIBITED: 'bad' }[decision] || 'info';
  return badge(humanize(String(decision || '').toLowerCase()), kind);
}

export function money(usd) {
  if (usd === null || usd === undefined) return '—';
  return `$${formatNumber(usd)}`;
}

export function today() {
  return new Date().toISOString().slice(0, 10);
}
