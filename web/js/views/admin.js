// Administration: organizations and users. A user created without a password gets
// a one-time password from the server, shown here once. Users are listed with their
// state and can be disabled, enabled, given another role, reset (a new one-time
// password) and have their API tokens listed and revoked.
import { get, post } from '../api.js';
import { h, clear } from '../dom.js';
import { field, formErrorBox, onSubmit, str } from '../forms.js';
import { table, empty, badge } from './parts.js';

const kRoles = [['applicant', 'Applicant'], ['reviewer', 'Reviewer (licensing officer)'], ['agency', 'Agency officer'], ['oversight', 'Oversight'], ['admin', 'Administrator']];
const kAgencies = [['', '(none)'], ['defense', 'Defense'], ['state', 'State'], ['energy', 'Energy']];
const userPath = (name, rest) => `/api/users/${encodeURIComponent(name)}/${rest}`;

// The result of an action on a user: a status line, or the error in an alert.
function report(slot, node) {
  clear(slot).append(node);
}

async function act(slot, action) {
  try {
    await action();
  } catch (error) {
    report(slot, h('p', { class: 'form-error', role: 'alert' }, `${error.message}${error.code ? ` (${error.code})` : ''}`));
  }
}

function tokensPanel(name, slot) {
  const panel = h('section', { class: 'card', id: 'user-tokens', 'aria-live': 'polite' });
  const load = async () => {
    const { tokens } = await get(userPath(name, 'tokens'));
    clear(panel).append(
      h('h3', {}, `API tokens of ${name}`),
      tokens.length
        ? table(['Id', 'Name', 'Issued', ''], tokens.map((t) => [h('code', {}, t.id), t.name, t.created_at, h('button', { type: 'button', class: 'link', onclick: () => act(slot, async () => { await post(userPath(name, `tokens/${t.id}/revoke`)); report(slot, h('p', { role: 'status' }, `Revoked token ${t.id} of ${name}.`)); await load(); }) }, `Revoke ${t.name}`)]))
        : empty(`${name} has no API tokens.`),
    );
  };
  return { panel, load };
}

function usersSection(users, navigate, session) {
  const slot = h('div', { 'aria-live': 'polite', id: 'user-action' });
  const tokens = h('div', {});
  const rows = users.map((u) => {
    const self = session && session.name === u.name;
    const toggle = u.disabled
      ? h('button', { type: 'button', class: 'link', onclick: () => act(slot, async () => { await post(userPath(u.name, 'enable')); navigate('#/admin'); }) }, `Enable ${u.name}`)
      : self ? null : h('button', { type: 'button', class: 'link', onclick: () => act(slot, async () => { await post(userPath(u.name, 'disable')); navigate('#/admin'); }) }, `Disable ${u.name}`);
    const reset = h('button', { type: 'button', class: 'link', onclick: () => act(slot, async () => {
      const { password } = await post(userPath(u.name, 'password'));
      report(slot, h('div', { class: 'notice', role: 'status' }, h('p', {}, `New one-time password for ${u.name} (shown once; to be changed at the first login): `, h('code', { class: 'secret', id: 'reset-password' }, password))));
    }) }, `Reset password of ${u.name}`);
    const showTokens = h('button', { type: 'button', class: 'link', onclick: () => act(slot, async () => { const { panel, load } = tokensPanel(u.name, slot); await load(); clear(tokens).append(panel); }) }, `Tokens of ${u.name}`);
    return [
      u.name,
      u.role,
      u.organization || u.agency || '',
      u.disabled ? badge('Disabled', 'bad') : badge('Enabled', 'ok'),
      !u.has_password ? 'none' : u.must_change_password ? 'one-time' : 'set',
      String(u.tokens),
      h('div', { class: 'actions' }, toggle, reset, showTokens),
    ];
  });
  return h(
    'section',
    { class: 'card', id: 'users' },
    h('h2', {}, 'Users'),
    users.length ? table(['Name', 'Role', 'Organization or agency', 'State', 'Password', 'Tokens', 'Actions'], rows) : empty('No users yet.'),
    slot,
    tokens,
  );
}

function roleForm(users, organizations, navigate) {
  const form = h(
    'form',
    { class: 'card', novalidate: true, id: 'role-form' },
    h('h2', {}, "Change a user's role"),
    formErrorBox(),
    h(
      'div',
      { class: 'row' },
      field({ label: 'User', name: 'name', options: users.map((u) => [u.name, u.name]) }),
      field({ label: 'Role', name: 'role', options: kRoles }),
      field({ label: 'Organization', name: 'organization', options: [['', '(none)'], ...organizations.map((o) => [o.id, `${o.name} (${o.id})`])], hint: 'applicants only' }),
      field({ label: 'Agency', name: 'agency', options: kAgencies, hint: 'agency officers only' }),
    ),
    h('button', { type: 'submit', class: 'primary' }, 'Change role'),
  );
  onSubmit(form, async (data) => {
    const body = { role: str(data, 'role') };
    for (const k of ['organization', 'agency']) if (str(data, k)) body[k] = str(data, k);
    await post(userPath(str(data, 'name'), 'role'), body);
    navigate('#/admin');
  });
  return form;
}

export async function adminView({ navigate }) {
  const [orgs, listed, me] = await Promise.all([get('/api/organizations'), get('/api/users'), get('/api/me')]);
  const organizations = Array.isArray(orgs) ? orgs : orgs.organizations || [];
  const users = listed.users || [];

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
      field({ label: 'Role', name: 'role', options: kRoles }),
      field({ label: 'Organization', name: 'organization', options: [['', '(none)'], ...organizations.map((o) => [o.id, `${o.name} (${o.id})`])], hint: 'applicants only' }),
      field({ label: 'Agency', name: 'agency', options: kAgencies, hint: 'agency officers only' }),
      field({ label: 'Password', name: 'password', type: 'password', autocomplete: 'new-password', hint: 'one-time: the user sets their own at the first login; leave empty to have one made' }),
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
    usersSection(users, navigate, me.user),
    h('div', { class: 'columns' }, orgForm, userForm),
    users.length ? roleForm(users, organizations, navigate) : null,
  );
}
