import { z } from 'zod';
import { pageQuery } from '../../platform/http/schema-kit.ts';

// Branches are offices (issue 12): a name, the district they sit in, the districts they cover and their staff
// posts, sanctioned and filled. Districts are geography (seed/pakistan-districts.csv). Shared with the web app.
export const postKinds = ['supervisor', 'investigator', 'analyst', 'forensic', 'prosecution_liaison', 'support'] as const;
export type PostKind = (typeof postKinds)[number];

const districtId = z.number().int().positive();
const postRow = z.strictObject({
  post: z.enum(postKinds),
  sanctioned: z.number().int().min(0).max(10000),
  filled: z.number().int().min(0).max(10000),
});
const posts = z
  .array(postRow)
  .max(postKinds.length)
  .superRefine((rows, issue) => {
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      if (seen.has(r.post)) issue.addIssue({ code: 'custom', path: [i, 'post'], message: 'listed twice' });
      seen.add(r.post);
    });
  });
const districtIds = z
  .array(districtId)
  .max(60)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'a district is listed twice' });
const name = z.string().trim().min(2, 'at least 2 characters').max(120);

export const createOfficeBody = z.strictObject({
  name,
  /** Short code (PB-MULTAN-2); made from the province and name when absent. */
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, '2 to 40 capital letters, digits or dashes').optional(),
  /** The district the office sits in; it covers it (moved from the branch covering it before). */
  seatDistrictId: districtId,
  /** Further districts the office covers (a district covered by another branch moves here). */
  districtIds: districtIds.default([]),
  posts: posts.default([]),
});
export type CreateOfficeInput = z.infer<typeof createOfficeBody>;

export const updateOfficeBody = z
  .strictObject({
    name: name.optional(),
    /** The whole set of covered districts (replaces the earlier set; may leave out the seat). */
    districtIds: districtIds.optional(),
    /** The whole set of posts (replaces the earlier set; a post left out has none). */
    posts: posts.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one field to change' });
export type UpdateOfficeInput = z.infer<typeof updateOfficeBody>;

export const officeIdParam = z.strictObject({ id: z.coerce.number().int().positive() });

export const listOfficesQuery = z.strictObject({
  province: z.string().trim().min(2).max(100).optional(),
  q: z.string().trim().max(100).optional().describe('part of the branch name or code'),
  ...pageQuery,
});
export type ListOfficesQuery = z.infer<typeof listOfficesQuery>;

export const listDistrictsQuery = z.strictObject({
  province: z.string().trim().min(2).max(100).optional(),
  q: z.string().trim().max(100).optional().describe('part of the district name'),
  uncovered: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('only districts no branch covers'),
  ...pageQuery,
});
export type ListDistrictsQuery = z.infer<typeof listDistrictsQuery>;

const districtRef = z.object({ id: z.number(), code: z.string(), name: z.string(), province: z.string(), population2023: z.number().nullable() });

export const district = districtRef.extend({
  division: z.string().nullable(),
  areaSqKm: z.number().nullable(),
  branch: z.object({ id: z.number(), name: z.string() }).nullable(),
});

export const office = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  province: z.string(),
  seatDistrict: districtRef,
  districts: z.array(districtRef),
  posts: z.array(z.object({ post: z.enum(postKinds), sanctioned: z.number(), filled: z.number() })),
  totals: z.object({ sanctioned: z.number(), filled: z.number(), population: z.number(), districts: z.number(), userAccounts: z.number() }),
});
export type Office = z.infer<typeof office>;

/**
 * A change of a branch office, with the earlier value (issue 10: every correction keeps it). Read from the
 * branch's audit entries, which hold the office before and after each change. `field` is `name`, `districts`
 * (the names covered) or `posts.<post>.sanctioned|filled`.
 */
export const branchCorrection = z.object({
  id: z.number().int(),
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type BranchCorrection = z.infer<typeof branchCorrection>;
export const branchCorrectionsQuery = z.strictObject({ ...pageQuery });
export type BranchCorrectionsQuery = z.infer<typeof branchCorrectionsQuery>;
