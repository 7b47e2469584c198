// ECCN suggestions while the user types (GET /api/eccns?q=), and the catalog entry of
// an ECCN (GET /api/eccns/{eccn}) shown beside a decision. The suggestion list is a
// combobox in the ARIA pattern: arrows move, Enter or a click picks, Escape closes.
import { get, query } from './api.js';
import { h, clear } from './dom.js';

let listCounter = 0;

// Wires suggestions to `input`; `dateOf()` gives the date whose catalog is searched.
export function suggestEccns(input, dateOf) {
  const id = `eccn-suggest-${++listCounter}`;
  const list = h('ul', { id, class: 'suggestions', role: 'listbox', hidden: true, 'aria-label': 'Suggested ECCNs' });
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', id);
  input.setAttribute('aria-expanded', 'false');
  input.closest('.field')?.append(list);
  let timer = null;
  let asked = 0;
  let active = -1;

  const options = () => [...list.querySelectorAll('[role=option]')];
  const close = () => {
    list.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const highlight = (index) => {
    const all = options();
    if (!all.length) return;
    active = (index + all.length) % all.length;
    all.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', all[active].id);
  };
  const pick = (eccn) => {
    input.value = eccn;
    close();
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };

  async function refresh() {
    const q = input.value.trim();
    if (q.length < 2) return close();
    const mine = ++asked;
    let found;
    try {
      found = await get(`/api/eccns${query({ q, limit: 8, date: dateOf() })}`);
    } catch {
      return close();  // suggestions are a help; the decision reports real errors
    }
    if (mine !== asked) return;  // a later keystroke's answer wins
    if (document.activeElement !== input) return close();  // the user moved on (e.g. Decide)
    clear(list);
    (found.eccns || []).forEach((hit, i) =>
      list.append(
        h(
          'li',
          { id: `${id}-${i}`, role: 'option', 'aria-selected': 'false', dataset: { eccn: hit.eccn }, onmousedown: (e) => { e.preventDefault(); pick(hit.eccn); } },
          h('strong', {}, hit.eccn),
          ' ',
          h('span', { class: 'muted' }, hit.heading),
        ),
      ),
    );
    const any = list.children.length > 0;
    list.hidden = !any;
    input.setAttribute('aria-expanded', String(any));
    active = -1;
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 150);
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      highlight(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      pick(options()[active].dataset.eccn);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}

// The catalog entry beside an item's decision: heading, controls with their reasons,
// the paragraph when one was given, and the citation. Null when it cannot be read.
export async function eccnEntry(eccn, date) {
  let entry;
  try {
    entry = await get(`/api/eccns/${encodeURIComponent(eccn)}${query({ date })}`);
  } catch {
    return null;
  }
  return h(
    'aside',
    { class: 'eccn-entry', 'aria-label': `Catalog entry ${entry.entry}` },
    h('h4', {}, `${entry.entry}: `, entry.heading),
    entry.paragraph ? h('p', {}, `Paragraph ${entry.paragraph}: `, entry.description) : null,
    entry.controls.length
      ? h(
          'ul',
          { class: 'controls' },
          entry.controls.map((c) => h('li', {}, h('strong', {}, c.code), c.reason_name ? ` ${c.reason_name}` : '', c.citation ? [' — ', h('cite', {}, c.citation)] : '')),
        )
      : h('p', {}, 'No reason for control: no license under the Commerce Control List.'),
    h('p', { class: 'citation' }, 'Source: ', h('cite', {}, entry.citation)),
  );
}
