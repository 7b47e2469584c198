// Oversight: the statistics report (as `report stats`) and the criteria report (as
// `report criteria`), each with a chart and a CSV download. "Applications over time
// by state" asks the stats report for several dates between the first submission and
// the date chosen, so the chart shows exactly what the report would have said then.
import { get, query } from '../api.js';
import { h, humanize, formatNumber } from '../dom.js';
import { field, formErrorBox, onSubmit, str, showError } from '../forms.js';
import { lineChart, stackedBarChart } from '../charts.js';
import { table, empty, today } from './parts.js';

// The report's figures as [name, value] pairs, nested objects flattened one level
// ("by_state.approved"); arrays are left to their own tables.
export function figures(report) {
  const out = [];
  for (const [key, value] of Object.entries(report || {})) {
    if (typeof value === 'number' || value === null) out.push([key, value]);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) if (typeof v === 'number' || v === null) out.push([`${key}.${k}`, v]);
    }
  }
  return out;
}

const isDuration = (name) => /days|median|percentile|p90|p50|average|mean/.test(name);

function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// Up to `count` dates from `from` to `to`, evenly spaced, ending on `to`.
function sampleDates(from, to, count) {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86400000);
  if (!(span > 0)) return [to];
  const n = Math.min(count, span + 1);
  return Array.from({ length: n }, (_, i) => addDays(from, Math.round((span * i) / (n - 1))));
}

