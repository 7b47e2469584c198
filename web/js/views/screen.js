// Screening: a name against the lists in force on a date; each result with its
// score, list, entry, citations, license requirement and policy, and why it scored
// as it did. The query lives in the address (#/screen?name=...) so a result can be
// shared or reloaded.
import { get, post, query } from '../api.js';
import { h, clear, append } from '../dom.js';
import { field, formErrorBox, onSubmit, str, showError } from '../forms.js';
import { matchCard, empty, table, scoreBar, listName } from './parts.js';

export async function screenView({ params, navigate }) {
  const form = h(
    'form',
    { class: 'card search', role: 'search', novalidate: true },
    formErrorBox(),
    h(
      'div',
      { class: 'row' },
      field({ label: 'Name to screen', name: 'name', type: 'search', value: params.get('name') || '', required: true, class: 'grow', placeholder: 'e.g. Huawei Technologies Company', autofocus: !params.get('name') }),
      field({ label: 'Country', name: 'country', value: params.get('country') || '', hint: 'ISO code, optional', size: 4 }),
      field({
        label: 'Type',
        name: 'type',
        value: params.get('type') || '',
        options: [['', 'Any'], ['entity', 'Entity'], ['individual', 'Individual'], ['vessel', 'Vessel'], ['aircraft', 'Aircraft']],
      }),
      field({ label: 'As of', name: 'as_of', type: 'date', value: params.get('as_of') || '', hint: 'default today' }),
      field({ label: 'Threshold', name: 'threshold', type: 'number', min: 0, max: 1, step: 0.01, value: params.get('threshold') || '', hint: 'default 0.85' }),
    ),
    h('button', { type: 'submit', class: 'primary' }, 'Screen'),
  );
  const results = h('section', { 'aria-live': 'polite', 'aria-label': 'Results', class: 'results' });

  onSubmit(form, async (data) => {
    const q = query({
      name: str(data, 'name'),
      country: str(data, 'country'),
      type: str(data, 'type'),
      as_of: str(data, 'as_of'),
      threshold: str(data, 'threshold'),
    });
    navigate(`#/screen${q}`);
  });

  if (params.get('name')) {
    const q = query(Object.fromEntries(['name', 'country', 'type', 'as_of', 'threshold', 'limit'].map((k) => [k, params.get(k)])));
    try {
      const data = await get(`/api/screen${q}`);
      const matches = data.matches || [];
      const searched = data.lists_searched || [];
      // Nothing in force is not "no match": nothing was searched at all.
      const heading = !searched.length
        ? `Nothing screened for “${params.get('name')}”`
        : matches.length
          ? `${matches.length} match${matches.length === 1 ? '' : 'es'} for “${params.get('name')}”`
          : `No match for “${params.get('name')}”`;
      append(results, [
        h('h2', {}, heading),
        warningsOf(data),
        listsSearched(searched, data.as_of),
        matches.length ? matches.map((m) => matchCard(m)) : searched.length ? empty('No listed entry in force on that date scores at or above the threshold.') : null,
      ]);
    } catch (error) {
      queueMicrotask(() => showError(form, error));
    }
  }

  return h(
    'div',
    {},
    h('h1', {}, 'Screening'),
    h('p', { class: 'lead' }, 'Search the restricted-party lists as in force on a date. Scores of 0.95 and above block; 0.85 to 0.94 need an analyst.'),
    form,
    results,
    batchSection(),
  );
}

// The answer's warnings ("no_list_in_force"), as alerts.
function warningsOf(data) {
  return (data.warnings || []).map((w) => h('p', { class: 'form-error', role: 'alert', dataset: { warning: w.code } }, w.message));
}

// Which list versions were searched, with their sizes: what the answer is worth.
function listsSearched(searched, asOf) {
  if (!searched.length) return null;
  return h(
    'p',
    { class: 'hint lists-searched' },
    `Searched on ${asOf}: `,
    searched.map((v, i) => [i ? '; ' : '', h('a', { href: `#/lists?as_of=${asOf}` }, `${v.feed} version ${v.id}`), ` (in force from ${v.as_of}, ${v.entries} entries)`]),
  );
}

// Many names at once: one a line, optionally "id, name, country".
function batchSection() {
  const out = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    formErrorBox(),
    field({ label: 'Names, one a line', name: 'names', field: 'names', type: 'textarea', rows: 4, hint: 'Each line: a name, or "id | name | country".' }),
    h('button', { type: 'submit' }, 'Screen all'),
  );
  onSubmit(form, async (data) => {
    const names = str(data, 'names')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((line, i) => {
        const parts = line.split('|').map((p) => p.trim());
        if (parts.length >= 2) return { id: parts[0], name: parts[1], ...(parts[2] ? { country: parts[2] } : {}) };
        return { id: String(i + 1), name: line };
      });
    const result = await post('/api/screen/batch', { names });
    clear(out);
    out.append(...warningsOf(result));
    const searched = listsSearched(result.lists_searched || [], result.as_of);
    if (searched) out.append(searched);
    const rows = [];
    for (const r of result.results || []) {
      if (!(r.matches || []).length) rows.push([r.id, r.query?.name ?? r.query ?? '', (result.lists_searched || []).length ? 'no match' : 'not screened', '', '']);
      for (const m of r.matches || []) rows.push([r.id, r.query?.name ?? r.query ?? '', m.name || m.matched_name, listName(m.list), scoreBar(m.score)]);
    }
    out.append(table(['Id', 'Query', 'Match', 'List', 'Score'], rows, { caption: 'Batch results' }));
  });
  return h('details', { class: 'batch' }, h('summary', {}, 'Screen a batch of names'), form, out);
}
