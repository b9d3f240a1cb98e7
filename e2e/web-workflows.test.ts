import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticImage } from '../test/support/media-fixtures.ts';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useWebApp } from './support/web-app.ts';
import { browserAvailable, fieldError, labelled, signedIn } from './support/browser.ts';
import { shoot } from './support/shots.ts';

const available = browserAvailable();
if (!available.run) console.warn(available.why);

const api = (page: Page, path: string) => page.evaluate(async (p) => {
  const res = await fetch(`/api/v1${p}`);
  return { status: res.status, body: (await res.json()) as unknown };
}, path);

async function openNetworkCase(page: Page): Promise<string> {
  await page.goto('/cases?q=recreational');
  // The demo case in its own branch (another test may import a copy elsewhere).
  const district = page.locator('td:nth-child(4)', { hasText: /^Muzaffargarh$/ });
  await page.getByTestId('case-row').filter({ has: district }).getByRole('link', { name: /recreational facility/ }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  return page.url().split('/cases/')[1];
}

describe.skipIf(!available.run)('web app in Chromium: daily work', () => {
  // A seized-media folder on the server: benign synthetic pictures only.
  const mediaRoot = mkdtempSync(join(tmpdir(), 'amaan-e2e-media-'));
  const app = useWebApp(async () => {
    mkdirSync(join(mediaRoot, 'phone', 'DCIM'), { recursive: true });
    for (let i = 0; i < 12; i++) writeFileSync(join(mediaRoot, 'phone', 'DCIM', `IMG_${1000 + i}.png`), await syntheticImage(i));
    writeFileSync(join(mediaRoot, 'phone', 'notes.txt'), 'synthetic test file\n');
    return { ingestRoot: mediaRoot };
  });
  afterAll(() => rmSync(mediaRoot, { recursive: true, force: true }));

  it('registers a case and moves it through its workflow; field errors from the schema as you type and from the API', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('investigator'));
    await page.goto('/cases/new');
    // Client side: the shared zod schema answers while typing, before anything is sent.
    await labelled(page, 'Title').fill('ab');
    expect(await fieldError(page, 'Title')).toBe('at least 3 characters');
    await labelled(page, 'Title').fill('Sextortion of a schoolboy over a gaming app (browser test)');
    await expect(labelled(page, 'Title').getAttribute('aria-invalid')).resolves.toBeNull();
    await labelled(page, 'Summary').fill('Complaint by the father through the helpline. Synthetic test case.');
    await labelled(page, 'Filter offences').fill('PECA-22');
    await page.getByRole('checkbox', { name: /^PECA-22 —/ }).check();
    await page.getByRole('button', { name: 'Register' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /Sextortion of a schoolboy/ }).waitFor();
    await page.locator('.page-subtitle').getByText('Complaint received').waitFor();

    // The FIR number is checked by the service: its problem+json error lands next to the field.
    await page.getByRole('button', { name: 'Move to: FIR registered' }).click();
    const dialog = page.getByRole('dialog');
    await labelled(dialog, 'Reason').fill('cognizable offence made out');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    expect(await fieldError(page, 'FIR number')).toBe('required to register the FIR');
    await labelled(dialog, 'FIR number').fill('901');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.locator('.page-subtitle').getByText('FIR registered').waitFor();
    await expect(page.locator('.page-subtitle').textContent()).resolves.toMatch(/FIR 901\/\d{4}/);

    for (const [step, reason] of [['Under investigation', 'investigation started'], ['Challan submitted', 'report under s.173 CrPC filed in court']]) {
      await page.getByRole('button', { name: `Move to: ${step}` }).click();
      await labelled(page.getByRole('dialog'), 'Reason').fill(reason);
      await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
      await page.locator('.page-subtitle').getByText(step).waitFor();
    }
    const history = await page.getByTestId('status-history').textContent();
    for (const s of ['Complaint received', 'FIR registered', 'Under investigation', 'Challan submitted']) expect(history).toContain(s);
    // Court stages belong to the prosecution: no further step for an investigator.
    await page.getByText('No further step is open to your role at this stage.').waitFor();
    await shoot(page, 'case-page');

    await page.getByRole('navigation', { name: 'Case sections' }).getByRole('link', { name: 'Timeline' }).click();
    await labelled(page, 'Text').fill('Father interviewed; chat screenshots received.');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByTestId('timeline').getByText('Father interviewed; chat screenshots received.').waitFor();
    await context.close();
  }, 120_000);

  it('plans an operation, has it approved by the supervisor and records its arrests, rescues and seizures', async () => {
    const inv = await signedIn(app.browser, app.server.url, app.server.user('investigator'));
    await openNetworkCase(inv.page);
    await inv.page.getByRole('navigation', { name: 'Case sections' }).getByRole('link', { name: 'Operations' }).click();
    await labelled(inv.page, 'Name').fill('Operation Test Raid');
    await labelled(inv.page, 'Planned for').fill('2025-06-10T05:00');
    await labelled(inv.page, 'Place').fill('Safe house, Ward 4, Muzaffargarh');
    await labelled(inv.page, 'Participating agencies').fill('Punjab Police\nChild Protection & Welfare Bureau');
    await inv.page.getByRole('button', { name: 'Plan an operation' }).click();
    await inv.page.waitForURL(/\/operations\/[0-9a-f-]{36}$/);
    const operationUrl = new URL(inv.page.url()).pathname;
    await inv.page.getByText('Awaiting the approval of the branch supervisor.').waitFor();

    const sup = await signedIn(app.browser, app.server.url, app.server.user('supervisor'));
    await sup.page.goto(operationUrl);
    await sup.page.getByRole('button', { name: 'Approve' }).click();
    await sup.page.locator('.page-subtitle').getByText('Approved').waitFor();
    await sup.context.close();

    await inv.page.reload();
    const form = inv.page.getByTestId('execute-operation-form');
    await form.waitFor();
    await labelled(inv.page, 'Duration (minutes)').fill('300');
    const accused = form.getByRole('group', { name: 'Accused arrested in this operation' }).getByRole('checkbox', { name: /At large/ });
    expect(await accused.count()).toBeGreaterThanOrEqual(2);
    await accused.nth(0).check();
    await accused.nth(1).check();
    const children = form.getByRole('group', { name: /Children rescued/ }).getByRole('checkbox', { name: /Identified/ });
    expect(await children.count()).toBeGreaterThanOrEqual(2);
    await children.nth(0).check();
    await children.nth(1).check();
    await form.getByRole('button', { name: 'Add an item' }).click();
    await labelled(inv.page, 'Label').fill('Seized phone T-1');
    await form.getByRole('button', { name: 'Record the outcome' }).click();
    const counts = inv.page.getByTestId('operation-counts');
    await counts.waitFor();
    await expect(counts.textContent()).resolves.toMatch(/2Arrests.*2Children rescued.*1Items seized/);
    // Rescued children appear by pseudonym only.
    const rescued = (await inv.page.getByTestId('rescues').textContent()) ?? '';
    expect(rescued).toMatch(/V-\d{4}-\d{4}.*V-\d{4}-\d{4}/);
    await inv.page.getByTestId('seizures').getByText('Seized phone T-1').waitFor();
    await shoot(inv.page, 'operation', { fullPage: true });
    await inv.context.close();
  }, 120_000);

  it('supervisor picks a case team member and a protection officer from the staff list', async () => {
    const sup = await signedIn(app.browser, app.server.url, app.server.user('supervisor'));
    await openNetworkCase(sup.page);
    await sup.page.getByTestId('edit-team').click();
    const form = sup.page.getByTestId('team-form');
    await form.waitFor();
    const person = labelled(form, 'Person');
    // The staff list loads after the dialog opens: wait for a choice beside the placeholder.
    await person.locator('option').nth(1).waitFor({ state: 'attached' });
    await person.selectOption({ index: 1 });
    const picked = ((await person.locator('option:checked').textContent()) ?? '').split(' — ')[0]!.trim();
    await form.getByTestId('team-add').click();
    await labelled(form.getByTestId('team-members'), `Role in team: ${picked}`).waitFor();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await sup.page.getByRole('region', { name: 'Case team' }).getByText(picked).waitFor();

    // A victim on one of the branch's cases: assign an officer from the list, then withdraw the assignment.
    const victims = (await api(sup.page, '/victims?limit=200')).body as { items: Array<{ id: string }> };
    expect(victims.items.length).toBeGreaterThan(0);
    await sup.page.goto(`/victims/${victims.items[0]!.id}`);
    const assignForm = sup.page.getByTestId('assign-officer-form');
    await assignForm.waitFor();
    const officer = labelled(assignForm, 'Assign a protection officer');
    await officer.locator('option').nth(1).waitFor({ state: 'attached' });
    await officer.selectOption({ index: 1 });
    const officerName = ((await officer.locator('option:checked').textContent()) ?? '').trim();
    await assignForm.getByRole('button', { name: 'Assign' }).click();
    const assigned = sup.page.getByTestId('assigned-officers');
    await assigned.getByText(officerName).waitFor();
    await assigned.locator('li', { hasText: officerName }).getByRole('button', { name: 'Withdraw' }).click();
    await assigned.getByText(officerName).waitFor({ state: 'detached' });
    await sup.context.close();
  }, 120_000);

  it('shows a victim by pseudonym to the investigator and by identity only to the assigned protection officer', async () => {
    const prot = await signedIn(app.browser, app.server.url, app.server.user('protection_officer'));
    const inv = await signedIn(app.browser, app.server.url, app.server.user('investigator'));
    // A child assigned to the officer, on a case the investigator works.
    const mine = (await api(prot.page, '/victims?assigned=me&limit=200')).body as { items: Array<{ id: string; pseudonym: string }> };
    const seen = (await api(inv.page, '/victims?limit=200')).body as { items: Array<{ id: string }> };
    const victim = mine.items.find((v) => seen.items.some((s) => s.id === v.id));
    expect(victim, 'the demo data has a child assigned to the demo officer on a demo investigator case').toBeDefined();

    await prot.page.goto('/victims');
    await prot.page.getByTestId('victim-row').first().waitFor();
    await shoot(prot.page, 'victim-safeguarding-list');
    await prot.page.goto(`/victims/${victim!.id}`);
    const identity = prot.page.getByTestId('victim-identity');
    await identity.waitFor();
    const fullName = (await identity.locator('dt:text-is("Full name") + dd').textContent())!.trim();
    expect(fullName).not.toBe('—');
    await expect(prot.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(victim!.pseudonym);
    await shoot(prot.page, 'victim-safeguarding', { fullPage: true });

    await inv.page.goto(`/victims/${victim!.id}`);
    await inv.page.getByRole('heading', { level: 1, name: victim!.pseudonym }).waitFor();
    await expect(inv.page.getByTestId('victim-identity').count()).resolves.toBe(0);
    expect(await inv.page.locator('main').textContent()).not.toContain(fullName);
    expect((await api(inv.page, `/victims/${victim!.id}/identity`)).status).toBe(403);
    await openNetworkCase(inv.page);
    await inv.page.getByRole('navigation', { name: 'Case sections' }).getByRole('link', { name: 'Persons' }).click();
    await inv.page.getByTestId('case-victims').waitFor();
    expect(await inv.page.locator('main').textContent()).not.toContain(fullName);
    await prot.context.close();
    await inv.context.close();
  }, 120_000);

  it('administration: the API refuses a short password and the message shows next to the field', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('administrator'));
    await page.goto('/admin');
    await page.getByTestId('users-table').waitFor();
    const form = page.getByTestId('new-user-form');
    await labelled(page, 'Username').fill('X');
    expect(await fieldError(page, 'Username')).toMatch(/lower-case letters/);
    await labelled(page, 'Username').fill('insp.test.user');
    await labelled(page, 'Display name').fill('Insp. Test User');
    await labelled(page, 'Branch').selectOption({ label: 'Muzaffargarh (Punjab)' });
    await labelled(page, 'Initial password').fill('short');
    await form.getByRole('button', { name: 'Create a user' }).click();
    expect(await fieldError(page, 'Initial password')).toBe('must be at least 12 characters');
    await labelled(page, 'Initial password').fill('a long enough passphrase');
    await form.getByRole('button', { name: 'Create a user' }).click();
    await page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await page.getByTestId('edit-user-form').waitFor();
    await page.goto('/admin');
    await page.getByTestId('users-table').getByText('insp.test.user').waitFor();
    await shoot(page, 'admin-users');
    await context.close();
  }, 90_000);

  it('auditor reads the trail and verifies the hash chain', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('auditor'));
    await page.goto('/audit');
    await page.getByTestId('audit-table').waitFor();
    await page.getByTestId('audit-verify').getByRole('button', { name: 'Verify now' }).click();
    await page.getByText(/The chain is intact: [\d,]+ entr/).waitFor();
    await shoot(page, 'audit');
    await context.close();
  }, 90_000);

  it('persons: spelling-tolerant search and a person page with aliases, identifiers and cases', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('investigator'));
    await page.goto('/persons');
    await labelled(page, 'Name, alias or spelling variant').fill('Mohammad');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('persons-table').getByRole('link').first().click();
    await page.getByTestId('person-names').waitFor();
    await page.getByTestId('person-cases').getByRole('link').first().waitFor();
    await shoot(page, 'person');
    await context.close();
  }, 90_000);

  it('analyst imports a hash set with the progress bar, exports it and deletes it after confirming', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('analyst'));
    await page.goto('/hash-sets');
    // Benign synthetic hashes: MD5 of counters, matching no real file.
    const list = Array.from({ length: 2000 }, (_, i) => createHash('md5').update(`amaan-browser-test-${i}`).digest('hex')).join('\n');
    await labelled(page, 'Name').fill('Browser test list');
    await labelled(page, 'Source').fill('synthetic (e2e)');
    await labelled(page, 'Format').selectOption('md5-list');
    await labelled(page, 'File').setInputFiles({ name: 'list.txt', mimeType: 'text/plain', buffer: Buffer.from(list) });
    await page.getByRole('button', { name: 'Import a hash set' }).click();
    await page.getByRole('status').filter({ hasText: 'Import a hash set: finished.' }).waitFor();
    await page.getByRole('cell', { name: /^Browser test list/ }).waitFor();
    const row = page.getByRole('row', { name: /Browser test list/ });
    await expect(row.textContent()).resolves.toContain('2,000');

    // Export: a plain download link to the export URL, in the format picked on the row.
    const exportLink = row.getByRole('link', { name: 'Export Browser test list' });
    expect(await exportLink.getAttribute('href')).toMatch(/^\/api\/v1\/hash-sets\/[0-9a-f-]{36}\/export\?format=vics$/);
    await labelled(row, 'Export format').selectOption('md5-list');
    expect(await exportLink.getAttribute('href')).toMatch(/^\/api\/v1\/hash-sets\/[0-9a-f-]{36}\/export\?format=md5-list$/);
    const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^hashset-[0-9a-f-]{36}\.txt$/);
    const exported = readFileSync(await download.path()).toString();
    expect(exported.split('\n').filter(Boolean).sort()).toEqual(list.split('\n').sort());

    // Delete: asked first; Cancel keeps the set, Delete removes it from the list.
    await row.getByRole('button', { name: 'Delete Browser test list' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the hash set “Browser test list”?' });
    await dialog.getByText('Its 2,000 entries and every match found with it will be deleted.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await row.count()).toBe(1);
    await row.getByRole('button', { name: 'Delete Browser test list' }).click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await row.waitFor({ state: 'detached' });
    await dialog.waitFor({ state: 'hidden' });
    const after = (await api(page, '/hash-sets')).body as { items: Array<{ name: string }> };
    expect(after.items.map((h) => h.name)).not.toContain('Browser test list');
    await context.close();
  }, 120_000);

  it('exports a case bundle and imports it into another branch with upload progress', async () => {
    const sup = await signedIn(app.browser, app.server.url, app.server.user('supervisor'));
    await openNetworkCase(sup.page);
    const [download] = await Promise.all([sup.page.waitForEvent('download'), sup.page.getByRole('link', { name: 'Export the case' }).click()]);
    const bundle = readFileSync(await download.path());
    expect(download.suggestedFilename()).toMatch(/\.amaan\.json$/);
    expect(JSON.parse(bundle.toString()).format).toBe('amaan.case-bundle');
    await sup.context.close();

    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('administrator'));
    await page.goto('/import');
    // A file that is not a bundle is refused in the browser, before any upload.
    await labelled(page, 'Branch').selectOption({ label: 'Lahore (Punjab)' });
    await labelled(page, 'Case bundle (.amaan.json)').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something else"}') });
    await page.getByRole('button', { name: 'Import the case' }).click();
    await page.getByRole('alert').filter({ hasText: 'format' }).waitFor();
    await labelled(page, 'Case bundle (.amaan.json)').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: bundle });
    await page.getByRole('button', { name: 'Import the case' }).click();
    await page.getByText('Imported:').waitFor({ timeout: 60_000 });
    await page.getByRole('status').filter({ hasText: 'Imported:' }).getByRole('link').waitFor();
    await context.close();
  }, 120_000);

  it('ingests seized media with a progress bar and shows hashes and counts, never the media', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('investigator'));
    await openNetworkCase(page);
    await page.getByRole('navigation', { name: 'Case sections' }).getByRole('link', { name: 'Media triage' }).click();
    const form = page.getByTestId('ingest-form');
    await form.waitFor();
    await labelled(page, 'Folder path on the server').fill(join(mediaRoot, 'phone'));
    await form.getByRole('button', { name: 'Start ingest' }).click();
    await page.getByRole('status').filter({ hasText: 'finished' }).waitFor({ timeout: 60_000 });
    const files = page.getByTestId('media-files');
    await files.waitFor();
    await files.getByText('IMG_1000.png').waitFor();
    // Digests and matches only: no picture, video or frame of the material anywhere on the page.
    expect(await page.locator('main img, main video, main canvas, main picture, main object, main iframe').count()).toBe(0);
    // The screenshot of media triage is taken on the demo media (e2e/web-media-demo.test.ts).
    await context.close();
  }, 120_000);
});
