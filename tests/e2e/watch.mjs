// The exporter's watch in the browser (issue 15, item 7), run by scenario.mjs after its
// own story on the same server: the applicant imports its party master (a refused file
// first, naming its line and field), the administrator stores a list version that hits
// two of the parties, the applicant finds the alerts in the queue, reads the
// explanation, decides one false_positive, is refused a four-eyes step on a true
// match, sees a changed party reopen its false positive with what changed, finds the
// screening in the history and its export, and asks for a determination naming the
// party whose trace cites the disposition.
import { mkdtemp, writeFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// The party the list version hits and the analyst clears: the State Department's ISN
// list names "Dalian Sunny Industries" (China); the party's own name differs by its
// legal form.
const kCleared = { id: 'CUST-0104', name: 'Dalian Sunny Industries Co., Ltd.', country: 'CN' };
// The second party the version hits: its false positive reopens when its aliases change.
const kReopened = { id: 'CUST-0105', name: 'BST Technology and Trade Company', country: 'CN' };

function partyCsv(rows) {
  const cell = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return ['external_id,name,country,aliases,address,type', ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

// The party removed in the UI (it has no alert).
const kRemoved = 'CUST-0103';

const kMaster = [
  ['CUST-0101', 'Huawei Technologies Co., Ltd.', 'CN', 'Huawei', 'Bantian, Longgang District, Shenzhen', 'entity'],
  ['CUST-0102', 'Contoso GmbH', 'DE', 'Contoso', 'Unter den Linden 1, Berlin', 'entity'],
  [kRemoved, 'Fabrikam Ltd', 'GB', '', 'London', 'entity'],
  [kCleared.id, kCleared.name, kCleared.country, '', 'Jinzhou District, Dalian', 'entity'],
  [kReopened.id, kReopened.name, kReopened.country, '', 'Futian, Shenzhen', 'entity'],
];

// Opens the first alert of a party from the queue.
async function openAlertOf(page, externalId) {
  await page.goto(`${page.url().split('#')[0]}#/alerts?state=all&party=${encodeURIComponent(externalId)}`);
  await page.locator('table.alerts-queue tbody tr').first().getByRole('link', { name: /^#\d+$/ }).click();
  await page.getByRole('heading', { level: 1, name: /^Alert #\d+/ }).waitFor();
}

// Chooses a disposition on the alert's page, writes the comment and sends it.
async function decide(page, label, comment) {
  const form = page.locator('#alert-decide-form');
  await form.getByLabel(label).check();
  await form.getByLabel('Comment').fill(comment);
  await form.getByRole('button', { name: 'Record disposition' }).click();
}

export async function watchScenario({ pages, users, lists, step, screenshot, visit, apiAs, expect }) {
  const p = pages.applicant;
  const a = pages.admin;
  const work = await mkdtemp(path.join(os.tmpdir(), 'tollgate-e2e-parties-'));
  try {
    const bad = path.join(work, 'parties-bad.csv');
    const good = path.join(work, 'parties.csv');
    const changed = path.join(work, 'parties-changed.csv');
    // Line 3 (the header is line 1) gives a country no code or name stands for.
    await writeFile(bad, partyCsv([kMaster[0], ['CUST-0102', 'Contoso GmbH', 'Narnia', '', '', 'entity']]));
    await writeFile(good, partyCsv(kMaster));
    // The master again without the party removed on the way, and with a new alias for
    // the second party: its false positive must open again.
    const kept = kMaster.filter((r) => r[0] !== kRemoved);
    await writeFile(changed, partyCsv(kept.map((r) => (r[0] === kReopened.id ? [r[0], r[1], r[2], 'BST Trading', r[4], r[5]] : r))));

    await step('a refused party file shows its line and field, and stores nothing', pages, async () => {
      await p.getByRole('link', { name: 'Parties', exact: true }).click();
      const form = p.locator('#party-upload-form');
      await form.locator('input[type=file]').setInputFiles(bad);
      await form.getByRole('button', { name: 'Import', exact: true }).click();
      const error = p.locator('#party-upload-error');
      await error.waitFor();
      expect((await error.locator('dd[data-line]').textContent()) === '3', `line: ${await error.textContent()}`);
      expect((await error.locator('dd[data-field]').textContent()) === 'country', `field: ${await error.textContent()}`);
      expect(/Narnia/.test(await error.textContent()), `problem: ${await error.textContent()}`);
      expect(/nothing was stored/.test(await error.textContent()), `error: ${await error.textContent()}`);
      await screenshot(p, 'parties-refused');
      await visit(p, '#/parties');
      await p.getByText('No parties yet').waitFor();
    });

    await step('the applicant imports the party file with progress and sees each party’s status', pages, async () => {
      const form = p.locator('#party-upload-form');
      await form.locator('input[type=file]').setInputFiles(good);
      await form.getByRole('button', { name: 'Import', exact: true }).click();
      const summary = p.locator('#party-upload-summary');
      await summary.waitFor();
      const text = await summary.textContent();
      expect(/parties\.csv: 5 added, 0 changed, 0 unchanged; 1 with a match/.test(text), `summary: ${text}`);
      // The bar followed the upload's own progress events up to the file's whole size.
      const bar = p.locator('#party-upload-progress');
      expect((await bar.evaluate((e) => e.value)) === 100, 'the progress bar did not reach 100');
      const size = (await stat(good)).size;
      expect(Number(await bar.getAttribute('data-sent')) >= size, `upload progress reported ${await bar.getAttribute('data-sent')} of ${size} bytes`);
      await screenshot(p, 'parties-imported');
      // The list under the form shows them without a reload.
      const table = p.locator('table.parties');
      await table.waitFor();
      expect((await table.locator('tbody tr').count()) === 5, 'five parties are not listed');
      const huawei = table.locator('tr', { hasText: 'CUST-0101' });
      expect(/1 open alert/.test(await huawei.textContent()) && /1\.00/.test(await huawei.textContent()), `Huawei row: ${await huawei.textContent()}`);
      expect(/clear/.test(await table.locator('tr', { hasText: kCleared.id }).textContent()), 'the party the list will hit is not clear yet');
      // The filter box narrows the list.
      await p.getByLabel('Find').fill('contoso');
      await p.getByRole('button', { name: 'Filter' }).click();
      await p.locator('#parties-count').getByText('1 of 5 parties match.').waitFor();
    });

    let listVersion;
    await step('the administrator imports a list version that hits two of the parties', pages, async () => {
      await visit(a, '#/lists');
      const form = a.locator('#upload-form');
      await form.locator('input[type=file]').setInputFiles(path.join(lists, 'state_isn_2019.csv'));
      await form.getByLabel('In force from').fill('2019-12-01');
      await form.getByRole('button', { name: 'Upload', exact: true }).click();
      const result = a.locator('#upload-result');
      const imported = result.getByText(/Imported state_isn_2019.csv as version (\d+)/);
      await imported.waitFor();
      listVersion = /version (\d+)/.exec(await imported.textContent())[1];
      const alerts = await result.locator('#upload-alerts').textContent();
      expect(/(\d+) alert\(s\) opened/.test(alerts) && Number(/(\d+) alert\(s\) opened/.exec(alerts)[1]) >= 2, `alerts: ${alerts}`);
      await screenshot(a, 'lists-upload-alerts');
    });

    let alertId;
    await step('the applicant sees the alert in the queue, opens it and reads the explanation', pages, async () => {
      await p.getByRole('link', { name: 'Alerts', exact: true }).click();
      const queue = p.locator('table.alerts-queue');
      await queue.waitFor();
      const row = queue.locator('tbody tr', { hasText: kCleared.id });
      await row.waitFor();
      expect(/Open/i.test(await row.textContent()), `row: ${await row.textContent()}`);
      // Sorting by score is the default; the header says so, and a click turns it.
      expect((await queue.locator('th[aria-sort]').textContent()).startsWith('Score'), 'the score column is not marked sorted');
      await screenshot(p, 'alerts-queue');
      // The filters: the ISN list only.
      await p.getByLabel('List').fill('ISN');
      await p.getByRole('button', { name: 'Filter' }).click();
      await p.locator('#alerts-count').getByText(/^2 alerts open/).waitFor();
      await p.locator('table.alerts-queue tbody tr', { hasText: kCleared.id }).getByRole('link', { name: /^#\d+$/ }).click();
      const heading = p.getByRole('heading', { level: 1, name: /^Alert #\d+/ });
      await heading.waitFor();
      alertId = /#(\d+)/.exec(await heading.textContent())[1];
      const explanation = p.locator('#alert-explanation');
      await explanation.waitFor();
      const why = await explanation.textContent();
      expect(/Matched name 'Dalian Sunny Industries'/.test(why), `explanation: ${why}`);
      expect(/Words that agree/.test(why), `explanation: ${why}`);
      expect(!/[{}]/.test(why), `the explanation is raw JSON: ${why}`);
      const sides = await p.locator('table.side-by-side').textContent();
      expect(sides.includes(kCleared.name) && sides.includes('Dalian Sunny Industries'), `side by side: ${sides}`);
      expect(sides.includes(`version ${listVersion}`) || (await p.locator('main').textContent()).includes(`version ${listVersion}`), 'the list version is not named');
      await screenshot(p, 'alert-explained');
    });

    await step('the applicant assigns the alert to self and decides it false_positive with a comment', pages, async () => {
      await p.getByRole('button', { name: 'Assign to me' }).click();
      await p.locator('#alert-assignee').getByText(users.applicant.user).waitFor();
      const form = p.locator('#alert-decide-form');
      await form.getByLabel(/False positive/).check();
      await form.getByRole('button', { name: 'Record disposition' }).click();
      // A disposition says why: the comment is required, said under it.
      await form.locator('.field', { has: p.getByLabel('Comment') }).locator('.field-error:not(:empty)').waitFor();
      await decide(p, /False positive/, 'Dalian Sunny Industries Co. is our machine-tool customer in Jinzhou, not the listed firm');
      await p.getByRole('heading', { level: 1, name: /False positive/ }).waitFor();
      const disposition = await p.locator('#alert-disposition').textContent();
      expect(/not the listed firm/.test(disposition) && disposition.includes(users.applicant.user), `disposition: ${disposition}`);
      await screenshot(p, 'alert-false-positive');
      // The open queue no longer has it; the decided one does.
      await visit(p, '#/alerts?list=ISN');
      await p.locator('table.alerts-queue tbody tr', { hasText: kReopened.id }).waitFor();
      expect((await p.locator('table.alerts-queue tbody tr', { hasText: kCleared.id }).count()) === 0, 'the decided alert is still in the open queue');
      await visit(p, '#/alerts?state=decided');
      await p.locator('table.alerts-queue tbody tr', { hasText: kCleared.id }).waitFor();
    });

    await step('a party’s page shows its facts, screening and alerts; removing one asks first', pages, async () => {
      await visit(p, '#/parties');
      await p.locator('table.parties').getByRole('link', { name: kCleared.id }).click();
      await p.getByRole('heading', { level: 1, name: new RegExp(kCleared.name.replace(/[.,]/g, '.')) }).waitFor();
      expect(/Jinzhou District, Dalian/.test(await p.locator('#party-facts').textContent()), 'the address is not shown');
      const alertsOfParty = p.locator('#party-alerts tbody tr', { hasText: `#${alertId}` });
      expect(/False positive/.test(await alertsOfParty.textContent()), `the party's alert: ${await alertsOfParty.textContent()}`);
      await screenshot(p, 'party-page');
      await visit(p, `#/parties/${kRemoved}`);
      await p.getByRole('button', { name: `Remove ${kRemoved}` }).click();
      const confirm = p.locator('#party-remove-confirm');
      await confirm.waitFor();
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      expect(await confirm.isHidden(), 'the confirmation did not close');
      await p.getByRole('button', { name: `Remove ${kRemoved}` }).click();
      await confirm.getByRole('button', { name: 'Confirm removal' }).click();
      await p.locator('#parties-count').getByText(/^4 parties/).waitFor();
      expect((await p.locator('table.parties').getByRole('link', { name: kRemoved }).count()) === 0, 'the removed party is still listed');
    });

    await step('the queue sorts by a column header, and only an applicant is shown Parties and Alerts', pages, async () => {
      await visit(p, '#/alerts?state=all');
      await p.locator('th[aria-sort="descending"]', { hasText: 'Score' }).waitFor();
      await p.locator('th', { hasText: 'Opened' }).getByRole('link').click();
      await p.locator('th[aria-sort="descending"]', { hasText: 'Opened' }).waitFor();
      const ids = await p.locator('table.alerts-queue tbody tr td:first-child').allTextContents();
      const numbers = ids.map((t) => Number(t.replace('#', '')));
      expect(numbers.length >= 3 && numbers.every((n, i) => i === 0 || numbers[i - 1] >= n), `newest first: ${ids.join(' ')}`);
      // A filter the API refuses is said under its field.
      await visit(p, '#/alerts?min_score=2');
      const minScore = p.locator('#alerts-filter .field', { has: p.getByLabel('Minimum score') }).locator('.field-error:not(:empty)');
      await minScore.waitFor();
      expect(/min_score/.test(await minScore.textContent()), `error: ${await minScore.textContent()}`);
      for (const who of ['reviewer', 'admin']) {
        const page = pages[who];
        await visit(page, '#/history');
        await page.locator('table.history-screenings, p.empty').first().waitFor();
        const nav = await page.locator('#nav').textContent();
        expect(/History/.test(nav) && !/Parties|Alerts/.test(nav), `${who} nav: ${nav}`);
      }
    });

    await step('four eyes: the person who decided a true match cannot reopen it', pages, async () => {
      await openAlertOf(p, 'CUST-0101');
      await decide(p, /True match/, 'the listed Huawei, Shenzhen');
      await p.getByRole('heading', { level: 1, name: /True match/ }).waitFor();
      await decide(p, /Reopen/, 'second look');
      const refusal = p.locator('#alert-four-eyes');
      await refusal.waitFor();
      expect(/Four eyes/.test(await refusal.textContent()), `refusal: ${await refusal.textContent()}`);
      await screenshot(p, 'alert-four-eyes');
      await visit(p, p.url().slice(p.url().indexOf('#')));
      await p.getByRole('heading', { level: 1, name: /True match/ }).waitFor();
    });

    await step('a false positive reopens when the party changes, showing what changed', pages, async () => {
      await openAlertOf(p, kReopened.id);
      await decide(p, /False positive/, 'a Shenzhen shipping agent, not the listed trader');
      await p.getByRole('heading', { level: 1, name: /False positive/ }).waitFor();
      const alertPage = p.url().slice(p.url().indexOf('#'));
      await visit(p, '#/parties');
      const upload = p.locator('#party-upload-form');
      await upload.locator('input[type=file]').setInputFiles(changed);
      await upload.getByRole('button', { name: 'Import', exact: true }).click();
      const summary = await p.locator('#party-upload-summary').textContent();
      expect(/0 added, 1 changed, 3 unchanged/.test(summary), `summary: ${summary}`);
      await visit(p, alertPage);
      const what = p.locator('#alert-changed');
      await what.waitFor();
      const row = what.locator('tr', { hasText: 'Aliases' });
      expect(/Party/.test(await row.textContent()) && /BST Trading/.test(await row.textContent()), `what changed: ${await what.textContent()}`);
      expect(/open/i.test(await p.getByRole('heading', { level: 1 }).textContent()), 'the alert did not reopen');
      await screenshot(p, 'alert-reopened-changed');
    });

    await step('the history shows the screening of the party, and exports it filtered', pages, async () => {
      await p.getByRole('link', { name: 'Screening', exact: true }).click();
      await p.getByLabel('Name to screen').fill(kCleared.name);
      await p.getByLabel('Name to screen').press('Enter');
      await p.locator('article.match', { hasText: 'Dalian Sunny Industries' }).first().waitFor();
      await p.getByRole('link', { name: 'History', exact: true }).click();
      await p.getByLabel('Party name').fill('dalian sunny');
      await p.getByRole('button', { name: 'Filter' }).click();
      const table = p.locator('table.history-screenings');
      await table.waitFor();
      // The screening just asked for, and the ones the system ran: the party's import
      // and the list version the administrator imported (continuous screening).
      const asked = table.locator('tbody tr').filter({ hasText: users.applicant.user }).filter({ hasText: /Hit|Review/ });
      await asked.first().waitFor();
      const text = await asked.first().textContent();
      expect(text.includes(kCleared.name), `history row: ${text}`);
      const rows = await table.locator('tbody tr').allTextContents();
      expect(rows.every((row) => row.includes(kCleared.name)), `a row of another party: ${rows.join(' | ')}`);
      expect(rows.some((row) => row.includes('admin admin') && /Hit/.test(row)), `no continuous screening by the list's importer: ${rows.join(' | ')}`);
      const csvHref = await p.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
      expect(/party=dalian\+sunny|party=dalian%20sunny/.test(csvHref) && /format=csv/.test(csvHref), `CSV link: ${csvHref}`);
      const csv = await apiAs(p, 'GET', csvHref);
      expect(csv.status === 200 && csv.body.startsWith('id,recorded_at') && csv.body.includes(kCleared.name), `CSV: HTTP ${csv.status} ${csv.body.slice(0, 200)}`);
      expect(!csv.body.includes('Huawei'), 'the export holds what the filter leaves out');
      const json = await apiAs(p, 'GET', await p.getByRole('link', { name: 'Export JSON' }).getAttribute('href'));
      expect(json.status === 200 && JSON.parse(json.body).screenings.length >= 1, `JSON: HTTP ${json.status}`);
      await screenshot(p, 'history-screenings');
    });

    // The determination names the party; its screening hits the ISN entry, and the
    // trace cites the alert's disposition (item 4: a false_positive says who decided,
    // when and why).
    await step('a determination naming the cleared party cites its false_positive in the trace', pages, async () => {
      await p.getByRole('link', { name: 'Determination', exact: true }).click();
      await p.getByLabel('Destination').fill('CN');
      await p.getByLabel('ECCN or EAR99').fill('EAR99');
      await p.getByRole('textbox', { name: 'Name', exact: true }).fill(kCleared.name);
      await p.getByRole('textbox', { name: 'Country' }).fill(kCleared.country);
      await p.getByRole('button', { name: 'Decide' }).click();
      const result = p.locator('.determination');
      await result.waitFor();
      await screenshot(p, 'determination-cites-disposition');
      const trace = await result.locator('.trace').allTextContents();
      const text = trace.join('\n');
      const citesAlert = new RegExp(`alert[^0-9]{0,12}\\b${alertId}\\b`, 'i');
      expect(citesAlert.test(text) && /false[_ ]positive/i.test(text), `the trace does not cite alert ${alertId} as a false positive: ${text.slice(0, 600)}`);
      // Cleared, the match no longer stands in the way of an EAR99 export.
      const decision = await result.locator('h2').first().textContent();
      expect(/No license required/.test(decision), `decision: ${decision}`);
      await p.getByRole('link', { name: 'History', exact: true }).click();
      await p.getByRole('link', { name: 'Determinations' }).click();
      await p.locator('table.history-determinations tbody tr', { hasText: kCleared.name }).first().waitFor();
      await screenshot(p, 'history-determinations');
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
