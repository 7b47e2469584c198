// The web UI end to end, as its users would use it, on a real server and a real
// browser: the administrator replaces the one-time password, sets up an organization
// and its people (each replaces theirs at the first login) and disables and enables
// one in the users list, a compliance
// officer screens Huawei and asks for a determination, the applicant files an
// application, the licensing officer and a defense officer take it through review to
// approval, and oversight sees the statistics change; then the applicant watches its
// parties (watch.mjs). Run by run.sh, which starts the
// server; each step saves a screenshot in $ARTIFACTS.
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { watchScenario } from './watch.mjs';

const url = process.env.TOLLGATE_URL;
const artifacts = process.env.ARTIFACTS;
const admin = { user: process.env.ADMIN_USER || 'admin', password: process.env.ADMIN_PASSWORD };
const kTimeout = 15000;

let passed = 0;
let shot = 0;
const results = [];

class Failure extends Error {}
function expect(condition, message) {
  if (!condition) throw new Failure(message);
}

async function screenshot(page, name) {
  shot += 1;
  await page.screenshot({ path: path.join(artifacts, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
}

// Each step is reported by name; the first failure stops the scenario with a
// screenshot of every open page.
async function step(name, pages, body) {
  try {
    await body();
    passed += 1;
    results.push(`ok   ${name}`);
    console.log(`ok   ${name}`);
  } catch (error) {
    console.log(`FAIL ${name}: ${error.message}`);
    for (const [who, page] of Object.entries(pages)) {
      await page.screenshot({ path: path.join(artifacts, `failure-${who}.png`), fullPage: true }).catch(() => {});
    }
    throw error;
  }
}

// Logs in with the keyboard only: the user field has the focus when the page opens.
// A one-time password (every password an administrator set) brings the form that asks
// for the user's own, `ownPassword`, which then logs in; it answers whether it did.
async function logIn(page, user, password, ownPassword) {
  await page.goto(`${url}/#/login`);
  const userField = page.getByLabel('User name');
  await userField.waitFor({ timeout: kTimeout });
  await page.waitForFunction(() => document.activeElement?.name === 'user', null, { timeout: kTimeout });
  await page.keyboard.type(user);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  const logOut = page.getByRole('button', { name: 'Log out' });
  const change = page.locator('#password-change-form');
  await logOut.or(change).waitFor({ timeout: kTimeout });
  if (!(await change.isVisible())) return false;
  expect(ownPassword, `${user}: a password change was asked for`);
  await page.waitForFunction(() => document.activeElement?.name === 'new_password', null, { timeout: kTimeout });
  await page.keyboard.type(ownPassword);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ownPassword);
  await page.keyboard.press('Enter');
  await logOut.waitFor({ timeout: kTimeout });
  return true;
}

async function apiAs(page, method, apiPath, body) {
  return page.evaluate(
    async ({ method, apiPath, body }) => {
      const me = await (await fetch('/api/me')).json();
      const r = await fetch(apiPath, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: r.status, body: await r.text() };
    },
    { method, apiPath, body },
  );
}

// Opens a page of the UI afresh (a reload even when it is the page already shown).
async function visit(page, hash) {
  await page.goto(`${url}/${hash}`);
  await page.reload();
}

// The figure with this name on the reports page, as a number.
async function figure(page, name) {
  const dd = page.locator(`[data-figure="${name}"] dd`);
  await dd.waitFor({ timeout: kTimeout });
  return Number((await dd.textContent()).replace(/[^0-9.-]/g, ''));
}

// Criteria are checkboxes when the catalog could be read, else ids typed in.
async function chooseCriterion(form, id) {
  await form.locator('input[name=criteria]').first().waitFor();
  const box = form.locator(`input[type=checkbox][name=criteria][value="${id}"]`);
  if (await box.count()) await box.check();
  else await form.getByLabel('Criteria').fill(id);
}

async function takeStep(page, event, fill) {
  await page.locator(`.actions-card button[data-event="${event}"]`).click();
  const form = page.locator(`form.transition-form[data-event="${event}"]`);
  await form.waitFor({ timeout: kTimeout });
  if (fill) await fill(form);
  await form.getByRole('button', { name: /^Confirm/ }).click();
  await form.waitFor({ state: 'detached', timeout: kTimeout });
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const contextFor = () => browser.newContext({ viewport: { width: 1366, height: 768 } });
  const pages = {};
  const users = {
    applicant: { user: 'msft-exports', password: 'applicant-pass-1' },
    reviewer: { user: 'officer', password: 'reviewer-pass-1' },
    agency: { user: 'dod', password: 'agency-pass-1' },
    oversight: { user: 'watcher', password: 'oversight-pass-1' },
  };
  try {
    for (const who of ['admin', 'applicant', 'reviewer', 'agency', 'oversight']) {
      pages[who] = await (await contextFor()).newPage();
      pages[who].setDefaultTimeout(kTimeout);
    }
    const a = pages.admin;

    await step('the administrator logs in with the one-time password and must choose a new one', pages, async () => {
      const own = 'the administrator own passphrase';
      expect(await logIn(a, admin.user, admin.password, own), 'the one-time password opened a session without a change');
      await a.getByRole('link', { name: 'Administration' }).waitFor();
      await screenshot(a, 'admin-logged-in');
      // The one-time password no longer works.
      const again = await a.evaluate(
        async (body) => (await fetch('/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).status,
        JSON.stringify({ user: admin.user, password: admin.password }),
      );
      expect(again === 401, `the one-time password still answers HTTP ${again}`);
    });

    await step('the shipped Entity List extract is loaded', pages, async () => {
      const status = await apiAs(a, 'GET', '/api/lists/status');
      expect(status.status === 200, `lists status: HTTP ${status.status} ${status.body}`);
      if (!status.body.includes('"csl"')) {
        const csv = await readFile(path.join(process.env.SOURCE_DIR, 'data/lists/huawei_entity_list_2019.csv'), 'utf8');
        const imported = await apiAs(a, 'POST', '/api/lists/import?format=csl-csv&as_of=2019-05-16&name=huawei_entity_list_2019.csv', csv);
        expect(imported.status < 300, `lists import: HTTP ${imported.status} ${imported.body}`);
      }
    });

    await step('the administrator adds an organization and four users in the UI', pages, async () => {
      await a.getByRole('link', { name: 'Administration' }).click();
      const orgForm = a.locator('#org-form');
      await orgForm.getByLabel('Organization id').fill('microsoft');
      await orgForm.getByRole('textbox', { name: 'Name', exact: true }).fill('Microsoft Corporation');
      await orgForm.getByRole('button', { name: 'Add organization' }).click();
      await a.getByRole('cell', { name: 'Microsoft Corporation' }).waitFor();
      // A refused field: the API's error is shown next to it.
      const userForm = a.locator('#user-form');
      await userForm.getByLabel('User name').fill('Bad Name!');
      await userForm.getByRole('button', { name: 'Add user' }).click();
      const nameError = userForm.locator('[data-field="name"]').locator('xpath=..').locator('.field-error');
      await nameError.filter({ hasText: /\S/ }).waitFor();
      expect(await userForm.getByLabel('User name').getAttribute('aria-invalid') === 'true', 'the name field is not marked invalid');
      await screenshot(a, 'admin-field-error');
      const roles = { applicant: 'applicant', reviewer: 'reviewer', agency: 'agency', oversight: 'oversight' };
      for (const [who, role] of Object.entries(roles)) {
        const form = a.locator('#user-form');
        await form.getByLabel('User name').fill(users[who].user);
        await form.getByLabel('Role').selectOption(role);
        await form.getByLabel('Organization').selectOption(who === 'applicant' ? 'microsoft' : '');
        await form.getByLabel('Agency').selectOption(who === 'agency' ? 'defense' : '');
        await form.getByLabel('Password').fill(users[who].password);
        await form.getByRole('button', { name: 'Add user' }).click();
        await a.locator('#user-created').getByText(`Added ${users[who].user}`).waitFor();
      }
      await screenshot(a, 'admin-users-added');
    });

    await step('a wrong password is refused with the reason on the login form', pages, async () => {
      const p = await (await contextFor()).newPage();
      await p.goto(`${url}/#/login`);
      await p.getByLabel('User name').fill(users.applicant.user);
      await p.getByLabel('Password').fill('not-the-password');
      await p.getByRole('button', { name: 'Log in' }).click();
      await p.locator('.form-error:not([hidden]), .field-error:not(:empty)').first().waitFor();
      expect(!(await p.getByRole('button', { name: 'Log out' }).isVisible()), 'logged in with a wrong password');
      await screenshot(p, 'login-refused');
      await p.context().close();
    });

    await step('the users list shows every user; a disabled user cannot log in until enabled', pages, async () => {
      await visit(a, '#/admin');
      const list = a.locator('#users');
      for (const who of Object.keys(users)) await list.getByRole('cell', { name: users[who].user, exact: true }).waitFor();
      const row = list.getByRole('row').filter({ has: a.getByRole('cell', { name: users.oversight.user, exact: true }) });
      await row.getByRole('cell', { name: 'one-time' }).waitFor();
      await row.getByRole('button', { name: `Disable ${users.oversight.user}` }).click();
      await a.locator('#users').getByRole('row').filter({ hasText: users.oversight.user }).getByText('Disabled').waitFor();
      await screenshot(a, 'admin-user-disabled');
      const p = await (await contextFor()).newPage();
      await p.goto(`${url}/#/login`);
      await p.getByLabel('User name').fill(users.oversight.user);
      await p.getByLabel('Password').fill(users.oversight.password);
      await p.getByRole('button', { name: 'Log in' }).click();
      await p.locator('.form-error:not([hidden])').filter({ hasText: 'disabled' }).waitFor();
      expect(!(await p.getByRole('button', { name: 'Log out' }).isVisible()), 'a disabled user logged in');
      await screenshot(p, 'login-disabled');
      await p.context().close();
      await a.locator('#users').getByRole('button', { name: `Enable ${users.oversight.user}` }).click();
      await a.locator('#users').getByRole('row').filter({ hasText: users.oversight.user }).getByText('Enabled').waitFor();
    });

    for (const who of ['applicant', 'reviewer', 'agency', 'oversight']) {
      await step(`${who} ${users[who].user} logs in and replaces the one-time password`, pages, async () => {
        expect(await logIn(pages[who], users[who].user, users[who].password, `${users[who].password}-own`), 'no password change asked');
      });
    }

    const o = pages.oversight;
    let before;
    await step('oversight reads the statistics before', pages, async () => {
      await visit(o, `#/reports`);
      before = { received: await figure(o, 'received'), approved: await figure(o, 'approved') };
      await o.locator('svg.chart').first().waitFor();
      await screenshot(o, 'oversight-stats-before');
    });

    const p = pages.applicant;
    await step('screening "Huawei Technologies Company" finds the Entity List entry, 84 FR 22961', pages, async () => {
      await p.getByRole('link', { name: 'Screening' }).click();
      await p.getByLabel('Name to screen').fill('Huawei Technologies Company');
      await p.getByLabel('Name to screen').press('Enter');
      const first = p.locator('article.match').first();
      await first.waitFor();
      const text = await first.textContent();
      expect(text.includes('Huawei Technologies Co., Ltd.'), `first match: ${text.slice(0, 200)}`);
      expect(text.includes('Entity List'), 'the match does not name the Entity List');
      expect(text.includes('84 FR 22961'), 'the match does not cite 84 FR 22961');
      expect(/Presumption of denial/.test(text), 'the license review policy is not shown');
      expect(/Why:/.test(text), 'no explanation');
      const score = Number(await first.locator('.score-num').textContent());
      expect(score >= 0.9, `score ${score}`);
      await screenshot(p, 'screening-huawei');
    });

    await step('a determination refuses a malformed ECCN, then requires a license for Huawei', pages, async () => {
      await p.getByRole('link', { name: 'Determination' }).click();
      await p.getByLabel('Destination').fill('CN');
      await p.getByLabel('Date of export').fill('2019-05-17');
      await p.getByLabel('Exporter').fill('Microsoft Corporation');
      await p.getByLabel('ECCN or EAR99').fill('9Z999.z');
      await p.getByRole('textbox', { name: 'Name', exact: true }).fill('Huawei Technologies Co., Ltd.');
      await p.getByRole('button', { name: 'Decide' }).click();
      // The API names the field (items/0/eccn): the message stands under the ECCN input.
      const eccnField = p.locator('form .field', { has: p.getByLabel('ECCN or EAR99') });
      const error = eccnField.locator('.field-error:not(:empty)');
      await error.waitFor();
      expect(/9Z999/.test(await error.textContent()), `error: ${await error.textContent()}`);
      await screenshot(p, 'determination-field-error');
      // Typing suggests ECCNs from the catalog (GET /api/eccns?q=); one is picked.
      const eccn = p.getByLabel('ECCN or EAR99');
      await eccn.fill('');
      await eccn.pressSequentially('5D99', { delay: 40 });
      const suggestion = p.locator('.suggestions [role=option][data-eccn="5D992"]');
      await suggestion.waitFor();
      expect((await suggestion.textContent()).length > ' 5D992 '.length, 'the suggestion has no heading');
      await screenshot(p, 'determination-suggestions');
      await suggestion.click();
      expect((await eccn.inputValue()) === '5D992', `picked: ${await eccn.inputValue()}`);
      await eccn.fill('5D992.c');
      await p.getByRole('button', { name: 'Decide' }).click();
      const result = p.locator('.determination');
      await result.waitFor();
      const text = await result.textContent();
      expect(/License required/.test(text), `decision: ${text.slice(0, 200)}`);
      expect(text.includes('15 CFR 744.11'), 'the trace does not cite 15 CFR 744.11');
      expect((await result.locator('ol.checklist > li').count()) >= 3, 'the trace has fewer than 3 steps');
      // The entry's heading and controls beside the item's decision (GET /api/eccns/{eccn}).
      const entry = result.locator('.item-decision .eccn-entry');
      await entry.waitFor();
      const entryText = await entry.textContent();
      expect(/^5D992: \S/.test(await entry.locator('h4').textContent()), `entry: ${entryText.slice(0, 120)}`);
      expect((await entry.locator('ul.controls li').count()) >= 1, 'no controls beside the decision');
      expect(entryText.includes('15 CFR 774'), `entry citation: ${entryText.slice(0, 200)}`);
      await p.waitForTimeout(400);  // past the suggestions' debounce: none reopens after Decide
      expect((await p.locator('.suggestions:not([hidden])').count()) === 0, 'suggestions still open after Decide');
      await screenshot(p, 'determination-license-required');
      // A new request that is refused clears the last decision: no stale answer under the error.
      await eccn.fill('9E999');
      await p.getByRole('button', { name: 'Decide' }).click();
      const refused = p.locator('form .form-error:not([hidden]), form .field-error:not(:empty)').first();
      await refused.waitFor();
      expect(/9E999/.test(await refused.textContent()), `error: ${await refused.textContent()}`);
      expect((await p.locator('.determination').count()) === 0, 'the previous decision is still shown under the error');
      await screenshot(p, 'determination-refused-clears');
      // A destination the rules do not know: the message stands under Destination.
      await eccn.fill('5D992.c');
      await p.getByLabel('Destination').fill('ZZ');
      await p.getByRole('button', { name: 'Decide' }).click();
      const destination = p.locator('form .field', { has: p.getByLabel('Destination') }).locator('.field-error:not(:empty)');
      await destination.waitFor();
      expect(/ZZ/.test(await destination.textContent()), `destination error: ${await destination.textContent()}`);
      expect((await p.locator('.determination').count()) === 0, 'a decision is shown under the destination error');
      await p.getByLabel('Destination').fill('CN');
    });

    let acn;
    await step('the applicant submits an application', pages, async () => {
      await p.getByRole('link', { name: 'New application' }).click();
      const applicant = p.locator('fieldset[data-field="applicant"]');
      await applicant.getByRole('textbox', { name: 'Name', exact: true }).fill('Microsoft Corporation');
      await applicant.getByRole('textbox', { name: 'Address', exact: true }).fill('One Microsoft Way, Redmond, WA');
      await p.getByLabel('Contact email').fill('exports@example.com');
      const consignee = p.locator('fieldset[data-field="ultimate_consignee"]');
      await consignee.getByRole('textbox', { name: 'Name', exact: true }).fill('Huawei Technologies Co., Ltd.');
      await consignee.getByRole('textbox', { name: 'Address', exact: true }).fill('Bantian, Longgang District, Shenzhen');
      await consignee.getByRole('textbox', { name: 'Country' }).fill('CN');
      await p.getByLabel('Destination').fill('CN');
      await p.getByLabel('End use').fill('Operating systems installed on laptops sold to the public');
      await p.getByLabel('ECCN').fill('5D992.c');
      await p.getByLabel('Description').fill('Windows licenses, mass-market');
      await p.getByLabel('Quantity').fill('1000');
      await p.getByLabel('Unit price (USD)').fill('99.50');
      await p.getByLabel('Total value (USD)').fill('99500');
      await p.getByRole('button', { name: 'Submit application' }).click();
      const heading = p.getByRole('heading', { level: 1, name: /Application [A-Z]\d+/ });
      await heading.waitFor();
      acn = /Application ([A-Z]\d+)/.exec(await heading.textContent())[1];
      expect(/Submitted/.test(await heading.textContent()), `state: ${await heading.textContent()}`);
      await screenshot(p, 'applicant-submitted');
      await p.getByRole('link', { name: 'My applications' }).click();
      await p.getByRole('link', { name: acn }).waitFor();
    });

    const r = pages.reviewer;
    await step(`the reviewer finds ${acn} in the queue with its clock, registers and refers it to Defense`, pages, async () => {
      await r.getByRole('link', { name: 'Queue' }).click();
      await r.locator('table.queue').getByRole('link', { name: acn }).waitFor();
      await screenshot(r, 'reviewer-queue');
      await r.locator('table.queue').getByRole('link', { name: acn }).click();
      await r.getByRole('heading', { level: 1, name: new RegExp(acn) }).waitFor();
      await takeStep(r, 'register');
      await r.getByRole('heading', { level: 1, name: /Registered/ }).waitFor();
      await takeStep(r, 'refer', (form) => form.getByLabel('Defense').check());
      await r.getByRole('heading', { level: 1, name: /Referred/ }).waitFor();
      await screenshot(r, 'reviewer-referred');
      // Back in the queue the application's next clock counts down.
      await r.getByRole('link', { name: 'Queue' }).click();
      const row = r.locator('table.queue tr', { has: r.getByRole('link', { name: acn }) });
      await row.waitFor();
      expect(/\d+ days? left|due today/.test(await row.textContent()), `queue row: ${await row.textContent()}`);
      await screenshot(r, 'reviewer-queue-clock');
      await r.locator('table.queue').getByRole('link', { name: acn }).click();
      await r.getByRole('heading', { level: 1, name: /Referred/ }).waitFor();
    });

    await step('the reviewer cannot approve before Defense recommends: the refusal is shown', pages, async () => {
      await r.locator('.actions-card button[data-event="approve"]').click();
      const form = r.locator('form.transition-form[data-event="approve"]');
      await chooseCriterion(form, 'mass_market');
      await form.getByLabel('Reasoning').fill('mass-market software');
      await form.getByRole('button', { name: /^Confirm/ }).click();
      const refusal = form.locator('.form-error:not([hidden]), .field-error:not(:empty)').first();
      await refusal.waitFor();
      expect(/recommend|30 days/i.test(await refusal.textContent()), `refusal: ${await refusal.textContent()}`);
      await screenshot(r, 'reviewer-approve-refused');
      await form.getByRole('button', { name: 'Cancel' }).click();
      await r.getByRole('heading', { level: 1, name: /Referred/ }).waitFor();
    });

    const d = pages.agency;
    await step('the Defense officer recommends approval', pages, async () => {
      await visit(d, `#/applications/${acn}`);
      await d.getByRole('heading', { level: 1, name: new RegExp(acn) }).waitFor();
      await takeStep(d, 'recommend', async (form) => {
        await form.getByLabel('Recommendation').selectOption('approve');
        await form.getByLabel('Reasoning').fill('no military end use');
      });
      await d.getByRole('cell', { name: 'no military end use' }).waitFor();
      await screenshot(d, 'agency-recommended');
    });

    await step('the reviewer approves it citing mass_market', pages, async () => {
      await visit(r, `#/applications/${acn}`);
      await r.getByRole('cell', { name: 'no military end use' }).waitFor();
      await takeStep(r, 'approve', async (form) => {
        await chooseCriterion(form, 'mass_market');
        await form.getByLabel('Reasoning').fill('mass-market software');
      });
      await r.getByRole('heading', { level: 1, name: /Approved/ }).waitFor();
      const timeline = await r.locator('ol.timeline > li').count();
      expect(timeline === 5, `timeline has ${timeline} entries, expected 5`);
      await screenshot(r, 'reviewer-approved');
    });

    await step('the applicant sees the approval', pages, async () => {
      await visit(p, `#/applications/${acn}`);
      await p.getByRole('heading', { level: 1, name: /Approved/ }).waitFor();
    });

    await step('the applicant ships under the issued license: more than remains is refused at the quantity, then 400 of 1,000 go', pages, async () => {
      await p.getByRole('link', { name: 'My licenses' }).click();
      const link = p.locator('table a[href^="#/licenses/"]').first();
      await link.waitFor();
      await link.click();
      await p.getByRole('heading', { level: 1, name: /License / }).waitFor();
      const form = p.locator('form', { has: p.getByRole('heading', { name: 'Record a shipment' }) });
      await form.getByLabel('Quantity').fill('1001');
      await form.getByLabel('Value (USD)').fill('0');
      await form.getByRole('button', { name: 'Record shipment' }).click();
      // The server names items/0/quantity: the message stands under that field.
      const quantity = form.locator('.field', { has: p.getByLabel('Quantity') });
      const message = quantity.locator('.field-error:not(:empty)');
      await message.waitFor();
      expect(/1001/.test(await message.textContent()), `quantity error: ${await message.textContent()}`);
      expect((await form.getByLabel('Quantity').getAttribute('aria-invalid')) === 'true', 'the quantity is not marked invalid');
      await screenshot(p, 'applicant-shipment-field-error');
      await form.getByLabel('Quantity').fill('400');
      await form.getByRole('button', { name: 'Record shipment' }).click();
      await p.getByRole('table', { name: 'Shipments' }).waitFor();
      const left = await p.getByRole('table', { name: 'What remains' }).textContent();
      expect(/600 of 1,000 left/.test(left), `remaining: ${left}`);
      await screenshot(p, 'applicant-shipment-recorded');
    });

    await step(`the reviewer sees the screening hit recorded with ${acn}`, pages, async () => {
      await visit(r, `#/applications/${acn}`);
      const hit = r.locator('article.match', { hasText: /Huawei/ }).first();
      await hit.waitFor({ timeout: kTimeout });
    });

    await step('oversight sees the Huawei TGL with its windows and their citations', pages, async () => {
      await visit(o, `#/general-licenses`);
      await o.getByRole('heading', { level: 2, name: /Temporary General License for Huawei/ }).waitFor({ timeout: kTimeout });
      await o.getByRole('cell', { name: '84 FR 23468 (22 May 2019)', exact: true }).waitFor({ timeout: kTimeout });
      const rows = await o.locator('section.card table tr', { has: o.getByRole('cell', { name: /^(initial|extension_\d)$/ }) }).count();
      expect(rows === 6, `${rows} window rows, expected 6`);
      await o.getByRole('cell', { name: '2020-08-13', exact: true }).first().waitFor({ timeout: kTimeout });
      await screenshot(o, 'oversight-general-licenses');
    });

    await step('oversight sees one more application received and one more approved', pages, async () => {
      await visit(o, `#/reports`);
      const after = { received: await figure(o, 'received'), approved: await figure(o, 'approved') };
      expect(after.received === before.received + 1, `received ${before.received} -> ${after.received}`);
      expect(after.approved === before.approved + 1, `approved ${before.approved} -> ${after.approved}`);
      const csv = o.getByRole('link', { name: 'Download statistics (CSV)' });
      const href = await csv.getAttribute('href');
      const body = await apiAs(o, 'GET', href);
      expect(body.status === 200 && body.body.includes(','), `CSV: HTTP ${body.status}`);
      await screenshot(o, 'oversight-stats-after');
    });

    await step('the administrator revokes a token, resets a password and changes a role in the users list', pages, async () => {
      const issued = await apiAs(a, 'POST', '/api/tokens', { name: 'nightly-job' });
      expect(issued.status === 201, `token: HTTP ${issued.status} ${issued.body}`);
      await visit(a, '#/admin');
      await a.getByRole('button', { name: `Tokens of ${admin.user}` }).click();
      const panel = a.locator('#user-tokens');
      await panel.getByRole('cell', { name: 'nightly-job', exact: true }).waitFor();
      await panel.getByRole('button', { name: 'Revoke nightly-job' }).click();
      await panel.getByText(`${admin.user} has no API tokens.`).waitFor();
      const secret = JSON.parse(issued.body).token;
      const refused = await a.evaluate(async (t) => (await fetch('/api/me', { headers: { Authorization: `Bearer ${t}` } })).status, secret);
      expect(refused === 401, `a revoked token answers HTTP ${refused}`);
      await a.getByRole('button', { name: `Reset password of ${users.oversight.user}` }).click();
      const shown = await a.locator('#reset-password').textContent();
      expect(/^[A-Za-z0-9]{20}$/.test(shown || ''), `one-time password shown: ${shown}`);
      const form = a.locator('#role-form');
      await form.getByLabel('User').selectOption(users.agency.user);
      await form.getByLabel('Role').selectOption('reviewer');
      await form.getByLabel('Agency').selectOption('');
      await form.getByRole('button', { name: 'Change role' }).click();
      const row = a.locator('#users').getByRole('row').filter({ has: a.getByRole('cell', { name: users.agency.user, exact: true }) });
      await row.getByRole('cell', { name: 'reviewer', exact: true }).waitFor();
      await screenshot(a, 'admin-users-changed');
    });

    // Issue 13, item 4: screening says what it searched, and a date with no list in
    // force is "nothing screened", never "no match".
    await step('screening before any list is in force says "Nothing screened" with a warning', pages, async () => {
      await visit(p, '#/screen?name=Huawei%20Technologies%20Company&as_of=2019-05-01');
      const heading = p.locator('section.results h2');
      await heading.waitFor();
      const text = await heading.textContent();
      expect(/^Nothing screened/.test(text), `heading: ${text}`);
      const warning = p.locator('[data-warning="no_list_in_force"]');
      await warning.waitFor();
      expect(/no list version is in force on 2019-05-01/.test(await warning.textContent()), `warning: ${await warning.textContent()}`);
      expect(!(await p.getByText(/^No match/).count()), '"No match" shown when nothing was screened');
      await screenshot(p, 'screening-no-list-in-force');
    });

    await step('screening names the list versions searched and their sizes', pages, async () => {
      await visit(p, '#/screen?name=Contoso%20Bakery&as_of=2019-06-01');
      const searched = p.locator('.lists-searched');
      await searched.waitFor();
      const text = await searched.textContent();
      expect(/csl version \d+ \(in force from 2019-05-16, 2 entries\)/.test(text), `lists searched: ${text}`);
      expect(await p.locator('[data-warning]').count() === 0, 'a warning on a day with a list in force');
    });

    // Issue 13, item 5: the Lists page, with an OFAC set uploaded in one go, a lone
    // primary file refused with what to add, and the diff between two versions.
    const lists = path.join(process.env.SHARED_DATA || path.join(process.env.SOURCE_DIR, '../shared/data'), 'lists');
    await step('the administrator uploads an OFAC set (primary, alias and address files) on the Lists page', pages, async () => {
      await a.getByRole('link', { name: 'Lists', exact: true }).click();
      const form = a.locator('#upload-form');
      await form.waitFor();
      await form.locator('input[type=file]').setInputFiles(['ofac_sdn_2021-07.csv', 'ofac_alt_2021-07.csv', 'ofac_add_2021-07.csv'].map((f) => path.join(lists, f)));
      await form.getByLabel('In force from').fill('2021-07-01');
      await form.getByRole('button', { name: 'Upload', exact: true }).click();
      const result = a.locator('#upload-result');
      await result.getByText(/Imported ofac_sdn_2021-07.csv as version \d+ of ofac-sdn/).waitFor();
      expect(!/Warning/.test(await result.textContent()), `warnings: ${await result.textContent()}`);
      await screenshot(a, 'lists-upload-set');
    });

    await step('a lone OFAC primary file is refused, naming the files to add; primary-only stores it', pages, async () => {
      await visit(a, '#/lists');
      const form = a.locator('#upload-form');
      await form.locator('input[type=file]').setInputFiles(path.join(lists, 'ofac_sdn_2024-05-01.csv'));
      await form.getByLabel('In force from').fill('2024-05-01');
      await form.getByRole('button', { name: 'Upload', exact: true }).click();
      const error = form.locator('.field-error:not(:empty), .form-error:not([hidden])').first();
      await error.waitFor();
      const text = await error.textContent();
      expect(/add ofac_alt_2024-05-01.csv and ofac_add_2024-05-01.csv/.test(text), `error: ${text}`);
      expect(!/\/tmp|tollgate-upload/.test(text), `a server path in: ${text}`);
      await screenshot(a, 'lists-upload-refused');
      await form.getByLabel(/An OFAC primary file alone/).check();
      await form.getByRole('button', { name: 'Upload', exact: true }).click();
      await a.locator('#upload-result').getByText(/Imported ofac_sdn_2024-05-01.csv as version \d+ of ofac-sdn/).waitFor();
    });

    await step('the Lists page shows the versions, their dates and counts, and a diff of the two 2024 SDN files', pages, async () => {
      const form = a.locator('#upload-form');
      await form.locator('input[type=file]').setInputFiles(path.join(lists, 'ofac_sdn_2024-05-03.csv'));
      await form.getByLabel('In force from').fill('2024-05-03');
      await form.getByLabel(/An OFAC primary file alone/).check();
      await form.getByRole('button', { name: 'Upload', exact: true }).click();
      await a.locator('#upload-result').getByText(/Imported ofac_sdn_2024-05-03.csv/).waitFor();
      await visit(a, '#/lists?as_of=2024-05-02');
      const versions = a.locator('table.lists-versions');
      await versions.waitFor();
      const text = await versions.textContent();
      for (const expected of ['ofac_sdn_2021-07.csv', 'ofac_sdn_2024-05-01.csv', '2021-07-01', '2024-05-01', 'in force']) {
        expect(text.includes(expected), `the versions table lacks ${expected}`);
      }
      // The feed with two versions is the one offered first.
      const diffForm = a.locator('#diff-form');
      expect((await diffForm.getByLabel('Feed').inputValue()) === 'ofac-sdn', `feed: ${await diffForm.getByLabel('Feed').inputValue()}`);
      await diffForm.getByRole('button', { name: 'Compare', exact: true }).click();
      const summary = a.locator('#diff-summary');
      await summary.waitFor();
      const line = await summary.textContent();
      expect(/\(2024-05-01\) to \d+ \(2024-05-03\): 7 added, 8 removed, \d+ changed/.test(line), `diff: ${line}`);
      await a.locator('#lists-diff table').first().waitFor();
      expect(await a.getByRole('button', { name: 'Update now' }).count() === 1, 'no "Update now" for the administrator');
      await screenshot(a, 'lists-diff');
    });

    await step('a user who is not an administrator sees the Lists page without upload', pages, async () => {
      await visit(p, '#/lists');
      await p.locator('table.lists-versions').waitFor();
      expect(await p.locator('#upload-form').count() === 0, 'the applicant sees the upload form');
    });

    // Issue 15, item 7: the party master, its alerts and the history (watch.mjs).
    await watchScenario({ pages, users, lists, step, screenshot, visit, apiAs, expect });
  } finally {
    await browser.close();
  }
}

main().then(
  () => {
    console.log(`${passed} passed, 0 failed`);
  },
  (error) => {
    console.log(`${passed} passed, 1 failed`);
    console.error(error.stack || String(error));
    process.exit(1);
  },
);
