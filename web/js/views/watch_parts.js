// Pieces the exporter's watch pages share (Parties, Alerts, History): an alert's state,
// paging links, a screening explanation made readable, facts and what changed.
import { h, humanize } from '../dom.js';
import { badge, table } from './parts.js';

// open (waits for an analyst, escalated included), decided, closed.
export function alertStateBadge(alert) {
  if (alert.state === 'open') return badge(alert.disposition === 'escalated' ? 'escalated' : 'open', 'warn');
  if (alert.state === 'closed') return badge('closed', 'muted');
  return badge(humanize(alert.disposition || alert.state), alert.disposition === 'true_match' ? 'bad' : 'ok');
}

// A stored UTC timestamp ("2026-12-07T06:00:46Z") as "2026-12-07 06:00 UTC", on one
// line; anything else as given.
export function when(timestamp) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(timestamp || '');
  return m ? h('time', { datetime: timestamp, class: 'nowrap' }, `${m[1]} ${m[2]} UTC`) : timestamp || '—';
}

// "Page 2 of 5" with Previous and Next as real links (the page is in the address).
export function pager(page, pages, hrefOf) {
  if (pages <= 1) return null;
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    page > 1 ? h('a', { href: hrefOf(page - 1), rel: 'prev' }, '← Previous') : h('span', { class: 'muted' }, '← Previous'),
    h('span', { class: 'pager-at', 'aria-current': 'page' }, `Page ${page} of ${pages}`),
    page < pages ? h('a', { href: hrefOf(page + 1), rel: 'next' }, 'Next →') : h('span', { class: 'muted' }, 'Next →'),
  );
}

// The screening engine's one-paragraph explanation ("matched name 'X' (0.93): a=b
// (exact), c~d (abbreviation); ltd (legal form), low weight; not in the query: e; ...")
// as a heading and one labelled line per part.
export function explanationParts(text) {
  const body = String(text || '').replace(/\.$/, '');
  const m = /^(matched (?:name|alias) '.*?' \([0-9.]+\))(?::\s*)?([\s\S]*)$/.exec(body);
  const head = m ? m[1] : '';
  const parts = (m ? m[2] : body).split('; ').filter(Boolean);
  const labelled = parts.map((part, i) => {
    if (part.startsWith('not in the query: ')) return ['Words of the listed name the party lacks', part.slice(18)];
    if (part.startsWith('not in the name: ')) return ['Words of the party’s name the listed one lacks', part.slice(17)];
    if (part.endsWith(', low weight')) return ['Agreeing words of low weight', part.slice(0, -12)];
    if (i === 0 && m) return ['Words that agree', part];
    return ['Note', part];
  });
  return { head, parts: labelled };
}

export function explanationView(text) {
  const { head, parts } = explanationParts(text);
  return h(
    'div',
    { class: 'explanation', id: 'alert-explanation' },
    head ? h('p', {}, h('strong', {}, head.charAt(0).toUpperCase() + head.slice(1))) : null,
    h('dl', { class: 'facts' }, parts.map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])),
  );
}

// A fact's value as text: lists joined, an address (an array of its parts) on one line.
export function factText(value) {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (!value.length) return '—';
    return value.map((v) => (Array.isArray(v) ? [...new Set(v.filter(Boolean))].join(', ') : factText(v))).join('; ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

// {"party": {field: {before, after}}, "entry": {...}} as rows of a table.
export function changedTable(changed) {
  const rows = [];
  for (const [side, fields] of Object.entries(changed || {})) {
    for (const [name, change] of Object.entries(fields || {})) {
      rows.push([side === 'party' ? 'Party' : side === 'entry' ? 'Listed entry' : humanize(side), humanize(name), factText(change?.before), factText(change?.after)]);
    }
  }
  if (!rows.length) return null;
  return table(['Side', 'Field', 'Before', 'After'], rows, { caption: 'What changed since the disposition', className: 'changed' });
}
