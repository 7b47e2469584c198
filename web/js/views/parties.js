// Parties: the organization's party master (its customers, consignees, end users and
// suppliers), each with the outcome of its latest screening, and the upload of a CSV
// or JSON party file that adds, changes or leaves alone each party by external id.
// 15 CFR 744 and the other lists' rules apply to the parties of every export: the
// master is screened on import and again on each list change (the Alerts page).
// Filter and page live in the address (#/parties?q=...&page=2); a party's page is
// #/parties/{external_id}.
import { get, post, query, uploadWithProgress } from '../api.js';
import { h, clear, humanize, formatNumber } from '../dom.js';
import { field, formErrorBox, onSubmit, str } from '../forms.js';
import { table, empty, badge, scoreBar, matchCard } from './parts.js';
import { alertStateBadge, pager, when } from './watch_parts.js';

const kPerPage = 50;

export async function partiesView({ params, navigate }) {
  const q = params.get('q') || '';
  const show = params.get('show') || '';
  const filterForm = h(
    'form',
    { class: 'card search', novalidate: true, id: 'parties-filter', role: 'search' },
    h(
      'div',
      { class: 'row' },
      field({ label: 'Find', name: 'q', value: q, class: 'grow', hint: 'external id, name, alias, address, identifier or country' }),
      field({
        label: 'Show',
        name: 'show',
        value: show,
        options: [
          ['', 'All parties'],
          ['hits', 'With a match'],
          ['open', 'With open alerts'],
        ],
      }),
    ),
    h('button', { type: 'submit' }, 'Filter'),
  );
  onSubmit(filterForm, async (data) => navigate(`#/parties${query({ q: str(data, 'q'), show: str(data, 'show') })}`));
  const list = h('div', { id: 'parties-list', 'aria-live': 'polite' });
  const refresh = async () => clear(list).append(...(await listContent(params)));
  await refresh();
  return h(
    'div',
    {},
    h('h1', {}, 'Parties'),
    h('p', { class: 'lead' }, 'Your organization’s customers, consignees, end users and suppliers. Each is screened when it is added or changed, and again whenever a list changes; a match opens an alert.'),
    uploadSection(refresh),
    filterForm,
    list,
  );
}

// The count, the table of the page asked for and the paging links. The server filters,
// counts and pages (a master may hold a million parties); each party comes with its
// open alerts.
async function listContent(params) {
  const q = params.get('q') || '';
  const show = params.get('show') || '';
  const asked = Math.max(1, Number(params.get('page')) || 1);
  let result = await get(`/api/parties${query({ q, show, page: asked, per_page: kPerPage })}`);
  const pages = Math.max(1, Math.ceil((result.total || 0) / kPerPage));
  // A page past the end (the master shrank since the link was made) shows the last one.
  if (asked > pages) result = await get(`/api/parties${query({ q, show, page: pages, per_page: kPerPage })}`);
  const page = Math.min(asked, pages);
  const shown = result.parties || [];
  const openCell = (p) => (p.open_alerts ? h('a', { href: `#/alerts${query({ party: p.external_id, state: 'open' })}` }, badge(`${p.open_alerts} open`, 'warn')) : '0');
  const rows = shown.map((p) => [
    h('a', { href: `#/parties/${encodeURIComponent(p.external_id)}` }, p.external_id),
    p.name,
    p.country,
    humanize(p.type),
    statusBadge(p.screening, p.open_alerts || 0),
    p.screening ? scoreBar(p.screening.top_score) : '—',
    p.screening ? String(p.screening.hits) : '—',
    openCell(p),
    when(p.screening?.screened_at),
  ]);
  return [
    h(
      'p',
      { id: 'parties-count' },
      q || show ? `${formatNumber(result.total)} of ${formatNumber(result.master_total)} parties match.` : `${formatNumber(result.master_total)} parties in ${result.organization}’s master.`,
    ),
    shown.length
      ? table(['External id', 'Name', 'Country', 'Type', 'Status', 'Top score', 'Matches', 'Open alerts', 'Screened'], rows, { caption: 'Parties with their latest screening', className: 'parties' })
      : empty(result.master_total ? 'No party matches the filter.' : 'No parties yet: upload a party file above.'),
    pager(page, pages, (n) => `#/parties${query({ q, show, page: n > 1 ? n : '' })}`),
  ].filter(Boolean);
}

