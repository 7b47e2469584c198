// Lists: every stored list version with its in-force date and entry count, what is in
// force on a date, the difference between two versions of a feed, and, for an
// administrator, an upload (one file, or an OFAC set: primary, alias and address
// files) and "update now" from the official sources. The date and the diff live in
// the address (#/lists?as_of=...&feed=...&from=...&to=...).
import { get, upload, post, query } from '../api.js';
import { h, clear, formatNumber } from '../dom.js';
import { field, checkbox, formErrorBox, onSubmit, str, showError } from '../forms.js';
import { table, empty, badge } from './parts.js';
import { hasRole } from '../session.js';

export async function listsView({ params, navigate }) {
  const asOf = params.get('as_of') || '';
  const status = await get(`/api/lists/status${query({ as_of: asOf })}`);
  const inForce = new Set(status.in_force || []);
  const versions = status.versions || [];

  const dateForm = h(
    'form',
    { class: 'card search', novalidate: true, id: 'lists-date' },
    formErrorBox(),
    h('div', { class: 'row' }, field({ label: 'In force on', name: 'as_of', field: 'as_of', type: 'date', value: asOf, hint: 'default today' })),
    h('button', { type: 'submit' }, 'Show'),
  );
  onSubmit(dateForm, async (data) => navigate(`#/lists${query({ as_of: str(data, 'as_of') })}`));

  const inForceCount = versions.filter((v) => inForce.has(v.id)).length;
  const summary = inForceCount
    ? h('p', { id: 'lists-in-force' }, `${inForceCount} list version${inForceCount === 1 ? '' : 's'} in force on ${status.as_of}.`)
    : h('p', { class: 'form-error', role: 'alert', id: 'lists-in-force' }, `No list version is in force on ${status.as_of}: screening on that date searches nothing.`);

  const versionTable = versions.length
    ? table(
        ['Id', 'Feed', 'Format', 'In force from', 'Entries', 'Imported', 'File', ''],
        versions.map((v) => [String(v.id), v.feed, v.format, v.as_of, formatNumber(v.entries), v.imported_at, v.file_name, inForce.has(v.id) ? badge('in force', 'ok') : '']),
        { caption: 'List versions', className: 'lists-versions' },
      )
    : empty('No list has been imported yet.');

  return h(
    'div',
    {},
    h('h1', {}, 'Lists'),
    h('p', { class: 'lead' }, 'The restricted-party list versions screening searches: each is in force from its date until the next version of its feed.'),
    dateForm,
    summary,
    versionTable,
    diffSection(versions, params, navigate),
    hasRole('admin') ? uploadSection() : null,
    hasRole('admin') ? updateSection() : null,
  );
}

// The difference between two versions of one feed: added, removed and changed entries.
function diffSection(versions, params, navigate) {
  const feeds = [...new Set(versions.map((v) => v.feed))];
  const feed = params.get('feed') || feeds.find((f) => versions.filter((v) => v.feed === f).length > 1) || feeds[0] || '';
  const ofFeed = versions.filter((v) => v.feed === feed);
  const options = ofFeed.map((v) => [String(v.id), `${v.id} · ${v.as_of} · ${v.file_name}`]);
  const to = params.get('to') || (ofFeed.length ? String(ofFeed[ofFeed.length - 1].id) : '');
  const from = params.get('from') || (ofFeed.length > 1 ? String(ofFeed[ofFeed.length - 2].id) : '');
  const out = h('div', { 'aria-live': 'polite', id: 'lists-diff' });
  const form = h(
    'form',
    { class: 'card', novalidate: true, id: 'diff-form' },
    h('h2', {}, 'Compare two versions'),
    formErrorBox(),
    h(
      'div',
      { class: 'row' },
      field({ label: 'Feed', name: 'feed', field: 'source', value: feed, options: feeds.map((f) => [f, f]) }),
      field({ label: 'From version', name: 'from', field: 'from', value: from, options: [['', '(the one before)'], ...options] }),
      field({ label: 'To version', name: 'to', field: 'to', value: to, options: [['', '(the latest)'], ...options] }),
    ),
    h('button', { type: 'submit' }, 'Compare'),
    out,
  );
  // A new feed changes the versions to choose from: the page is redrawn for it.
  form.querySelector('select[name=feed]')?.addEventListener('change', (event) => {
    navigate(`#/lists${query({ as_of: params.get('as_of'), feed: event.target.value })}`);
  });
  onSubmit(form, async (data) => {
    navigate(`#/lists${query({ as_of: params.get('as_of'), feed: str(data, 'feed'), from: str(data, 'from'), to: str(data, 'to'), diff: '1' })}`);
  });
  if (params.get('diff') && feed) {
    get(`/api/lists/diff${query({ source: feed, from: params.get('from'), to: params.get('to') })}`)
      .then((diff) => out.append(...diffResult(diff)))
      .catch((error) => showError(form, error));
  }
  return form;
}

