// The figures the synthetic demo dataset is built to reproduce, in one place. The loader generates
// records that add up to these numbers; the statistics module never reads this file; it counts rows. The
// tests compare what the statistics endpoint computes with the published figures, independently.
//
// Sources: seed/nccia-figures.csv (the national figures as of 3 June 2025 and the Muzaffargarh raid of
// 23 May 2025). Where the press disagrees (197 or 198 arrests, 4-10 or 7-10 years) the product brief's
// figure is used.
export const DEMO_SEED = 20250523;

/** The last day the demo records describe; every date in the dataset falls in 2024-01-01 .. this day. */
export const DEMO_AS_OF = '2025-06-03';
export const DEMO_FIRST_DAY = '2024-01-01';

export const nationalFigures = {
  /** Cases with an FIR and at least one child-exploitation offence. */
  childExploitationFirs: 178,
  /** Arrest records on those cases. */
  childExploitationArrests: 198,
  /** Persons with a conviction on those cases... */
  personsConvicted: 14,
  /** ...sentenced to between 4 and 10 years. */
  sentenceMonths: { min: 48, max: 120 },
} as const;

export const muzaffargarhOperation = {
  district: 'Muzaffargarh',
  raidDay: '2025-05-23',
  durationMinutes: 300,
  agencies: ['NCCIA Muzaffargarh', 'Punjab Police', 'Child Protection & Welfare Bureau', 'District Administration Muzaffargarh'],
  arrests: 2,
  childrenRescued: 10,
  placedWithChildProtectionBureau: 6,
  placedWithFamily: 4,
  /** "About 50" children identified as victims of the network. */
  victimsIdentified: 50,
  victimAges: { min: 6, max: 10 },
  furtherAccusedAtLarge: 3,
  complicitFamilyMembers: 3,
  offences: ['PECA-22', 'PECA-22B', 'PPC-377B', 'PTPA-3-child'],
} as const;

/**
 * The shape of the rest of the national caseload (not published figures: choices that make the demo
 * realistic). Child-exploitation FIR cases by their current status; their sum plus the Muzaffargarh case
 * is nationalFigures.childExploitationFirs.
 */
export const childFirCasesByStatus = {
  fir_registered: 8,
  under_investigation: 50,
  interim_challan: 15,
  challan_submitted: 22,
  cancelled_or_discharged: 12,
  in_trial: 22,
  charge_framed: 14,
  evidence: 14,
  convicted: 8,
  under_appeal: 3,
  acquitted: 9,
} as const;

/** Persons convicted per convicted case, then per case under appeal (after a conviction). */
export const convictsPerCase = { convicted: [2, 2, 1, 1, 1, 1, 1, 1], under_appeal: [2, 1, 1] } as const;

/** Cases that must not count as child-exploitation FIRs. */
export const otherCaseCounts = {
  /** Child-exploitation complaints still at complaint or inquiry stage (no FIR). */
  childPreFir: 26,
  financialFraudWithFir: 22,
  financialFraudPreFir: 10,
  harassmentWithFir: 16,
  harassmentPreFir: 8,
} as const;

/** Province shares of the caseload, and how many district branches of each take part. */
export const provinceSpread = [
  { province: 'Punjab', share: 0.52, branches: 14 },
  { province: 'Sindh', share: 0.15, branches: 8 },
  { province: 'Khyber Pakhtunkhwa', share: 0.13, branches: 9 },
  { province: 'Islamabad Capital Territory', share: 0.08, branches: 1 },
  { province: 'Balochistan', share: 0.05, branches: 5 },
  { province: 'Azad Jammu & Kashmir', share: 0.04, branches: 3 },
  { province: 'Gilgit-Baltistan', share: 0.03, branches: 3 },
] as const;

/** Demo sign-ins, one per role; refused when NODE_ENV=production. */
export const demoUsers = [
  { role: 'investigator', username: 'demo.investigator', displayName: 'Insp. Naveed Awan (demo investigator)', branch: 'Muzaffargarh' },
  { role: 'supervisor', username: 'demo.supervisor', displayName: 'Dy. Director Rabia Cheema (demo supervisor)', branch: 'Muzaffargarh' },
  { role: 'analyst', username: 'demo.analyst', displayName: 'Farhan Siddiqui (demo analyst)', branch: null },
  { role: 'protection_officer', username: 'demo.protection', displayName: 'Samina Durrani (demo protection officer)', branch: null },
  { role: 'prosecutor', username: 'demo.prosecutor', displayName: 'Adv. Tahir Kazmi (demo prosecutor)', branch: null },
  { role: 'leadership', username: 'demo.leadership', displayName: 'Director General (demo leadership)', branch: null },
  { role: 'administrator', username: 'demo.admin', displayName: 'System administrator (demo)', branch: null },
  { role: 'auditor', username: 'demo.auditor', displayName: 'Internal auditor (demo)', branch: null },
] as const;

export const demoPassword = (username: string) => `${username}-pass`;
