import ExcelJS from 'exceljs';
import type { ServiceContext } from '../../platform/context.ts';
import { computeFigure, currentCatalogue, publishRows, type Catalogue, type PublishedFigureRecord } from '../stats/figures/figures.service.ts';
import { figureById, type FigureParams, type Grouping } from '../stats/figures/registry.ts';

// Tables `amaan report export --table NAME` writes as CSV or XLSX. Published tables leave the agency: they
// are the registry's figures in their published view (small counts suppressed, complements hidden).
// Internal tables are reference data with no count of people (districts, branch offices and posts).

export interface ExportOptions {
  from?: string | null;
  to?: string | null;
  province?: string | null;
}

export interface TableOut {
  columns: string[];
  rows: Array<Array<string | number | null>>;
  notes: string[];
  records: PublishedFigureRecord[];
  catalogue: Catalogue | null;
}

export interface ExportTable {
  name: string;
  description: string;
  published: boolean;
  build(ctx: ServiceContext, o: ExportOptions): Promise<TableOut>;
}

const LEGEND = 'Counts of 1 to 4 are shown as "<5"; "x" marks a count hidden so that a small count cannot be worked out from the totals; "—": not shown for fewer than 5 records.';

function figureTable(name: string, figureId: string, groupBy: Grouping, description: string): ExportTable {
  return {
    name, description, published: true,
    async build(ctx, o) {
      const def = figureById(figureId)!;
      const catalogue = await currentCatalogue(ctx.db);
      const p: FigureParams = { from: o.from ?? null, to: o.to ?? null, timeZone: ctx.config.timeZone, province: o.province ?? null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy, catalogue };
      const rows = publishRows(def, await computeFigure(ctx.db, def, p), groupBy);
      // Open parts (cases by status): a column per status and the group's total as part "all".
      const hasParts = Boolean(def.parts) || rows.some((r) => r.part !== null);
      return {
        columns: [groupBy === 'none' ? 'area' : groupBy, ...(hasParts ? ['part'] : []), ...def.measures],
        rows: rows.map((r) => [r.group ?? (o.province ?? 'Pakistan'), ...(hasParts ? [r.part ?? 'all'] : []), ...def.measures.map((m) => r.display?.[m] ?? '')]),
        notes: [
          `${def.title} (figure ${def.id}, version ${def.version}): ${def.description}`,
          `Period: ${o.from ?? 'the beginning'} to ${o.to ?? 'today'}, days in ${ctx.config.timeZone}; area: ${o.province ?? 'Pakistan'}; child-exploitation offences (catalogue version ${catalogue.version}).`,
          LEGEND,
        ],
        records: [{ def, grouping: groupBy, area: { province: o.province ?? null }, rows }],
        catalogue,
      };
    },
  };
}

