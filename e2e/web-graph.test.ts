import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, labelled, signedIn } from './support/browser.ts';
import { useWebApp } from './support/web-app.ts';
import { shoot } from './support/shots.ts';

const available = browserAvailable();
if (!available.run) console.warn(available.why);

const api = (page: Page, path: string) => page.evaluate(async (p) => {
  const res = await fetch(`/api/v1${p}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', text: await res.text() };
}, path);

/** The row of a node in the table view (the drawing is a canvas; the table holds the same nodes as text). */
const nodeRow = (page: Page, name: string | RegExp) => page.getByTestId('graph-node-row').filter({ has: page.locator('td:first-child', { hasText: name }) }).first();

describe.skipIf(!available.run)('web app in Chromium: the entity graph', () => {
  const app = useWebApp();

  it('opens the graph of an arrested suspect, expands a node, finds the path to the ringleader with the record behind each step', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('investigator'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Graph', exact: true }).waitFor();
    // From the person page: "Show in graph".
    await page.goto('/persons');
    await labelled(page, 'Name, alias or spelling variant').fill('Shafqat Laghari');
    await page.getByRole('link', { name: 'Shafqat Laghari' }).first().click();
    await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
    const personId = page.url().split('/persons/')[1]!;
    await page.getByTestId('show-in-graph').click();
    await page.waitForURL(new RegExp(`/graph\\?node=person(%3A|:)${personId}$`));
    await page.getByRole('heading', { level: 1, name: 'Graph: Shafqat Laghari' }).waitFor();
    // Drawn on a canvas (cytoscape's canvas renderer), with the same nodes listed in the table.
    const canvas = page.getByTestId('graph-canvas');
    await canvas.locator('canvas').first().waitFor({ state: 'attached' });
    await expect(canvas.getAttribute('role')).resolves.toBe('img');
    await nodeRow(page, 'lagh_uploads').waitFor();
    const before = await page.getByTestId('graph-node-row').count();
    expect(before).toBeGreaterThan(2);
    // The canvas is drawn: pixels are inked on cytoscape's layers (it draws nodes and edges on one of several canvases).
    const inked = () => canvas.evaluate((el) => {
      let n = 0;
      for (const c of el.querySelectorAll('canvas')) {
        if (!c.width || !c.height) continue;
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < data.length; i += 4 * 16) if (data[i]! > 0) n++;
      }
      return n;
    });
    await expect.poll(inked, { timeout: 15_000 }).toBeGreaterThan(50);

    // Expand the ringleader's forum handle: his person node comes in with the handle's other neighbours.
    const handleRow = nodeRow(page, 'schattenmann_77');
    await handleRow.waitFor();
    await handleRow.getByRole('button', { name: 'Expand schattenmann_77' }).click();
    await handleRow.getByRole('button', { name: 'Neighbours loaded' }).waitFor();
    await nodeRow(page, 'Anselm Krötzberger').waitFor();
    expect(await page.getByTestId('graph-node-row').count()).toBeGreaterThan(before - 1);

    // Victims are drawn, and only by pseudonym.
    const victimRows = await page.getByTestId('graph-node-row').filter({ hasText: 'Victim (pseudonym)' }).all();
    expect(victimRows.length).toBeGreaterThan(0);
    for (const row of victimRows) expect(await row.locator('td').first().textContent()).toMatch(/^V-\d{4}-\d{4}/);

    // Filters: leave out the victims and the persons-in-case links, to see what else ties him to the ring.
    const filters = page.getByTestId('graph-filters');
    const linksBefore = await page.getByTestId('graph-edge-row').count();
    await filters.getByRole('checkbox', { name: 'Victim (pseudonym)' }).uncheck();
    await filters.getByRole('checkbox', { name: 'in case', exact: true }).uncheck();
    await expect.poll(() => page.getByTestId('graph-edge-row').count()).toBeLessThan(linksBefore);
    await expect(page.getByTestId('graph-node-row').filter({ hasText: 'Victim (pseudonym)' }).count()).resolves.toBe(0);
    await expect(page.getByTestId('graph-edge-row').filter({ hasText: 'in case' }).count()).resolves.toBe(0);

    // Pin him, then ask for the shortest path from the suspect (the start node) to him.
    const ringleaderRow = nodeRow(page, 'Anselm Krötzberger');
    await ringleaderRow.getByRole('button', { name: 'Pin Anselm Krötzberger' }).click();
    await ringleaderRow.getByRole('button', { name: 'Unpin Anselm Krötzberger' }).waitFor();
    await ringleaderRow.getByRole('button', { name: 'Path to Anselm Krötzberger' }).click();
    await expect(page.getByTestId('path-from').textContent()).resolves.toBe('Shafqat Laghari');
    await expect(page.getByTestId('path-to').textContent()).resolves.toBe('Anselm Krötzberger');
    await page.getByRole('button', { name: 'Find the shortest path' }).click();
    const hops = page.getByTestId('path-hop');
    await hops.first().waitFor();
    const steps = await hops.allTextContents();
    // Not through the case they share (filtered out): through the identifiers that tie them (the ringleader's
    // Bitcoin wallet, which the uploader's records also name, or the forum accounts from the seized laptop).
    expect(steps.length).toBeGreaterThanOrEqual(2);
    expect(steps[0]).toMatch(/^Shafqat Laghari/);
    expect(steps.at(-1)).toMatch(/Anselm Krötzberger/);
    expect(steps.join(' ')).toMatch(/schattenmann_77|bc1q/);
    expect(steps.join(' ')).not.toMatch(/ in case /);
    // Every step names the record that justifies it, and links to it.
    const why = await page.getByTestId('path-justification').allTextContents();
    expect(why).toHaveLength(steps.length);
    for (const w of why) expect(w).toMatch(/^(Recorded link|Payment|Communication|Person on the case|Victim on the case|Media match): \S+/);
    expect(await page.getByTestId('path-hops').getByRole('link', { name: 'Open the record' }).count()).toBe(steps.length);
    await page.getByText(`${steps.length} steps`).waitFor();

    // The export is served by the API as a download.
    const href = await page.getByTestId('export-gexf').getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/graph\/export\?.*format=gexf/);
    const gexf = await api(page, href!.replace('/api/v1', ''));
    expect(gexf.status).toBe(200);
    expect(gexf.disposition).toContain('attachment');
    expect(gexf.text).toContain('<gexf');

    await page.getByRole('button', { name: 'Fit to view' }).click();
    await page.waitForTimeout(600);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'graph');

    // "Show everything" brings back what the filters hid (the path's own nodes and links stay drawn throughout).
    await filters.getByRole('button', { name: 'Show everything' }).click();
    await expect.poll(() => page.getByTestId('graph-edge-row').count()).toBeGreaterThanOrEqual(linksBefore);

    // The record behind a node opens its page.
    await nodeRow(page, 'Anselm Krötzberger').getByRole('link', { name: 'Anselm Krötzberger' }).click();
    await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Anselm Krötzberger' }).waitFor();
    await context.close();
  }, 180_000);

  it('offers the graph in Urdu, right to left', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('analyst'));
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('navigation', { name: 'مرکزی' }).getByRole('link', { name: 'نیٹ ورک' }).click();
    await page.getByRole('heading', { level: 1, name: 'روابط کا نقشہ' }).waitFor();
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    await context.close();
  }, 90_000);

  it('gives a role without graph.read no graph link, no graph page and no graph API', async () => {
    const { page, context } = await signedIn(app.browser, app.server.url, app.server.user('protection_officer'));
    await page.getByTestId('home-protection_officer').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link').first().waitFor();
    await expect(nav.getByRole('link', { name: 'Graph', exact: true }).count()).resolves.toBe(0);
    await expect(page.getByTestId('show-in-graph').count()).resolves.toBe(0);
    await page.goto('/graph');
    await page.getByTestId('forbidden').waitFor();
    await expect(page.getByTestId('graph-canvas').count()).resolves.toBe(0);
    const res = await api(page, '/graph/components');
    expect(res.status).toBe(403);
    await context.close();
  }, 90_000);
});
