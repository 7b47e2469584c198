// Log in with a user name and password; the server sets an HttpOnly session cookie
// and returns the CSRF token the other requests carry.
import { post } from '../api.js';
import { h } from '../dom.js';
import { field, formErrorBox, onSubmit, str } from '../forms.js';
import { setSession, homeFor } from '../session.js';

export function loginView({ navigate }) {
  const form = h(
    'form',
    { class: 'card narrow', novalidate: true },
    formErrorBox(),
    field({ label: 'User name', name: 'user', required: true, autocomplete: 'username', autofocus: true }),
    field({ label: 'Password', name: 'password', type: 'password', required: true, autocomplete: 'current-password' }),
    h('button', { type: 'submit', class: 'primary' }, 'Log in'),
  );
  onSubmit(form, async (data) => {
    const result = await post('/api/login', { user: str(data, 'user'), password: data.get('password') || '' });
    setSession(result);
    navigate(homeFor(result.user));
  });
  return h(
    'section',
    { class: 'login' },
    h('h1', {}, 'Log in to Tollgate'),
    h('p', { class: 'lead' }, 'Export-control screening, determinations and license applications.'),
    form,
  );
}
