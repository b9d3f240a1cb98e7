import { describe, expect, it } from 'vitest';
import { allowedNextSteps, caseStatuses, checkTransition, nextStatuses } from './case.lifecycle.ts';

describe('case lifecycle', () => {
  it('follows the legal order from complaint to verdict', () => {
    const path = ['complaint_received', 'inquiry_open', 'fir_registered', 'under_investigation', 'interim_challan', 'challan_submitted'] as const;
    for (let i = 1; i < path.length; i++) expect(checkTransition(path[i - 1], path[i], 'investigator')).toEqual({ ok: true });
    const court = ['challan_submitted', 'in_trial', 'charge_framed', 'evidence'] as const;
    for (let i = 1; i < court.length; i++) expect(checkTransition(court[i - 1], court[i], 'prosecutor')).toEqual({ ok: true });
  });

  it('refuses skipping stages and going backwards', () => {
    expect(checkTransition('complaint_received', 'challan_submitted', 'investigator').ok).toBe(false);
    expect(checkTransition('under_investigation', 'fir_registered', 'investigator').ok).toBe(false);
    expect(checkTransition('fir_registered', 'convicted', 'prosecutor').ok).toBe(false);
  });

  it('closes the dead ends', () => {
    expect(nextStatuses('inquiry_closed')).toEqual([]);
    expect(nextStatuses('cancelled_or_discharged')).toEqual([]);
  });

  it('splits police and court stages between roles', () => {
    expect(checkTransition('challan_submitted', 'in_trial', 'investigator').ok).toBe(false);
    expect(checkTransition('fir_registered', 'under_investigation', 'prosecutor').ok).toBe(false);
    expect(checkTransition('fir_registered', 'under_investigation', 'analyst').ok).toBe(false);
    expect(allowedNextSteps('in_trial', 'prosecutor')).toEqual(['charge_framed']);
    expect(allowedNextSteps('in_trial', 'investigator')).toEqual([]);
  });

  it('never moves a case to a judgment status by hand: the verdict or the appeal does', () => {
    for (const to of ['convicted', 'acquitted', 'under_appeal'] as const) {
      for (const from of caseStatuses) {
        const check = checkTransition(from, to, 'prosecutor');
        expect(check.ok, `${from}->${to}`).toBe(false);
        if (!check.ok) expect(check.reason).toMatch(/prosecution tab/);
      }
    }
    expect(allowedNextSteps('evidence', 'prosecutor')).toEqual([]);
    expect(allowedNextSteps('under_appeal', 'prosecutor')).toEqual([]);
  });

  it('has a rule for every status', () => {
    for (const s of caseStatuses) expect(Array.isArray(nextStatuses(s))).toBe(true);
  });
});
