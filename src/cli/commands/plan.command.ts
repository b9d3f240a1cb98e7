// `amaan plan`: capacity planning (issue 12 §6). Reads intake, throughput, staff and backlog from the records,
// projects the scenarios with the queueing model of docs/planning.md and prints them side by side with every
// assumption. `--out FILE.csv|FILE.xlsx` writes the published version (small counts suppressed), recorded and
// audited as an export.
import { open, rm } from 'node:fs/promises';
import type { Command } from 'commander';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import { AppError } from '../../platform/http/errors.ts';
import { activeOnly, checkOptions, computePlan, planTableNames, planTables, producePlanFile, textTable, type PlanOptions } from '../../modules/planning/planning.service.ts';

interface Opts {
  from?: string; to?: string; allOffences?: boolean;
  throughput?: string; workingCaseload?: string; targetUtilisation?: string; targetWait?: string; clearWithin?: string; minInvestigators?: string;
  cost?: string; staffFactor?: string; growth?: string; horizon?: string; latentShare?: string;
  out?: string; table: string; force?: boolean; json?: boolean;
}

const optionOf: Record<string, string> = {
  from: '--from', to: '--to', throughput: '--throughput', workingCaseload: '--working-caseload', targetUtilisation: '--target-utilisation',
  targetWaitDays: '--target-wait', backlogClearMonths: '--clear-within', minInvestigatorsPerOffice: '--min-investigators',
  investigatorCostPerYear: '--cost', staffFactor: '--staff-factor', growth: '--growth', horizonYears: '--horizon', latentShare: '--latent-share', table: '--table',
};

function number(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new CliError(`${name}: a number`);
  return n;
}

function toOptions(o: Opts): PlanOptions {
  const p: PlanOptions = {
    from: o.from ?? null, to: o.to ?? null, ...(o.allOffences ? { offences: 'all' as const } : {}),
    throughput: number('--throughput', o.throughput) ?? null, workingCaseload: number('--working-caseload', o.workingCaseload) ?? null,
    investigatorCostPerYear: number('--cost', o.cost) ?? null, growth: number('--growth', o.growth) ?? null,
  };
  const set = <K extends keyof PlanOptions>(k: K, v: PlanOptions[K] | undefined) => { if (v !== undefined) p[k] = v; };
  set('targetUtilisation', number('--target-utilisation', o.targetUtilisation));
  set('targetWaitDays', number('--target-wait', o.targetWait));
  set('backlogClearMonths', number('--clear-within', o.clearWithin));
  set('minInvestigatorsPerOffice', number('--min-investigators', o.minInvestigators));
  set('staffFactor', number('--staff-factor', o.staffFactor));
  set('horizonYears', number('--horizon', o.horizon));
  set('latentShare', number('--latent-share', o.latentShare));
  try {
    checkOptions(p);
  } catch (err) {
    if (err instanceof AppError) {
      const field = err.errors[0]?.field ?? '';
      throw new CliError(`${optionOf[field] ?? field}: ${err.errors[0]?.message ?? err.message}`);
    }
    throw err;
  }
  return p;
}

export function register(program: Command): void {
  program
    .command('plan')
    .description('capacity planning: intake, throughput, staff and backlog from the records; scenarios (staff x k, a branch in every district, referral growth, the civil-society count as demand) side by side, with every assumption')
    .option('--from <day>', 'first day of the observation window (YYYY-MM-DD, agency time zone; default: a year before --to)')
    .option('--to <day>', 'last day of the window, inclusive (default: today)')
    .option('--all-offences', 'count every case, not only child-exploitation cases')
    .option('--throughput <n>', 'investigations an investigator closes a month (default: observed)')
    .option('--working-caseload <n>', 'cases an investigator works at once (default: observed, by Little\'s law)')
    .option('--target-utilisation <x>', 'staff so intake is at most this share of capacity (default 0.85)')
    .option('--target-wait <days>', 'mean wait before investigation starts (default 7)')
    .option('--clear-within <months>', 'clear the backlog above the working caseload within (default 12)')
    .option('--min-investigators <n>', 'fewest investigators in an office (default 2)')
    .option('--cost <pkr>', 'cost of one investigator a year, PKR (default: costs in investigator-years)')
    .option('--staff-factor <k>', 'the staff x k scenario (default 3)')
    .option('--growth <rate>', 'annual intake growth, e.g. 0.25 (default: from NCMEC referrals for Pakistan)')
    .option('--horizon <years>', 'years of growth (default 3)')
    .option('--latent-share <x>', 'share of the civil-society count that is the agency\'s demand, 0..1 (default 1)')
    .option('--table <name>', `with --out FILE.csv: the table to write (${planTableNames.join(', ')})`, 'scenarios')
    .option('--out <file>', 'write the published version (small counts suppressed; audited) as .csv or .xlsx')
    .option('--force', 'overwrite --out if it exists')
    .option('--json', 'print the plan as JSON (exact counts)')
    .action(async (o: Opts) => {
      const p = toOptions(o);
      if (o.out) {
        const format = o.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : o.out.toLowerCase().endsWith('.csv') ? 'csv' : null;
        if (!format) throw new CliError('--out: a file ending .csv or .xlsx');
        if (!(planTableNames as readonly string[]).includes(o.table)) throw new CliError(`--table: one of ${planTableNames.join(', ')}`);
        let handle;
        try {
          handle = await open(o.out, o.force ? 'w' : 'wx', 0o600);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new CliError(`${o.out} exists; use --force to overwrite it`);
          throw new CliError(`cannot write ${o.out}: ${(err as Error).message}`);
        }
        try {
          const r = await withPlatform((ctx) => producePlanFile(ctx, format, o.table, p));
          await handle.writeFile(r.bytes);
          await handle.close();
          for (const t of planTables(r.plan, true)) if (t.name === 'scenarios' || t.name === 'assumptions') process.stdout.write(`${textTable(t)}\n\n`);
          process.stdout.write(`wrote ${o.out} (${format === 'csv' ? `table ${o.table}` : 'every table'}; published, small counts suppressed), sha256 ${r.sha256}; recorded as report ${r.reportId}; audited\n`);
        } catch (err) {
          await handle.close().catch(() => undefined);
          await rm(o.out, { force: true });
          throw err;
        }
        return;
      }
      const plan = await withPlatform((ctx) => computePlan(ctx.db, ctx.config.timeZone, p));
      if (o.json) {
        process.stdout.write(`${JSON.stringify(plan, (_k, v: unknown) => (v === Infinity ? 'Infinity' : v), 2)}\n`);
        return;
      }
      process.stdout.write('Internal view: exact counts (files written with --out suppress small counts).\n\n');
      for (const t of planTables(plan, false)) if (t.name !== 'offices_by_scenario') process.stdout.write(`${textTable(activeOnly(t, plan))}\n\n`);
      process.stdout.write('Each office under each scenario: --out FILE.xlsx, or --out FILE.csv --table offices_by_scenario.\n');
    });
}
