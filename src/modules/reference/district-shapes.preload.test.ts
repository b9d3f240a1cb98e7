import { describe, expect, it } from 'vitest';

// The district boundaries load at start in the background (issue 11 §2): `amaan serve`, `amaan worker` and
// `amaan tips import` call preloadDistrictShapes, so the first report with coordinates finds them loaded. A module
// of its own (vitest isolates test files), so nothing else has loaded the file before this test.
describe('preloadDistrictShapes', () => {
  it('reads and indexes the boundaries before any lookup, once, and reports it', async () => {
    const shapes = await import('./district-shapes.ts');
    expect(shapes.districtShapesLoaded()).toBe(false);
    const messages: string[] = [];
    const first = shapes.preloadDistrictShapes((m) => messages.push(m));
    const second = shapes.preloadDistrictShapes((m) => messages.push(m));
    expect(second).toBe(first); // one read, however often called
    expect(shapes.districtShapesLoaded()).toBe(false); // in the background: the caller goes on at once
    await first;
    expect(shapes.districtShapesLoaded()).toBe(true);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^district boundaries: \d+ districts ready in \d+ ms$/);
    // A lookup now costs no file read: Muzaffargarh city.
    expect(shapes.districtAt(30.0736, 71.1805)?.district).toBe('Muzaffargarh');
  });

  it('is wired into serve, worker and tips import', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const f of ['serve.command.ts', 'worker.command.ts', 'tips.command.ts']) {
      const text = await readFile(new URL(`../../cli/commands/${f}`, import.meta.url), 'utf8');
      expect(text, f).toMatch(/void preloadDistrictShapes\(/);
    }
  });
});
