// History: every screening and determination on record (15 CFR 762.2(a) makes them
// export records, kept five years under 762.6), filtered by party name, dates and
// outcome, a page at a time, and exported as CSV or JSON exactly as filtered. The tab
// and the filters live in the address (#/history?tab=determinations&party=huawei).
import { get, query } from '../api.js';
import { h, append, humanize, formatNumber } from '../dom.js';
import { field, formErrorBox, onSubmit, str, showError } from '../forms.js';
import { hasRole } from '../session.js';
import { table, empty, badge, decisionBadge } from './parts.js';
import { when } from './watch_parts.js';

const kPerPage = 50;
// The API's limit on one answer: an export holds at most this many records.
const kExportLimit = 1000;

const kTabs = {
  screenings: {
    title: 'Screenings',
    outcomes: [
      ['hit', 'Hit (0.95 or above)'],
      ['review', 'Review'],
      ['no_hit', 'No hit'],
      ['nothing_screened', 'Nothing screened'],
    ],
  },
  determinations: {
    title: 'Determinations',
    outcomes: ['NO_LICENSE_REQUIRED', 'AUTHORIZED', 'LICENSE_REQUIRED', 'REVIEW', 'PROHIBITED'].map((d) => [d, humanize(d.toLowerCase())]),
  },
};

function filtersOf(params) {
  const f = {};
  for (const k of ['org', 'party', 'from', 'to', 'outcome']) f[k] = params.get(k) || '';
  return f;
}

function outcomeBadge(outcome) {
  const kind = { hit: 'bad', review: 'warn', no_hit: 'ok', nothing_screened: 'muted' }[outcome] || 'info';
  return badge(humanize(outcome), kind);
}

function screeningRows(records) {
  return records.map((r) => [
    when(r.recorded_at),
    r.requested_by,
    [r.query?.name, r.query?.country ? ` (${r.query.country})` : ''].join(''),
    r.query?.as_of,
    outcomeBadge(r.outcome),
    r.matches?.length ? Number(r.top_score).toFixed(2) : '—',
    (r.matches || [])
      .slice(0, 3)
      .map((m) => `${m.entry_name || m.name || m.matched_name} (${m.list})`)
      .join('; ') || '—',
    (r.lists_searched || []).map((l) => `${l.feed} v${l.id}`).join(', ') || 'none',
  ]);
}

function determinationRows(records) {
  return records.map((r) => [
    when(r.recorded_at),
    r.requested_by,
    r.transaction_date,
    decisionBadge(r.decision),
    (r.request?.parties || []).map((p) => p.name).join('; ') || '—',
    r.request?.destination || '—',
    (r.request?.items || []).map((i) => i.eccn).join(', ') || '—',
  ]);
}

export async function historyView({ params, navigate }) {
  const tab = kTabs[params.get('tab')] ? params.get('tab') : 'screenings';
  const spec = kTabs[tab];
  const filters = filtersOf(params);
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const hrefOf = (changes) => `#/history${query({ tab, ...filters, ...changes })}`;
  // Everyone who may read the history of other organizations can narrow it to one.
  const seesOthers = !hasRole('applicant');

  const form = h(
    'form',
    { class: 'card search', novalidate: true, id: 'history-filter', role: 'search' },
    formErrorBox(),
    h(
      'div',
      { class: 'row' },
      field({ label: 'Party name', name: 'party', field: 'party', value: filters.party, class: 'grow', hint: 'a part of the name; case and punctuation ignored' }),
      field({ label: 'From', name: 'from', field: 'from', type: 'date', value: filters.from, hint: 'recorded on or after (UTC)' }),
      field({ label: 'To', name: 'to', field: 'to', type: 'date', value: filters.to, hint: 'recorded on or before' }),
      field({ label: 'Outcome', name: 'outcome', field: 'outcome', value: filters.outcome, options: [['', 'Any'], ...spec.outcomes] }),
      seesOthers ? field({ label: 'Organization', name: 'org', field: 'org', value: filters.org, size: 12 }) : null,
    ),
    h('button', { type: 'submit', class: 'primary' }, 'Filter'),
  );
  onSubmit(form, async (data) => {
    const next = {};
    for (const k of ['party', 'from', 'to', 'outcome', 'org']) next[k] = str(data, k);
    navigate(`#/history${query({ tab, ...next })}`);
  });

  const tabs = h(
    'nav',
    { class: 'tabs', 'aria-label': 'Records' },
    h(
      'ul',
      {},
      Object.entries(kTabs).map(([key, t]) =>
        // The outcomes differ between the tabs: the outcome filter is left behind.
        h('li', {}, h('a', { href: `#/history${query({ tab: key, ...filters, outcome: '' })}`, 'aria-current': key === tab ? 'page' : null }, t.title)),
      ),
    ),
  );

  const exportHref = (format) => `/api/history/${tab}${query({ ...filters, limit: kExportLimit, format })}`;
  const exports = h(
    'p',
    { class: 'exports' },
    h('a', { class: 'button', href: exportHref('csv'), download: `${tab}.csv` }, 'Export CSV'),
    ' ',
    h('a', { class: 'button', href: exportHref('json'), download: `${tab}.json` }, 'Export JSON'),
    h('span', { class: 'hint' }, ` what is filtered, newest first, up to ${formatNumber(kExportLimit)} records a file`),
  );

  const page = h('div', {}, h('h1', {}, 'History'), h('p', { class: 'lead' }, 'Every screening and determination on record, with who asked and what was searched: export records under 15 CFR 762.2, kept five years.'), tabs, form);
  let answer;
  try {
    answer = await get(`/api/history/${tab}${query({ ...filters, limit: kPerPage, offset })}`);
  } catch (error) {
    // A date or outcome the server refuses is shown at its field.
    showError(form, error);
    return page;
  }
  const records = answer[tab] || [];
  const headers =
    tab === 'screenings'
      ? ['Recorded', 'Requested by', 'Name', 'As of', 'Outcome', 'Top score', 'Matches', 'Lists searched']
      : ['Recorded', 'Requested by', 'Export date', 'Decision', 'Parties', 'Destination', 'Items'];
  const rows = tab === 'screenings' ? screeningRows(records) : determinationRows(records);
  const first = records.length ? offset + 1 : 0;
  const pagerNav =
    offset > 0 || answer.next_offset
      ? h(
          'nav',
          { class: 'pager', 'aria-label': 'Pages' },
          offset > 0 ? h('a', { href: hrefOf({ offset: Math.max(0, offset - kPerPage) || '' }), rel: 'prev' }, '← Newer') : h('span', { class: 'muted' }, '← Newer'),
          answer.next_offset ? h('a', { href: hrefOf({ offset: answer.next_offset }), rel: 'next' }, 'Older →') : h('span', { class: 'muted' }, 'Older →'),
        )
      : null;
  append(page, [
    exports,
    h('p', { id: 'history-count' }, records.length ? `Records ${formatNumber(first)} to ${formatNumber(offset + records.length)}${answer.next_offset ? ', more on the next page' : ''}.` : ''),
    records.length ? table(headers, rows, { caption: spec.title, className: `history history-${tab}` }) : empty(`No ${tab} on record match the filter.`),
    pagerNav,
  ]);
  return page;
}
