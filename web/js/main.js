// The single-page shell: session, navigation by role, and a hash router
// ("#/screen?name=..."), so the server only serves static files and every view has
// an address that can be bookmarked or opened in a new tab.
import { get, post } from './api.js';
import { h, clear } from './dom.js';
import { session, setSession, hasRole, homeFor } from './session.js';
import { loginView } from './views/login.js';
import { screenView } from './views/screen.js';
import { checkView } from './views/check.js';
import { applicationsView } from './views/applications.js';
import { applicationView } from './views/application.js';
import { applyView } from './views/apply.js';
import { licensesView, licenseView } from './views/licenses.js';
import { reportsView } from './views/reports.js';
import { generalLicensesView } from './views/general_licenses.js';
import { adminView } from './views/admin.js';
import { listsView } from './views/lists.js';
import { partiesView, partyView } from './views/parties.js';
import { alertsView, alertView } from './views/alerts.js';
import { historyView } from './views/history.js';

const kRoutes = [
  { path: /^\/login$/, view: loginView, title: 'Log in', public: true },
  { path: /^\/screen$/, view: screenView, title: 'Screening' },
  { path: /^\/check$/, view: checkView, title: 'Determination' },
  { path: /^\/applications$/, view: applicationsView, title: 'Applications' },
  { path: /^\/applications\/new$/, view: applyView, title: 'New application' },
  { path: /^\/applications\/([A-Za-z0-9-]+)$/, view: applicationView, title: 'Application' },
  { path: /^\/licenses$/, view: licensesView, title: 'Licenses' },
  { path: /^\/licenses\/([A-Za-z0-9-]+)$/, view: licenseView, title: 'License' },
  { path: /^\/reports$/, view: reportsView, title: 'Reports' },
  { path: /^\/general-licenses$/, view: generalLicensesView, title: 'General licenses' },
  { path: /^\/admin$/, view: adminView, title: 'Administration' },
  { path: /^\/lists$/, view: listsView, title: 'Lists' },
  { path: /^\/parties$/, view: partiesView, title: 'Parties' },
  { path: /^\/parties\/([^/]+)$/, view: partyView, title: 'Party' },
  { path: /^\/alerts$/, view: alertsView, title: 'Alerts' },
  { path: /^\/alerts\/(\d+)$/, view: alertView, title: 'Alert' },
  { path: /^\/history$/, view: historyView, title: 'History' },
];

// What each role sees in the navigation, in order.
function navLinks() {
  const links = [['#/screen', 'Screening'], ['#/check', 'Determination']];
  if (hasRole('applicant')) {
    links.push(['#/applications', 'My applications'], ['#/applications/new', 'New application'], ['#/licenses', 'My licenses']);
    // The party master and its alerts are the exporter's own business: the API
    // answers 403 to every other role, so only an applicant is shown them.
    links.push(['#/parties', 'Parties'], ['#/alerts', 'Alerts']);
  }
  if (hasRole('reviewer', 'agency', 'oversight')) links.push(['#/applications', 'Queue']);
  if (hasRole('reviewer', 'oversight', 'admin')) links.push(['#/licenses', 'Licenses']);
  if (hasRole('reviewer', 'oversight', 'admin')) links.push(['#/reports', 'Reports']);
  // Agencies see the applications referred to them, not the history (15 CFR 750.4(d)).
  if (!hasRole('agency')) links.push(['#/history', 'History']);
  links.push(['#/lists', 'Lists']);
  links.push(['#/general-licenses', 'General licenses']);
  if (hasRole('admin')) links.push(['#/admin', 'Administration']);
  return links;
}


function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search] = raw.split('?');
  return { path, params: new URLSearchParams(search || '') };
}

export function navigate(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

function renderNav() {
  const nav = clear(document.getElementById('nav'));
  const who = clear(document.getElementById('who'));
  if (!session.user) return;
  const { path } = parseHash();
  nav.append(
    h(
      'ul',
      {},
      navLinks().map(([href, text]) =>
        h('li', {}, h('a', { href, 'aria-current': href === `#${path}` ? 'page' : null }, text)),
      ),
    ),
  );
  const u = session.user;
  who.append(
    h('span', { class: 'who-name' }, u.name),
    h('span', { class: 'badge' }, u.role + (u.organization ? ` · ${u.organization}` : '') + (u.agency ? ` · ${u.agency}` : '')),
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        onclick: async () => {
          try {
            await post('/api/logout');
          } catch {
            // Logged out either way: the session is forgotten below.
          }
          setSession(null);
          navigate('#/login');
        },
      },
      'Log out',
    ),
  );
}

let renderCount = 0;

async function render() {
  const { path, params } = parseHash();
  const route = kRoutes.find((r) => r.path.test(path));
  if (!route) {
    navigate(session.user ? homeFor(session.user) : '#/login');
    return;
  }
  if (!route.public && !session.user) {
    navigate('#/login');
    return;
  }
  renderNav();
  const main = clear(document.getElementById('main'));
  const mine = ++renderCount;
  document.title = `${route.title} · Tollgate`;
  const args = path.match(route.path).slice(1).map(decodeURIComponent);
  main.setAttribute('aria-busy', 'true');
  try {
    const node = await route.view({ args, params, navigate });
    if (mine !== renderCount) return; // a later navigation won
    main.append(node);
  } catch (error) {
    if (mine !== renderCount) return;
    main.append(
      h('h1', {}, route.title),
      h('p', { class: 'form-error', role: 'alert' }, `${error.message}${error.code ? ` (${error.code})` : ''}`),
    );
  } finally {
    if (mine === renderCount) main.removeAttribute('aria-busy');
  }
  // Move the focus to the new page's heading so keyboard and screen-reader users
  // start at the top of what changed; a view may have focused a control itself.
  if (mine === renderCount && !main.contains(document.activeElement)) {
    const first = main.querySelector('[data-autofocus]');
    if (first) {
      first.focus();
      return;
    }
    const heading = main.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }
}

window.addEventListener('hashchange', render);
// Following a link to the page already shown reloads its data (no hashchange fires).
document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[href^="#/"]');
  if (link && link.getAttribute('href') === location.hash && !event.ctrlKey && !event.metaKey) render();
});
window.addEventListener('tollgate:unauthenticated', () => {
  setSession(null);
  if (parseHash().path !== '/login') navigate('#/login');
});

document.getElementById('skip').addEventListener('click', (event) => {
  event.preventDefault();
  const main = document.getElementById('main');
  main.focus();
});

async function start() {
  try {
    setSession(await get('/api/me'));
  } catch {
    setSession(null);
  }
  if (session.user && (parseHash().path === '/login' || parseHash().path === '/')) {
    location.replace(homeFor(session.user));
  }
  render();
}

start();
