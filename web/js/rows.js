// A list of repeated field groups (items, parties) with add and remove buttons.
// Each row's fields carry the API path of their index ("items/2/eccn") so an error
// lands next to the right row; indices are renumbered when a row goes.
import { h } from './dom.js';

// makeRow(index) returns the row's field nodes; `prefix` is "items" or "parties".
export function repeatingRows({ legend, prefix, makeRow, initial = 1, addLabel }) {
  const list = h('div', { class: 'rows' });
  const renumber = () => {
    [...list.children].forEach((row, i) => {
      row.querySelector('.row-label').textContent = `${legend} ${i + 1}`;
      for (const c of row.querySelectorAll('[data-field]')) {
        c.dataset.field = c.dataset.field.replace(new RegExp(`^${prefix}/\\d+`), `${prefix}/${i}`);
      }
      for (const b of row.querySelectorAll('button.remove')) {
        b.setAttribute('aria-label', `Remove ${legend.toLowerCase()} ${i + 1}`);
        b.hidden = list.children.length === 1;
      }
    });
  };
  const add = (focus) => {
    const index = list.children.length;
    const row = h(
      'fieldset',
      { class: 'row-group' },
      h('legend', { class: 'row-label' }, `${legend} ${index + 1}`),
      h('div', { class: 'row' }, makeRow(index)),
      h(
        'button',
        {
          type: 'button',
          class: 'remove link',
          onclick: () => {
            const next = row.nextElementSibling || row.previousElementSibling;
            row.remove();
            renumber();
            next?.querySelector('input, select')?.focus();
          },
        },
        'Remove',
      ),
      h('p', { class: 'field-error', 'aria-live': 'polite' }),
    );
    row.querySelector('.row').dataset.field = `${prefix}/${index}`;
    list.append(row);
    renumber();
    if (focus) row.querySelector('input, select')?.focus();
  };
  for (let i = 0; i < initial; i++) add(false);
  const group = h(
    'div',
    { class: 'repeating', dataset: { field: prefix } },
    list,
    h('button', { type: 'button', onclick: () => add(true) }, addLabel || `Add ${legend.toLowerCase()}`),
    h('p', { class: 'field-error', 'aria-live': 'polite' }),
  );
  group.rows = () => [...list.children];
  return group;
}

// The values of one row's named controls: {eccn: "...", ...}; names are "eccn", not
// the indexed path.
export function rowValues(row) {
  const values = {};
  for (const c of row.querySelectorAll('input, select, textarea')) {
    if (!c.name) continue;
    values[c.name] = c.type === 'checkbox' ? c.checked : c.value.trim();
  }
  return values;
}