function csvDownload(rows, filename, label) {
  const text = rows.map((r) => r.map((c) => (/[",\n]/.test(String(c ?? '')) ? `"${String(c).replace(/"/g, '""')}"` : String(c ?? ''))).join(',')).join('\n');
  const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/csv' }));
  return h('a', { href: url, download: filename, class: 'button' }, label);
}

export async function reportsView({ params, navigate }) {
  const asOf = params.get('as_of') || today();
  const from = params.get('from') || '';
  const to = params.get('to') || '';
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    formErrorBox(),
    h(
      'div',
      { class: 'row' },
      field({ label: 'Statistics as of', name: 'as_of', type: 'date', value: asOf }),
      field({ label: 'Criteria from', name: 'from', type: 'date', value: from }),
      field({ label: 'Criteria to', name: 'to', type: 'date', value: to }),
    ),
    h('button', { type: 'submit', class: 'primary' }, 'Show'),
  );
  onSubmit(form, async (data) => {
    navigate(`#/reports${query({ as_of: str(data, 'as_of'), from: str(data, 'from'), to: str(data, 'to') })}`);
  });
  const page = h('div', { class: 'reports' }, h('h1', {}, 'Reports'), form);
  const [stats, criteria] = await Promise.allSettled([statsSection(asOf), criteriaSection(from, to)]);
  for (const part of [stats, criteria]) {
    if (part.status === 'fulfilled') page.append(part.value);
    else {
      const box = h('section', { class: 'card' }, h('p', { class: 'form-error', role: 'alert' }, `${part.reason.message}${part.reason.code ? ` (${part.reason.code})` : ''}`));
      page.append(box);
      if (part.reason.field) queueMicrotask(() => showError(form, part.reason));
    }
  }
  return page;
}

async function statsSection(asOf) {
  const report = await get(`/api/reports/stats${query({ as_of: asOf, format: 'json' })}`);
  // The report's order (JSON objects come back with their keys sorted).
  const kOrder = ['received', 'registered', 'referred', 'processed', 'approved', 'approved_in_whole', 'approved_in_part', 'intent_to_deny_pending', 'denied', 'returned_without_action', 'withdrawn', 'in_review', 'overdue', 'decisions_timed', 'median_days_to_decision', 'p90_days_to_decision'];
  const rank = (k) => (kOrder.includes(k) ? kOrder.indexOf(k) : kOrder.length);
  const pairs = figures(report).sort((a, b) => rank(a[0]) - rank(b[0]));
  const counts = pairs.filter(([k]) => !isDuration(k));
  const durations = pairs.filter(([k]) => isDuration(k));
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': 'stats-h' },
    h('h2', { id: 'stats-h' }, `Statistics as of ${report.as_of || asOf}`),
    h(
      'div',
      { class: 'button-row' },
      h('a', { href: `/api/reports/stats${query({ as_of: asOf, format: 'csv' })}`, download: `tollgate-stats-${asOf}.csv`, class: 'button' }, 'Download statistics (CSV)'),
    ),
    h(
      'dl',
      { class: 'figures', id: 'stats-figures' },
      counts.map(([k, v]) => h('div', { class: 'figure', dataset: { figure: k } }, h('dt', {}, humanize(k.replace('.', ': '))), h('dd', {}, formatNumber(v)))),
      durations.map(([k, v]) => h('div', { class: 'figure', dataset: { figure: k } }, h('dt', {}, humanize(k.replace('.', ': '))), h('dd', {}, v === null ? '—' : `${formatNumber(Math.round(v * 10) / 10)} days`))),
    ),
  );
  section.append(await overTime(asOf, counts.map(([k]) => k)));
  return section;
}

// The stats report at several dates, drawn as one line per state.
async function overTime(asOf, keys) {
  let first = asOf;
  try {
    const list = await get('/api/applications');
    const apps = Array.isArray(list) ? list : list.applications || [];
    for (const a of apps) {
      const d = a.review?.submitted_on;
      if (d && d < first) first = d;
    }
  } catch {
    // Without the list (a role that may not read it) the chart starts a year back.
    first = addDays(asOf, -365);
  }
  if (first === asOf) first = addDays(asOf, -30);
  const dates = sampleDates(first, asOf, 8);
  const reports = await Promise.all(dates.map((d) => get(`/api/reports/stats${query({ as_of: d, format: 'json' })}`)));
  const values = reports.map((r) => new Map(figures(r)));
  // The states an application can be in on a date (report stats: received = processed
  // + withdrawn + in_review); other counts when the report has none of these.
  const states = ['received', 'in_review', 'approved', 'intent_to_deny_pending', 'denied', 'returned_without_action', 'withdrawn'].filter((k) => keys.includes(k));
  const shown = (states.length ? states : keys).filter((k) => values.some((m) => (m.get(k) || 0) > 0));
  const series = (shown.length ? shown : states.length ? states : keys).map((k) => ({ name: humanize(k.replace('.', ': ')), points: dates.map((d, i) => ({ x: d, y: values[i].get(k) || 0 })) }));
  const rows = [['date', ...series.map((se) => se.name)], ...dates.map((d, i) => [d, ...series.map((se) => se.points[i].y)])];
  return h(
    'div',
    {},
    h('h3', {}, 'Applications over time by state'),
    lineChart({ title: `Applications by state, ${first} to ${asOf}`, description: `The statistics report on ${dates.length} dates from ${first} to ${asOf}; the table below has the same numbers.`, series }),
    h(
      'details',
      {},
      h('summary', {}, 'The numbers behind the chart'),
      table(rows[0], rows.slice(1).map((r) => r.map(String))),
      csvDownload(rows, `tollgate-stats-over-time-${asOf}.csv`, 'Download these numbers (CSV)'),
    ),
  );
}

async function criteriaSection(from, to) {
  const report = await get(`/api/reports/criteria${query({ from, to, format: 'json' })}`);
  const perCriterion = findArray(report, ['criteria', 'by_criterion', 'per_criterion']);
  const decided = findArray(report, ['applications', 'decisions', 'decided']);
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': 'criteria-h' },
    h('h2', { id: 'criteria-h' }, 'Decisions by criterion'),
    h('div', { class: 'button-row' }, h('a', { href: `/api/reports/criteria${query({ from, to, format: 'csv' })}`, download: 'tollgate-criteria.csv', class: 'button' }, 'Download criteria report (CSV)')),
  );
  if (!perCriterion.length) {
    section.append(empty('No decided application cites a criterion in this period.'));
  } else {
    const nameKey = ['criterion', 'id', 'name'].find((k) => typeof perCriterion[0][k] === 'string') || Object.keys(perCriterion[0]).find((k) => typeof perCriterion[0][k] === 'string');
    const numberKeys = Object.keys(perCriterion[0]).filter((k) => typeof perCriterion[0][k] === 'number' && !/total|count/.test(k));
    const applied = perCriterion.filter((c) => numberKeys.some((k) => c[k] > 0));
    const categories = applied.map((c) => c[nameKey]);
    section.append(
      applied.length
        ? stackedBarChart({
            title: 'Outcomes of the decisions citing each criterion',
            description: 'For each criterion, how many decided applications citing it were approved, sent a notice of intent to deny, or denied; the table has the same numbers.',
            categories,
            series: numberKeys.map((k) => ({ name: humanize(k), values: applied.map((c) => c[k]) })),
          })
        : empty('No decision in this period applied a criterion.'),
      criteriaTable(perCriterion, nameKey, numberKeys),
    );
  }
  if (decided.length) {
    section.append(h('h3', {}, 'Decided applications'), table(Object.keys(decided[0]).map(humanize), decided.map((row) => Object.values(row).map(cell))));
  }
  return section;
}

// The criterion first, then its text and direction, then the counts.
function criteriaTable(rows, nameKey, numberKeys) {
  const textKeys = Object.keys(rows[0]).filter((k) => k !== nameKey && !numberKeys.includes(k));
  const keys = [nameKey, ...textKeys, ...numberKeys];
  return table(keys.map(humanize), rows.map((c) => keys.map((k) => cell(c[k]))));
}

function cell(v) {
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
  if (v && typeof v === 'object') return JSON.stringify(v);
  return v === null || v === undefined ? '—' : String(v);
}

function findArray(report, names) {
  if (Array.isArray(report)) return report;
  for (const n of names) if (Array.isArray(report?.[n])) return report[n];
  return [];
}