// What needs doing first: open alerts, then the screening's own outcome. A list change
// screens the master again into alerts, not into the party's stored screening.
function statusBadge(screening, openAlerts = 0) {
  if (openAlerts) return badge(`${openAlerts} open alert${openAlerts === 1 ? '' : 's'}`, 'warn');
  if (!screening) return badge('not screened', 'muted');
  if (!screening.hits) return badge('clear', 'ok');
  return badge(`${screening.hits} match${screening.hits === 1 ? '' : 'es'}`, screening.top_score >= 0.95 ? 'bad' : 'warn');
}

// "parties.csv:4: field country: 'Narnia' is not ..." -> its parts, for a refusal that
// says plainly where the file is wrong.
export function fileError(message) {
  const m = /^(.*?):(\d+): field ([^:]+): ([\s\S]*)$/.exec(message || '');
  if (m) return { file: m[1], line: m[2], field: m[3], problem: m[4] };
  const l = /^(.*?):(\d+): ([\s\S]*)$/.exec(message || '');
  if (l) return { file: l[1], line: l[2], field: '', problem: l[3] };
  return null;
}

// The upload: the bar follows the request body as it goes (XHR upload progress), then
// the server screens and stores the file as one transaction and answers what it did.
function uploadSection(refresh) {
  const progress = h('progress', { id: 'party-upload-progress', max: 100, value: 0, hidden: true, 'aria-label': 'Upload progress' });
  const progressText = h('span', { class: 'hint', id: 'party-upload-stage', 'aria-live': 'polite' });
  const out = h('div', { id: 'party-upload-result', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'card', novalidate: true, id: 'party-upload-form' },
    h('h2', {}, 'Import a party file'),
    formErrorBox(),
    h(
      'div',
      { class: 'row' },
      field({
        label: 'Party file (CSV or JSON)',
        name: 'file',
        field: 'body',
        type: 'file',
        required: true,
        class: 'grow',
        hint: 'columns external_id, name, country (required), aliases, address, type, date_of_birth, identifiers; a party is matched by its external id',
      }),
    ),
    h('div', { class: 'upload-progress' }, progress, progressText),
    h('button', { type: 'submit', class: 'primary' }, 'Import'),
    out,
  );
  const input = form.querySelector('input[type=file]');
  input.accept = '.csv,.json,text/csv,application/json';
  onSubmit(form, async () => {
    clear(out);
    const file = input.files[0];
    if (!file) throw Object.assign(new Error('choose a party file'), { status: 400, code: 'invalid_argument', field: 'body' });
    const body = new FormData();
    body.append('file', file, file.name);
    progress.hidden = false;
    progress.value = 0;
    delete progress.dataset.sent;
    progressText.textContent = `Sending ${file.name}…`;
    let result;
    try {
      result = await uploadWithProgress('/api/parties/upload', body, (sent, total) => {
        progress.value = Math.round((100 * sent) / total);
        progress.dataset.sent = String(sent);
        if (sent >= total) progressText.textContent = `Sent ${formatNumber(total)} bytes; screening and storing…`;
      });
    } catch (error) {
      progress.hidden = true;
      progressText.textContent = '';
      const where = fileError(error.message);
      if (!where) throw error;
      out.append(
        h(
          'div',
          { class: 'form-error', role: 'alert', id: 'party-upload-error', tabindex: '-1' },
          h('p', {}, `${where.file} was refused; nothing was stored.`),
          h('dl', { class: 'facts' }, h('dt', {}, 'Line'), h('dd', { dataset: { line: where.line } }, where.line), where.field ? [h('dt', {}, 'Field'), h('dd', { dataset: { field: where.field } }, where.field)] : null, h('dt', {}, 'Problem'), h('dd', {}, where.problem)),
        ),
      );
      out.querySelector('#party-upload-error').focus();
      return;
    }
    progress.value = 100;
    progressText.textContent = 'Done.';
    const hits = result.with_hits || [];
    out.append(
      h(
        'div',
        { class: 'notice', role: 'status', id: 'party-upload-summary' },
        h('p', {}, `${file.name}: ${result.added} added, ${result.changed} changed, ${result.unchanged} unchanged; ${hits.length} with a match.`),
        hits.length
          ? h(
              'ul',
              {},
              hits.map((p) => h('li', {}, h('a', { href: `#/parties/${encodeURIComponent(p.external_id)}` }, p.external_id), ` ${p.name}: ${p.screening?.hits ?? 0} match(es), top score ${Number(p.screening?.top_score || 0).toFixed(2)}`)),
            )
          : null,
        h('p', {}, h('a', { href: '#/alerts' }, 'Open alerts')),
      ),
    );
    // The list below shows the parties as now stored.
    await refresh();
  });
  return form;
}

