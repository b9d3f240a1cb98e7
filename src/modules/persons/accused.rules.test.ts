import { describe, expect, it } from 'vitest';
import { accusedStatuses, allowedAccusedSteps, checkAccusedMove, checkAccusedTransition, nextAccusedStatuses } from './accused.rules.ts';

describe('accused status rules', () => {
  it('follows arrest, remand, bail and verdict', () => {
    const police = [['at_large', 'arrested'], ['arrested', 'physical_remand'], ['physical_remand', 'judicial_remand'], ['judicial_remand', 'on_bail'], ['on_bail', 'proclaimed_offender'], ['proclaimed_offender', 'arrested']] as const;
    for (const [from, to] of police) expect(checkAccusedTransition(from, to, 'investigator'), `${from}->${to}`).toEqual({ ok: true });
    // The moves exist in law, but only the verdict and the appeal's decision make them (never the dialog).
    expect(checkAccusedMove('judicial_remand', 'convicted')).toEqual({ ok: true });
    expect(checkAccusedMove('on_bail', 'acquitted')).toEqual({ ok: true });
    expect(checkAccusedMove('convicted', 'acquitted')).toEqual({ ok: true });
    expect(checkAccusedTransition('judicial_remand', 'convicted', 'prosecutor').ok).toBe(false);
    expect(checkAccusedTransition('convicted', 'acquitted', 'prosecutor').ok).toBe(false);
    expect(checkAccusedTransition('acquitted', 'convicted', 'prosecutor').ok).toBe(false);
  });

  it('allows physical remand only straight after arrest', () => {
    for (const from of accusedStatuses) {
      expect(checkAccusedMove(from, 'physical_remand').ok, from).toBe(from === 'arrested');
    }
    expect(checkAccusedMove(null, 'physical_remand').ok).toBe(false);
  });

  it('treats no status as at large', () => {
    expect(checkAccusedMove(null, 'arrested')).toEqual({ ok: true });
    expect(nextAccusedStatuses(null)).toEqual(nextAccusedStatuses('at_large'));
    expect(checkAccusedMove(null, 'at_large').ok).toBe(false);
  });

  it('refuses standing still, skipping the trial and custody from nowhere', () => {
    expect(checkAccusedMove('arrested', 'arrested').ok).toBe(false);
    expect(checkAccusedMove('at_large', 'convicted').ok).toBe(false);
    expect(checkAccusedMove('arrested', 'convicted').ok).toBe(false);
    expect(checkAccusedMove('at_large', 'judicial_remand').ok).toBe(false);
    expect(checkAccusedMove('at_large', 'on_bail').ok).toBe(false);
    expect(checkAccusedMove('acquitted', 'arrested').ok).toBe(false);
    expect(checkAccusedMove('proclaimed_offender', 'on_bail').ok).toBe(false);
  });

  it('splits custody stages and verdicts between investigation and prosecution', () => {
    expect(checkAccusedTransition('judicial_remand', 'convicted', 'investigator').ok).toBe(false);
    expect(checkAccusedTransition('convicted', 'on_bail', 'supervisor').ok).toBe(false);
    expect(checkAccusedTransition('at_large', 'arrested', 'prosecutor').ok).toBe(false);
    expect(checkAccusedTransition('at_large', 'arrested', 'analyst').ok).toBe(false);
    expect(allowedAccusedSteps('on_bail', 'prosecutor')).toEqual([]);
    expect(allowedAccusedSteps('convicted', 'prosecutor')).toEqual([]);
    expect(allowedAccusedSteps('on_bail', 'investigator')).toEqual(['arrested', 'judicial_remand', 'proclaimed_offender']);
    expect(allowedAccusedSteps('at_large', 'protection_officer')).toEqual([]);
  });

  it('has a rule for every status, and every target is a known status', () => {
    for (const s of accusedStatuses) for (const to of nextAccusedStatuses(s)) expect(accusedStatuses).toContain(to);
  });
});
