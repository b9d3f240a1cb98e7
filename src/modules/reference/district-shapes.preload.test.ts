import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { districtAt, districtOutlines, districtShapesState, preloadDistrictShapes } from './district-shapes.ts';

// At start (`amaan serve`, `amaan worker`, `amaan tips import`) the outlines are built in the background (not by the
// first tip carrying coordinates): the state goes not_started -> loading -> ready, the start is reported once, and
// lookups then use what was built. A file of its own: the outlines are built once per process (per test file in
// vitest), so nothing else has built them before this test.
describe('district outlines at start', () => {
  it('are built in the background, once, reported, and reused by every lookup', async () => {
    expect(districtShapesState()).toBe('not_started');
    const messages: string[] = [];
    const loading = preloadDistrictShapes((m) => messages.push(m));
    const again = preloadDistrictShapes((m) => messages.push(m));
    expect(again).toBe(loading); // one build, however often called while it runs
    expect(districtShapesState()).toBe('loading'); // scheduled, not built in the caller's turn
    await loading;
    expect(districtShapesState()).toBe('ready');
    expect(messages.join('\n')).toMatch(/^district outlines: 144 ready in \d+ ms \((equirectangular|mercator), borders to about \d+ km\)$/);
    const built = districtOutlines();
    expect(districtAt(35.9208, 74.3144)?.district).toBe('Gilgit');
    expect(districtOutlines()).toBe(built); // not built again
    await preloadDistrictShapes((m) => messages.push(m)); // a call once built does nothing
    expect(messages).toHaveLength(1);
  });

  it('is wired into serve, worker and tips import', async () => {
    for (const f of ['serve.command.ts', 'worker.command.ts', 'tips.command.ts']) {
      const text = await readFile(new URL(`../../cli/commands/${f}`, import.meta.url), 'utf8');
      expect(text.match(/void preloadDistrictShapes\(/g), f).toHaveLength(1);
    }
  });
});