// One party: its facts, its latest screening and its alerts; remove with a confirmation.
export async function partyView({ args, navigate }) {
  const externalId = args[0];
  const [party, alerts] = await Promise.all([
    get(`/api/parties/${encodeURIComponent(externalId)}`),
    get(`/api/alerts${query({ party: externalId, sort: '-opened_at', per_page: 100 })}`),
  ]);
  const s = party.screening;
  const facts = [
    ['External id', party.external_id],
    ['Type', humanize(party.type)],
    ['Country', party.country],
    ['Address', party.address || '—'],
    ['Aliases', (party.aliases || []).join('; ') || '—'],
    party.date_of_birth ? ['Date of birth', party.date_of_birth] : null,
    ['Identifiers', (party.identifiers || []).map((i) => `${i.type}: ${i.value}`).join('; ') || '—'],
    ['Revision', [`${party.revision} (`, when(party.updated_at), ` by ${party.updated_by})`]],
  ].filter(Boolean);
  return h(
    'div',
    {},
    h('p', {}, h('a', { href: '#/parties' }, '← Parties')),
    h('h1', {}, party.name, ' ', statusBadge(s, (alerts.alerts || []).filter((x) => x.state === 'open').length)),
    h('section', { class: 'card' }, h('h2', {}, 'Facts'), h('dl', { class: 'facts', id: 'party-facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))),
    h(
      'section',
      { class: 'card', id: 'party-screening' },
      h('h2', {}, 'Latest screening'),
      s
        ? [
            h('p', {}, `Screened `, when(s.screened_at), ` against the lists in force on ${s.as_of}: ${s.hits} match${s.hits === 1 ? '' : 'es'} at or above the review threshold, top score `, scoreBar(s.top_score), '.'),
            (s.lists || []).length ? h('p', { class: 'hint' }, 'Lists searched: ', s.lists.map((l) => `${l.feed} version ${l.version ?? l.id} of ${l.as_of} (${formatNumber(l.entries)} entries)`).join(', ')) : null,
            (s.matches || []).map((m) => matchCard(m, 'h3')),
          ]
        : empty('Not screened yet.'),
    ),
    h(
      'section',
      { class: 'card', id: 'party-alerts' },
      h('h2', {}, 'Alerts'),
      (alerts.alerts || []).length
        ? table(
            ['Alert', 'Entry', 'Score', 'State', 'Disposition', 'Opened'],
            alerts.alerts.map((a) => [h('a', { href: `#/alerts/${a.id}` }, `#${a.id}`), `${a.entry_name} (${a.list} ${a.entry_id})`, scoreBar(a.score), alertStateBadge(a), a.disposition ? humanize(a.disposition) : '—', when(a.opened_at)]),
            { caption: `Alerts on ${party.external_id}` },
          )
        : empty('No alerts on this party.'),
    ),
    removeSection(party, navigate),
  );
}

// Removing a party asks once more in the page (a real button, not a browser dialog).
function removeSection(party, navigate) {
  const confirmBox = h(
    'div',
    { class: 'confirm', hidden: true, id: 'party-remove-confirm' },
    h('p', {}, `Remove ${party.external_id} (${party.name}) from the master? Its screening stops; the audit log keeps the removal.`),
  );
  const form = h(
    'form',
    { class: 'card', novalidate: true, id: 'party-remove-form' },
    h('h2', {}, 'Remove'),
    formErrorBox(),
    h('button', { type: 'button', class: 'danger', onclick: () => open() }, `Remove ${party.external_id}`),
    confirmBox,
  );
  const open = () => {
    confirmBox.hidden = false;
    confirmBox.querySelector('button.danger')?.focus();
  };
  confirmBox.append(
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'danger' }, 'Confirm removal'),
      h('button', { type: 'button', onclick: () => (confirmBox.hidden = true) }, 'Cancel'),
    ),
  );
  onSubmit(form, async () => {
    await post(`/api/parties/${encodeURIComponent(party.external_id)}/remove`);
    navigate('#/parties');
  });
  return form;
}