function diffResult(diff) {
  const kShown = 50;
  const rows = (entries) => entries.slice(0, kShown).map((e) => [e.list, e.entry_id, e.name]);
  const more = (n) => (n > kShown ? h('p', { class: 'hint' }, `… and ${formatNumber(n - kShown)} more`) : null);
  return [
    h('p', { id: 'diff-summary' }, `Version ${diff.from.id} (${diff.from.as_of}) to ${diff.to.id} (${diff.to.as_of}): ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed.`),
    diff.added.length ? table(['List', 'Entry', 'Name'], rows(diff.added), { caption: 'Added' }) : null,
    more(diff.added.length),
    diff.removed.length ? table(['List', 'Entry', 'Name'], rows(diff.removed), { caption: 'Removed' }) : null,
    more(diff.removed.length),
    diff.changed.length
      ? table(['List', 'Entry', 'Name', 'Fields'], diff.changed.slice(0, kShown).map((c) => [c.after.list, c.after.entry_id, c.after.name, c.fields.join(', ')]), { caption: 'Changed' })
      : null,
    more(diff.changed.length),
  ];
}

// One list file, or an OFAC set (sdn.csv or cons_prim.csv with its alt and add files)
// chosen together: sent as multipart/form-data, refused whole when anything is wrong.
function uploadSection() {
  const out = h('div', { 'aria-live': 'polite', id: 'upload-result' });
  const form = h(
    'form',
    { class: 'card', novalidate: true, id: 'upload-form' },
    h('h2', {}, 'Upload a list'),
    formErrorBox(),
    h(
      'div',
      { class: 'row' },
      field({ label: 'List file(s)', name: 'file', field: 'body', type: 'file', required: true, class: 'grow', hint: 'an OFAC set: choose the primary, alias (alt) and address (add) files together' }),
      field({ label: 'In force from', name: 'as_of', field: 'as_of', type: 'date', hint: "default the file's own date, else today" }),
      field({
        label: 'Format',
        name: 'format',
        field: 'format',
        options: [['', 'Detect'], ...['csl-csv', 'csl-json', 'ofac-sdn', 'ofac-cons', 'un-xml', 'bis-dpl', 'state-isn', 'state-dtc'].map((f) => [f, f])],
      }),
    ),
    checkbox({ label: 'An OFAC primary file alone (aliases from its remarks only, no addresses)', name: 'primary_only', value: 'true', field: 'primary_only' }),
    h('button', { type: 'submit', class: 'primary' }, 'Upload'),
    out,
  );
  form.querySelector('input[type=file]').multiple = true;
  onSubmit(form, async (data) => {
    const body = new FormData();
    const files = form.querySelector('input[type=file]').files;
    for (const file of files) body.append('file', file, file.name);
    for (const k of ['as_of', 'format']) if (str(data, k)) body.append(k, str(data, k));
    if (data.get('primary_only')) body.append('primary_only', 'true');
    const result = await upload('/api/lists/import', body);
    const v = result.version;
    clear(out).append(
      h(
        'div',
        { class: 'notice', role: 'status' },
        h('p', {}, result.unchanged ? `${v.file_name} is identical to version ${v.id} of ${v.feed}: nothing stored.` : `Imported ${v.file_name} as version ${v.id} of ${v.feed}: ${formatNumber(v.entries)} entries, in force from ${v.as_of}.`),
        ...(result.warnings || []).map((w) => h('p', {}, `Warning: ${w}`)),
        result.new_matches ? h('p', {}, `${result.new_matches} new match(es) on open applications.`) : null,
        result.alerts && result.alerts.opened + result.alerts.reopened + result.alerts.closed
          ? h('p', { id: 'upload-alerts' }, `Party masters screened again: ${result.alerts.opened} alert(s) opened, ${result.alerts.reopened} reopened, ${result.alerts.closed} closed.`)
          : null,
        h('p', {}, h('a', { href: '#/lists' }, 'Show the versions')),
      ),
    );
  });
  return form;
}

// "Update now": downloads every official source, imports what changed.
function updateSection() {
  const out = h('div', { 'aria-live': 'polite', id: 'update-result' });
  const form = h(
    'form',
    { class: 'card', novalidate: true, id: 'update-form' },
    h('h2', {}, 'Update from the official sources'),
    formErrorBox(),
    h('p', { class: 'hint' }, 'Downloads each list named in data/sources.json and stores the ones that changed.'),
    h('button', { type: 'submit' }, 'Update now'),
    out,
  );
  onSubmit(form, async () => {
    const report = await post('/api/lists/update');
    clear(out).append(
      table(
        ['Source', 'Outcome', 'Version', 'Detail'],
        (report.sources || []).map((s) => [s.source, s.outcome, s.version ? `${s.version.id} (${formatNumber(s.version.entries ?? s.version.entry_count)} entries)` : '', s.error?.message || (s.warnings || []).join('; ')]),
        { caption: 'Update' },
      ),
    );
  });
  return form;
}
