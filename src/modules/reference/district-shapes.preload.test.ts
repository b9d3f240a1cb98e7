import { describe, expect, it } from 'vitest';
import { districtAt, districtOutlines, districtShapesState, preloadDistrictShapes } from './district-shapes.ts';

// At `amaan serve` start the outlines are built in the background (not by the first tip carrying coordinates):
// the state goes not_started -> loading -> ready, the start is reported, and lookups then use what was built.
// A file of its own: the outlines are built once per process (per test file in vitest).
describe('district outlines at start', () => {
  it('are built in the background, reported, and reused by every lookup', async () => {
    expect(districtShapesState()).toBe('not_started');
    const messages: string[] = [];
    const loading = preloadDistrictShapes((m) => messages.push(m));
    expect(districtShapesState()).toBe('loading'); // scheduled, not built in the caller's turn
    await loading;
    expect(districtShapesState()).toBe('ready');
    expect(messages.join('\n')).toMatch(/^district outlines: 144 ready in \d+ ms \((equirectangular|mercator), borders to about \d+ km\)$/);
    const built = districtOutlines();
    expect(districtAt(35.9208, 74.3144)?.district).toBe('Gilgit');
    expect(districtOutlines()).toBe(built); // not built again
    await preloadDistrictShapes((m) => messages.push(m)); // a second call does nothing
    expect(messages).toHaveLength(1);
  });
});
