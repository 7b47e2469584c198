// The applications a user may see: an applicant's own, or the licensing officers'
// queue with the statutory clocks of each (days left, overdue, the 20 days to answer
// an intent to deny).
import { get, query } from '../api.js';
import { h, humanize } from '../dom.js';
import { field } from '../forms.js';
import { hasRole } from '../session.js';
import { table, empty, daysLeft, stateBadge, badge } from './parts.js';

const kStates = ['submitted', 'registered', 'referred', 'escalated', 'intent_to_deny', 'applicant_responded', 'approved', 'denied', 'returned_without_action', 'withdrawn'];

// "application D000001" or a control_number field: the due line's application.
export function dueControlNumber(line) {
  if (line.control_number) return line.control_number;
  const m = /([A-Z]\d{6,})/.exec(line.application || '');
  return m ? m[1] : '';
}

export async function applicationsView({ params, navigate }) {
  const state = params.get('state') || '';
  const showClocks = hasRole('reviewer', 'oversight');
  const [list, due] = await Promise.all([
    get(`/api/applications${query({ state })}`),
    showClocks ? get('/api/applications/due') : Promise.resolve([]),
  ]);
  const applications = Array.isArray(list) ? list : list.applications || [];
  const dueLines = Array.isArray(due) ? due : due.due || due.lines || [];
  const byAcn = new Map();
  for (const line of dueLines) {
    const acn = dueControlNumber(line);
    if (!byAcn.has(acn)) byAcn.set(acn, []);
    byAcn.get(acn).push(line);
  }
  for (const lines of byAcn.values()) lines.sort((a, b) => a.days_left - b.days_left);

  const filter = field({ label: 'State', name: 'state', value: state, options: [['', 'All states'], ...kStates.map((s) => [s, humanize(s)])] });
  filter.querySelector('select').addEventListener('change', (e) => navigate(`#/applications${query({ state: e.target.value })}`));

  const mine = hasRole('applicant');
  const clocksOf = (a) => byAcn.get(a.control_number) || [];
  const columns = [
    ['Control number', (a) => h('a', { href: `#/applications/${encodeURIComponent(a.control_number || a.id)}` }, a.control_number || `#${a.id}`)],
    mine ? null : ['Applicant', (a) => a.applicant?.name],
    ['Ultimate consignee', (a) => a.ultimate_consignee?.name],
    ['Destination', (a) => a.destination],
    ['Items', (a) => (a.items || []).map((i) => i.eccn).join(', ')],
    ['State', (a) => stateBadge(a.state)],
    ['Submitted', (a) => a.review?.submitted_on || '—'],
    showClocks ? ['Next clock', (a) => (clocksOf(a).length ? clockCell(clocksOf(a)[0]) : '—')] : null,
    showClocks ? ['Intent to deny', (a) => intentCountdown(a, clocksOf(a))] : null,
  ].filter(Boolean);
  const headers = columns.map(([header]) => header);
  const rows = applications.map((a) => columns.map(([, cell]) => cell(a)));

  const overdue = dueLines.filter((l) => l.overdue || l.days_left < 0);
  return h(
    'div',
    {},
    h('h1', {}, mine ? 'My applications' : 'Application queue'),
    mine ? h('p', {}, h('a', { href: '#/applications/new', class: 'button primary' }, 'New application')) : null,
    showClocks
      ? h(
          'ul',
          { class: 'summary' },
          h('li', {}, h('strong', {}, String(applications.length)), ' applications shown'),
          h('li', {}, h('strong', {}, String(dueLines.length)), ' clocks running'),
          h('li', { class: overdue.length ? 'bad' : '' }, h('strong', {}, String(overdue.length)), ' overdue'),
        )
      : null,
    h('div', { class: 'toolbar' }, filter),
    applications.length ? table(headers, rows, { caption: mine ? 'Your organization’s applications' : 'Applications with their clocks', className: 'queue' }) : empty('No applications.'),
    showClocks && dueLines.length
      ? h(
          'section',
          {},
          h('h2', {}, 'Clocks'),
          table(
            ['Application', 'What', 'Due', 'Days left', 'Citation'],
            [...dueLines]
              .sort((a, b) => a.days_left - b.days_left)
              .map((l) => [
                h('a', { href: `#/applications/${dueControlNumber(l)}` }, dueControlNumber(l)),
                l.what + (l.agency ? ` (${humanize(l.agency)})` : ''),
                l.due,
                daysLeft(l),
                h('cite', {}, l.citation),
              ]),
          ),
        )
      : null,
  );
}

function clockCell(line) {
  return h('span', {}, `${line.what}: `, daysLeft(line));
}

// The 20 days the applicant has to answer a notice of intent to deny (§750.6).
function intentCountdown(application, lines) {
  const notice = application.review?.intent_to_deny;
  if (application.state !== 'intent_to_deny' || !notice) return '—';
  const line = lines.find((l) => /respon/.test(l.kind || '') || /intent/.test(l.kind || ''));
  if (line) return daysLeft(line);
  const days = Math.round((Date.parse(notice.response_due) - Date.parse(new Date().toISOString().slice(0, 10))) / 86400000);
  return days < 0 ? badge(`${-days} days past the response date`, 'bad') : badge(`${days} days to respond`, days <= 5 ? 'warn' : 'info');
}
