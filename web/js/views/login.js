// Log in with a user name and password; the server sets an HttpOnly session cookie
// and returns the CSRF token the other requests carry. A one-time password (from an
// administrator) opens no session: the server answers password_change_required and
// this view asks for a new password, which POST /api/password sets before logging in.
import { ApiError, post } from '../api.js';
import { h, clear } from '../dom.js';
import { field, formErrorBox, onSubmit, str } from '../forms.js';
import { setSession, homeFor } from '../session.js';

function changeForm({ user, password, navigate }) {
  const form = h(
    'form',
    { class: 'card narrow', novalidate: true, id: 'password-change-form' },
    h('h2', {}, 'Choose your own password'),
    h('p', { role: 'status' }, `The password of ${user} is a one-time password. Choose a new one (at least 12 characters) to log in.`),
    formErrorBox(),
    field({ label: 'New password', name: 'new_password', type: 'password', required: true, autocomplete: 'new-password', autofocus: true }),
    field({ label: 'New password again', name: 'again', type: 'password', required: true, autocomplete: 'new-password' }),
    h('button', { type: 'submit', class: 'primary' }, 'Set password and log in'),
  );
  onSubmit(form, async (data) => {
    const next = data.get('new_password') || '';
    if (next !== (data.get('again') || '')) {
      throw new ApiError(400, { code: 'invalid_argument', field: 'again', message: 'the two new passwords differ' });
    }
    const result = await post('/api/password', { user, password, new_password: next });
    setSession(result);
    navigate(homeFor(result.user));
  });
  return form;
}

export function loginView({ navigate }) {
  const slot = h('div', {});
  const form = h(
    'form',
    { class: 'card narrow', novalidate: true, id: 'login-form' },
    formErrorBox(),
    field({ label: 'User name', name: 'user', required: true, autocomplete: 'username', autofocus: true }),
    field({ label: 'Password', name: 'password', type: 'password', required: true, autocomplete: 'current-password' }),
    h('button', { type: 'submit', class: 'primary' }, 'Log in'),
  );
  onSubmit(form, async (data) => {
    const user = str(data, 'user');
    const password = data.get('password') || '';
    let result;
    try {
      result = await post('/api/login', { user, password });
    } catch (error) {
      if (error.code !== 'password_change_required') throw error;
      const next = changeForm({ user, password, navigate });
      clear(slot).append(next);
      form.hidden = true;
      next.querySelector('input')?.focus();
      return;
    }
    setSession(result);
    navigate(homeFor(result.user));
  });
  return h(
    'section',
    { class: 'login' },
    h('h1', {}, 'Log in to Tollgate'),
    h('p', { class: 'lead' }, 'Export-control screening, determinations and license applications.'),
    form,
    slot,
  );
}
