import { describe, expect, it } from 'vitest';
import { allowedVictimSteps, checkVictimTransition, nextVictimStates, victimStates, type Standing } from './victim.lifecycle.ts';

const officer: Standing = { role: 'protection_officer', assigned: true, onCase: false };
const otherOfficer: Standing = { role: 'protection_officer', assigned: false, onCase: false };
const investigator: Standing = { role: 'investigator', assigned: false, onCase: true };
const analyst: Standing = { role: 'analyst', assigned: false, onCase: true };

describe('safeguarding state machine', () => {
  it('walks identified -> recovered -> placed -> closed for the assigned officer', () => {
    expect(checkVictimTransition('identified', 'recovered', officer, false)).toEqual({ ok: true });
    expect(checkVictimTransition('recovered', 'placed', officer, true)).toEqual({ ok: true });
    expect(checkVictimTransition('placed', 'closed', officer, true)).toEqual({ ok: true });
  });

  it('needs a placement to be placed', () => {
    expect(checkVictimTransition('recovered', 'placed', officer, false)).toMatchObject({ ok: false, reason: 'record the placement first' });
    expect(allowedVictimSteps('recovered', officer, false)).toEqual(['closed']);
    expect(allowedVictimSteps('recovered', officer, true)).toEqual(['placed', 'closed']);
  });

  it('refuses skipping, going back and leaving closed', () => {
    expect(checkVictimTransition('identified', 'placed', officer, true).ok).toBe(false);
    expect(checkVictimTransition('placed', 'recovered', officer, true).ok).toBe(false);
    expect(checkVictimTransition('recovered', 'recovered', officer, true).ok).toBe(false);
    for (const s of victimStates) expect(checkVictimTransition('closed', s, officer, true).ok).toBe(false);
    expect(nextVictimStates('closed')).toEqual([]);
  });

  it('lets the investigation mark recovered, and only that', () => {
    expect(checkVictimTransition('identified', 'recovered', investigator, false)).toEqual({ ok: true });
    expect(checkVictimTransition('recovered', 'placed', investigator, true).ok).toBe(false);
    expect(checkVictimTransition('identified', 'closed', investigator, false).ok).toBe(false);
    expect(allowedVictimSteps('identified', investigator, false)).toEqual(['recovered']);
  });

  it('gives nothing to analysts or an unassigned officer', () => {
    for (const who of [analyst, otherOfficer]) for (const from of victimStates) expect(allowedVictimSteps(from, who, true)).toEqual([]);
    expect(checkVictimTransition('identified', 'recovered', { role: 'investigator', assigned: false, onCase: false }, false).ok).toBe(false);
  });
});
