import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Db } from '../../platform/db/database.ts';

const seedDir = fileURLToPath(new URL('../../../seed/', import.meta.url));
const readCsv = (name: string) => parse(readFileSync(seedDir + name), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
const numOrNull = (s: string | undefined) => (s === undefined || s.trim() === '' || Number.isNaN(Number(s)) ? null : Number(s));

// Offence categories counted as child exploitation by default; stored per offence so an administrator
// can correct the flag without a code change.
const childExploitationCategories = new Set(['sexual_exploitation', 'trafficking']);

export function branchCode(province: string, district: string): string {
  const p = province.split(/\s+/).map((w) => w[0]).join('').toUpperCase();
  return `${p}-${district.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/** Loads districts, one branch per district, and offences the first time the database starts; later edits are the administrator's. */
export async function seedReferenceData(db: Db): Promise<{ branches: number; offences: number }> {
  const have = await db.selectFrom('branches').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(have.n) > 0) return { branches: 0, offences: 0 };
  const districts = readCsv('pakistan-districts.csv');
  const offences = readCsv('offences.csv');
  await db.transaction().execute(async (tx) => {
    // Districts (geography) first; then, as before, one branch per district with the same code, sitting in
    // and covering it (migration 0023: an administrator regroups branches and districts afterwards).
    const seeded = await tx
      .insertInto('districts')
      .values(
        districts.map((d) => ({
          code: branchCode(d.province!, d.district!),
          name: d.district!,
          province: d.province!,
          division: d.division || null,
          population_2023: numOrNull(d.population_2023),
          area_sq_km: numOrNull(d.area_sq_km),
          status: d.status || null,
          parent_district: d.parent_district_2023 || null,
          source: d.source || null,
        })),
      )
      .returning(['id', 'code', 'name', 'province', 'division', 'population_2023', 'area_sq_km'])
      .execute();
    const branches = await tx
      .insertInto('branches')
      .values(
        seeded.map((d) => ({
          code: d.code,
          name: d.name,
          seat_district_id: d.id,
          district: d.name,
          province: d.province,
          division: d.division,
          population_2023: d.population_2023,
          area_sq_km: d.area_sq_km,
        })),
      )
      .returning(['id', 'seat_district_id'])
      .execute();
    await tx.insertInto('branch_districts').values(branches.map((b) => ({ branch_id: b.id, district_id: b.seat_district_id }))).execute();
    await tx
      .insertInto('offences')
      .values(
        offences.map((o) => ({
          code: o.code!,
          law: o.law!,
          section: o.section!,
          title: o.title!,
          min_years: numOrNull(o.min_years),
          max_years: numOrNull(o.max_years),
          fine_note: o.fine_note || null,
          category: o.category!,
          child_exploitation: childExploitationCategories.has(o.category!),
          source: o.source || null,
          status: o.status!,
          verification: o.verification || null,
          notes: o.notes || null,
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  });
  return { branches: districts.length, offences: offences.length };
}
