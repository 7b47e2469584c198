// Labelled form fields and the display of API errors next to the field they name.
import { h, clear } from './dom.js';

let fieldCounter = 0;

// One labelled control. `field` is the API's name for it ("items/0/eccn"): an error
// naming that field is shown under this control.
// opts: {label, name, field, type, value, required, options: [[value, text]],
//        hint, placeholder, min, max, step, autocomplete, rows, list, autofocus}
export function field(opts) {
  const id = opts.id || `f${++fieldCounter}`;
  const errorId = `${id}-error`;
  const hintId = opts.hint ? `${id}-hint` : null;
  const common = {
    id,
    name: opts.name,
    required: opts.required,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
    dataset: { field: opts.field || opts.name },
    'data-autofocus': opts.autofocus,
  };
  let control;
  if (opts.options) {
    control = h(
      'select',
      common,
      opts.options.map(([value, text]) =>
        h('option', { value, selected: String(value) === String(opts.value ?? '') }, text),
      ),
    );
  } else if (opts.type === 'textarea') {
    control = h('textarea', { ...common, rows: opts.rows || 3, placeholder: opts.placeholder });
    control.value = opts.value ?? '';
  } else {
    control = h('input', {
      ...common,
      type: opts.type || 'text',
      value: opts.value ?? '',
      placeholder: opts.placeholder,
      min: opts.min,
      max: opts.max,
      step: opts.step,
      autocomplete: opts.autocomplete || 'off',
      list: opts.list,
      inputmode: opts.inputmode,
      pattern: opts.pattern,
      size: opts.size,
    });
  }
  return h(
    'div',
    { class: `field ${opts.class || ''}` },
    h('label', { for: id }, opts.label, opts.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    control,
    opts.hint ? h('p', { class: 'hint', id: hintId }, opts.hint) : null,
    h('p', { class: 'field-error', id: errorId, 'aria-live': 'polite' }),
  );
}

// A checkbox with its label after it.
export function checkbox({ label, name, value, checked, field: apiField }) {
  const id = `f${++fieldCounter}`;
  return h(
    'div',
    { class: 'check' },
    h('input', { type: 'checkbox', id, name, value, checked, dataset: { field: apiField || name } }),
    h('label', { for: id }, label),
  );
}

// The box at the top of a form for errors that name no field (or a field not shown).
export function formErrorBox() {
  return h('div', { class: 'form-error', role: 'alert', hidden: true });
}

export function clearErrors(form) {
  for (const p of form.querySelectorAll('.field-error')) clear(p);
  for (const c of form.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  const box = form.querySelector('.form-error');
  if (box) {
    clear(box);
    box.hidden = true;
  }
}

// Shows an ApiError next to its field (the closest one: "items/0" for
// "items/0/eccn/x" when only the row exists), or in the form's box, and moves the
// focus there so a keyboard user lands on it.
export function showError(form, error) {
  clearErrors(form);
  const text = `${error.message}${error.code ? ` (${error.code})` : ''}`;
  let control = null;
  if (error.field) {
    const parts = error.field.split('/');
    while (parts.length && !control) {
      control = form.querySelector(`[data-field="${CSS.escape(parts.join('/'))}"]`);
      parts.pop();
    }
  }
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    const slot =
      control.closest('.field, .check')?.querySelector('.field-error') ||
      control.closest('fieldset, .repeating')?.querySelector(':scope > .field-error');
    if (slot) {
      slot.textContent = text;
      const focusable = control.matches('input, select, textarea') ? control : control.querySelector('input, select, textarea');
      focusable?.focus();
      return;
    }
  }
  let box = form.querySelector('.form-error');
  if (!box) {
    box = formErrorBox();
    form.prepend(box);
  }
  box.textContent = error.field ? `${error.field}: ${text}` : text;
  box.hidden = false;
  box.setAttribute('tabindex', '-1');
  box.focus();
}

// Runs `action` on submit with the button disabled while it runs; errors go next
// to their fields.
export function onSubmit(form, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const buttons = form.querySelectorAll('button[type=submit]');
    buttons.forEach((b) => (b.disabled = true));
    clearErrors(form);
    try {
      await action(new FormData(form));
    } catch (error) {
      if (error && error.message !== undefined && 'status' in error) showError(form, error);
      else showError(form, { message: String(error), code: 'internal' });
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  });
  return form;
}

export function str(data, name) {
  const v = data.get(name);
  return v === null ? '' : String(v).trim();
}

// A whole number from a form value, or undefined when empty.
export function int(data, name) {
  const v = str(data, name);
  if (v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
}
