import { z } from 'zod';
import { figureAnswer, figureQuery } from '../figures/figures.schema.ts';

// Dashboards (issue 12, part 3), shared with the web app: a figure of the registry in the reader's view,
// the district map of a figure, and the records behind one cell of a figure (drill-down).

/** The records behind one cell: the figure's query, the cell's group (as the rows name it) and part. */
export const drillQuery = figureQuery.extend({
  /** The group of the cell, as the figure's rows name it (a district, branch, month...); required when grouped. */
  group: z.string().trim().min(1).max(200).optional(),
  /** The part of the cell (a status, a band), for figures with parts. */
  part: z.string().trim().regex(/^[a-z0-9_]{1,60}$/, 'a part of the figure').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type DrillQuery = z.infer<typeof drillQuery>;

export const drillRecord = z.object({
  caseId: z.string(),
  firLabel: z.string().nullable(),
  title: z.string(),
  status: z.string(),
  /** Where the offence happened. */
  district: z.string(),
  province: z.string(),
  /** The branch handling the case. */
  branch: z.string(),
  /** The figure's own date of the record (FIR date, arrest date, decision date...). */
  at: z.string().nullable(),
  /** Durations (FIR to challan, FIR to verdict) and backlog age: the interval measured, in days. */
  interval: z.object({ from: z.string(), to: z.string(), days: z.number() }).optional(),
  /** Sentences: the sentence of imprisonment, in months. */
  sentenceMonths: z.number().optional(),
  /** Operations: the operation counted (the case is the one that owns it), with its arrests and rescues. */
  operation: z.object({ id: z.string(), name: z.string(), arrests: z.number(), childrenRescued: z.number() }).optional(),
  /**
   * Children in care: the child as the victims module shows them to this reader (pseudonym, never the
   * identity), and the placement open at the end of the period; the case is one the child is linked to.
   */
  child: z.object({
    id: z.string(), pseudonym: z.string(), gender: z.string().nullable(), ageAtIdentification: z.number().nullable(), state: z.string(),
    placement: z.object({ kind: z.string(), startedAt: z.string() }),
  }).optional(),
  /** Open caseload: the investigator, their open cases in the cell; the case is the oldest of them (by FIR date). */
  investigator: z.object({ id: z.string(), name: z.string(), openCases: z.number() }).optional(),
});

export const drillAnswer = z.object({
  figure: z.object({ id: z.string(), version: z.number(), unit: z.string() }),
  cell: z.object({ group: z.string().nullable(), part: z.string().nullable() }),
  /** What each item is: the unit the figure counts. */
  itemKind: z.enum(['case', 'arrest', 'person', 'child', 'sentence', 'operation', 'investigator']).optional(),
  /** Durations: the legal time limit the intervals are measured against, in days. */
  limitDays: z.number().nullable().optional(),
  /** How many records are behind the cell: the count the reader was shown. */
  total: z.number(),
  items: z.array(drillRecord),
  limit: z.number(),
  offset: z.number(),
});
export type DrillAnswer = z.infer<typeof drillAnswer>;

export const mapQuery = figureQuery.omit({ groupBy: true }).extend({
  /** For a figure with parts (statuses, bands, placements): the part to colour by; "all" when it has one. */
  part: z.string().trim().regex(/^[a-z0-9_]{1,60}$/, 'a part of the figure').optional(),
});
export type MapQuery = z.infer<typeof mapQuery>;

export const mapAnswer = z.object({
  figure: figureAnswer.shape.figure,
  published: z.boolean(),
  drillDown: z.boolean(),
  part: z.string().nullable(),
  /** The outline: package, version and licence, and the viewBox its paths are drawn in. */
  outline: z.object({ package: z.string(), version: z.string(), licence: z.string(), viewBox: z.string() }),
  /** Every district of the list, with the figure's value (null when suppressed) and the shape that draws it. */
  districts: z.array(z.object({
    districtId: z.number(), name: z.string(), province: z.string(), shape: z.string().nullable(),
    value: z.number().nullable(), display: z.string(),
  })),
  /** Districts the map has no outline for, with the shape they lie within when known. */
  missing: z.array(z.object({ districtId: z.number(), name: z.string(), province: z.string(), within: z.string().nullable() })),
  /** Shapes of the outline that draw no single district (former districts since split, subdivisions). */
  shapesWithoutDistrict: z.array(z.object({ id: z.string(), name: z.string() })),
  max: z.number(),
});
export type MapAnswer = z.infer<typeof mapAnswer>;
