// Administration: organizations and users. A user created without a password gets
// a one-time password from the server, shown here once.
import { get, post } from '../api.js';
import { h, clear } from '../dom.js';
import { field, formErrorBox, onSubmit, str } from '../forms.js';
import { table, empty } from './parts.js';

export async function adminView({ navigate }) {
  const orgs = await get('/api/organizations');
  const organizations = Array.isArray(orgs) ? orgs : orgs.organizations || [];

  const orgForm = h(
    'form',
    { class: 'card', novalidate: true, id: 'org-form' },
    h('h2', {}, 'Add an organization'),
    formErrorBox(),
    h('div', { class: 'row' }, field({ label: 'Organization id', name: 'id', required: true, hint: 'short, e.g. microsoft' }), field({ label: 'Name', name: 'name', required: true, class: 'grow' })),
    h('button', { type: 'submit', class: 'primary' }, 'Add organization'),
  );
  onSubmit(orgForm, async (data) => {
    await post('/api/organizations', { id: str(data, 'id'), name: str(data, 'name') });
    navigate('#/admin');
  });

  const created = h('div', { 'aria-live': 'polite', id: 'user-created' });
  const userForm = h(
    'form',
    { class: 'card', novalidate: true, id: 'user-form' },
    h('h2', {}, 'Add a user'),
    formErrorBox(),
    h(
      'div',
      { class: 'row' },
      field({ label: 'User name', name: 'name', required: true }),
      field({ label: 'Role', name: 'role', options: [['applicant', 'Applicant'], ['reviewer', 'Reviewer (licensing officer)'], ['agency', 'Agency officer'], ['oversight', 'Oversight'], ['admin', 'Administrator']] }),
      field({ label: 'Organization', name: 'organization', options: [['', '(none)'], ...organizations.map((o) => [o.id, `${o.name} (${o.id})`])], hint: 'applicants only' }),
      field({ label: 'Agency', name: 'agency', options: [['', '(none)'], ['defense', 'Defense'], ['state', 'State'], ['energy', 'Energy']], hint: 'agency officers only' }),
      field({ label: 'Password', name: 'password', type: 'password', autocomplete: 'new-password', hint: 'leave empty for a one-time password' }),
    ),
    h('button', { type: 'submit', class: 'primary' }, 'Add user'),
    created,
  );
  onSubmit(userForm, async (data) => {
    const body = { name: str(data, 'name'), role: str(data, 'role') };
    for (const k of ['organization', 'agency']) if (str(data, k)) body[k] = str(data, k);
    if (data.get('password')) body.password = data.get('password');
    const result = await post('/api/users', body);
    const user = result.user || result;
    const password = result.password || result.one_time_password;
    clear(created).append(
      h(
        'div',
        { class: 'notice', role: 'status' },
        h('p', {}, `Added ${user.name || body.name} (${user.role || body.role}).`),
        password ? h('p', {}, 'One-time password (shown once): ', h('code', { class: 'secret', id: 'one-time-password' }, password)) : null,
      ),
    );
    userForm.querySelector('input[name=name]').value = '';
    userForm.querySelector('input[name=password]').value = '';
  });

  return h(
    'div',
    {},
    h('h1', {}, 'Administration'),
    h('section', { class: 'card' }, h('h2', {}, 'Organizations'), organizations.length ? table(['Id', 'Name'], organizations.map((o) => [o.id, o.name])) : empty('No organizations yet.')),
    h('div', { class: 'columns' }, orgForm, userForm),
  );
}