export const exportTables: readonly ExportTable[] = [
  figureTable('firs_by_province', 'firs', 'province', 'FIRs registered for child exploitation, by province (published)'),
  figureTable('firs_by_district', 'firs', 'district', 'FIRs registered for child exploitation, by district of the offence (published)'),
  figureTable('firs_by_month', 'firs', 'month', 'FIRs registered for child exploitation, by month (published)'),
  figureTable('arrests_by_province', 'arrests', 'province', 'Arrests in child-exploitation cases, by province (published)'),
  figureTable('convictions_by_province', 'convictions', 'province', 'Persons convicted in child-exploitation cases, by province (published)'),
  figureTable('cases_by_status', 'cases_by_status', 'province', 'Child-exploitation cases by status at the end of the period, by province (published)'),
  figureTable('sentences', 'sentences', 'none', 'Sentences of imprisonment by band of years (published; shortest and longest only for 5 or more)'),
  figureTable('children_by_province', 'children_rescued', 'province', 'Children rescued, by province (published)'),
  figureTable('children_in_care', 'children_in_care', 'province', 'Children in care at the end of the period by placement, by province (published)'),
  figureTable('backlog_by_province', 'backlog', 'province', 'Open cases at the end of the period by age since the FIR, by province (published)'),
  figureTable('time_to_challan', 'fir_to_challan', 'province', 'Days from FIR to challan (median, 90th percentile, within 14 days), by province (published)'),
  {
    name: 'districts', description: 'Districts: province, division, 2023 population, area, the branch covering each (internal reference data)', published: false,
    async build(ctx) {
      const rows = await ctx.db.selectFrom('districts').leftJoin('branch_districts', 'branch_districts.district_id', 'districts.id').leftJoin('branches', 'branches.id', 'branch_districts.branch_id')
        .select(['districts.code', 'districts.name', 'districts.province', 'districts.division', 'districts.population_2023', 'districts.area_sq_km', 'branches.name as branch'])
        .orderBy('districts.province').orderBy('districts.name').execute();
      return {
        columns: ['code', 'district', 'province', 'division', 'population_2023', 'area_sq_km', 'branch'],
        rows: rows.map((r) => [r.code, r.name, r.province, r.division, r.population_2023 === null ? null : Number(r.population_2023), r.area_sq_km === null ? null : Number(r.area_sq_km), r.branch]),
        notes: ['Population: PBS Census 2023 (seed/pakistan-districts.csv).'], records: [], catalogue: null,
      };
    },
  },
  {
    name: 'branch_offices', description: 'Branch offices: seat, districts covered, population covered, staff posts sanctioned and filled (internal)', published: false,
    async build(ctx) {
      const rows = await ctx.db.selectFrom('branches').innerJoin('districts as seat', 'seat.id', 'branches.seat_district_id')
        .select((eb) => [
          'branches.code', 'branches.name', 'seat.name as seat', 'seat.province',
          eb.selectFrom('branch_districts').innerJoin('districts', 'districts.id', 'branch_districts.district_id').whereRef('branch_districts.branch_id', '=', 'branches.id').select((e) => e.fn.count<number>('districts.id').as('n')).as('districts'),
          eb.selectFrom('branch_districts').innerJoin('districts', 'districts.id', 'branch_districts.district_id').whereRef('branch_districts.branch_id', '=', 'branches.id').select((e) => e.fn.sum<number>('districts.population_2023').as('p')).as('population'),
          eb.selectFrom('branch_posts').whereRef('branch_posts.branch_id', '=', 'branches.id').select((e) => e.fn.sum<number>('sanctioned').as('s')).as('sanctioned'),
          eb.selectFrom('branch_posts').whereRef('branch_posts.branch_id', '=', 'branches.id').select((e) => e.fn.sum<number>('filled').as('f')).as('filled'),
        ])
        .orderBy('seat.province').orderBy('branches.name').execute();
      const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
      return {
        columns: ['code', 'branch', 'seat', 'province', 'districts_covered', 'population_covered', 'posts_sanctioned', 'posts_filled'],
        rows: rows.map((r) => [r.code, r.name, r.seat, r.province, num(r.districts), num(r.population), num(r.sanctioned), num(r.filled)]),
        notes: ['Staff posts as recorded by administrators (branch administration).'], records: [], catalogue: null,
      };
    },
  },
];

export const exportTable = (name: string) => exportTables.find((t) => t.name === name);

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // A cell starting with = + - @ would be a formula in a spreadsheet: prefixed with a quote.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv(t: TableOut): Buffer {
  const lines = [t.columns, ...t.rows].map((r) => r.map(csvCell).join(','));
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(name: string, t: TableOut): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Amaan';
  const ws = wb.addWorksheet(name.slice(0, 31));
  ws.addRow(t.columns).font = { bold: true };
  for (const r of t.rows) ws.addRow(r.map((v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
  ws.columns.forEach((c) => { c.width = 18; });
  const notes = wb.addWorksheet('notes');
  for (const n of t.notes) notes.addRow([n]);
  notes.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
