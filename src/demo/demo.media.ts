// The demo's seized-media folder and its hash set, so media triage can be tried from the quick start.
// Everything here is generated and benign: coloured gradients and geometric shapes drawn from a seeded
// PRNG (no text, no people, never real material), and a 3-second ffmpeg test pattern (testsrc2) committed
// beside this file (src/demo/media/, 28 kB). The pictures are drawn in JavaScript and written by sharp, so
// the same seed gives the same folder; the hash set is computed from the files as written, so it always
// matches them.
import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { sql } from 'kysely';
import { createRng } from './prng.ts';
import { inTransaction, type AppContext, type ServiceContext } from '../platform/context.ts';
import { systemActor } from '../platform/access/actor.ts';
import { hashImageFile } from '../pdq/decode.ts';
import { importHashSet } from '../modules/hashsets/hashset.service.ts';
import type { HashEntry } from '../modules/hashsets/formats/entry.ts';
import { insertEvidenceItem } from '../modules/evidence/evidence.service.ts';
import { officerReason } from '../modules/cases/case-events.ts';
import { runIngest } from '../modules/media/ingest/ingest.service.ts';

/** Bumped whenever the generated folder changes: an older folder is regenerated. */
const DEMO_MEDIA_VERSION = 1;
const MANIFEST = 'MANIFEST.json';
export const DEMO_HASH_SET_NAME = 'Demo hash set (synthetic pictures)';
/** The sub-folder the web app offers to ingest: the phone seized in the Muzaffargarh raid. */
export const DEMO_SEIZED_FOLDER = 'seized-phone';
/** Ingested into another demo case at load, so an ingest of the seized phone finds cross-case matches. */
export const DEMO_EARLIER_FOLDER = 'earlier-seizure';
export const DEMO_SEIZED_LABEL = 'Phone seized in the raid (demo media)';
export const DEMO_EARLIER_LABEL = 'Phone seized earlier (demo media)';

/** Where the demo media folder lives: inside the data folder (it goes with the database). */
export const demoMediaRoot = (dataDir: string) => join(dataDir, 'demo-media');

const W = 320;
const H = 240;

/** A benign picture: a two-colour gradient with a few circles, rectangles and stripes, all from one seed. */
export function drawPicture(seed: number, width = W, height = H): Buffer {
  const rng = createRng(0x5eed0000 + seed);
  const px = Buffer.alloc(width * height * 3);
  const c1 = [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
  const c2 = [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
  const angle = rng.next() * Math.PI;
  const [ca, sa] = [Math.cos(angle), Math.sin(angle)];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = Math.min(1, Math.max(0, ((x - width / 2) * ca + (y - height / 2) * sa) / Math.hypot(width, height) + 0.5));
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) px[i + c] = Math.round(c1[c]! * (1 - t) + c2[c]! * t);
    }
  }
  const fill = (inside: (x: number, y: number) => boolean, colour: number[]) => {
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (inside(x, y)) px.set(colour, (y * width + x) * 3);
  };
  const shapes = rng.int(6, 9);
  for (let s = 0; s < shapes; s++) {
    const colour = [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
    const cx = rng.int(0, width);
    const cy = rng.int(0, height);
    const r = rng.int(15, 70);
    switch (rng.int(0, 2)) {
      case 0: fill((x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r, colour); break;
      case 1: { const w = rng.int(20, 120); const h = rng.int(20, 100); fill((x, y) => x >= cx && x < cx + w && y >= cy && y < cy + h, colour); break; }
      default: { const period = rng.int(8, 24); fill((x, y) => Math.abs(x - cx) < r * 1.5 && Math.abs(y - cy) < r && Math.floor((x + y) / period) % 2 === 0, colour); break; }
    }
  }
  return px;
}

const png = (seed: number) => sharp(drawPicture(seed), { raw: { width: W, height: H, channels: 3 } }).png({ compressionLevel: 9 }).toBuffer();
/** A near-duplicate: resized, slightly brightened and re-encoded as JPEG, as a copy passed around would be. */
const variant = (seed: number, scale: number, quality: number) =>
  sharp(drawPicture(seed), { raw: { width: W, height: H, channels: 3 } }).resize(Math.round(W * scale), Math.round(H * scale)).modulate({ brightness: 1.05 }).jpeg({ quality }).toBuffer();

interface DemoFile {
  rel: string;
  data: () => Promise<Buffer>;
}

/** Pictures 1-5 are the hash set's: 1-3 copied as they are (exact matches), 4-5 resized and re-encoded (PDQ matches). */
const REFERENCE_SEEDS = [1, 2, 3, 4, 5];
const video = (name: string) => () => readFile(new URL(`./media/${name}`, import.meta.url));

function layout(): DemoFile[] {
  const s = DEMO_SEIZED_FOLDER;
  const e = DEMO_EARLIER_FOLDER;
  return [
    { rel: `${s}/DCIM/Camera/IMG_0001.png`, data: () => png(1) },
    { rel: `${s}/DCIM/Camera/IMG_0002.png`, data: () => png(2) },
    { rel: `${s}/DCIM/Camera/IMG_0003.png`, data: () => png(3) },
    { rel: `${s}/WhatsApp/Media/IMG-0004-WA.jpg`, data: () => variant(4, 0.75, 72) },
    { rel: `${s}/WhatsApp/Media/IMG-0005-WA.jpg`, data: () => variant(5, 0.5, 60) },
    // 6 is also on the earlier phone as it is (same SHA-256), 7 there as the original of this copy (PDQ).
    { rel: `${s}/Pictures/shared-0006.png`, data: () => png(6) },
    { rel: `${s}/Pictures/shared-0007.jpg`, data: () => variant(7, 0.6, 70) },
    ...[8, 9, 10, 11, 12].map((n) => ({ rel: `${s}/Pictures/IMG_00${String(n).padStart(2, '0')}.png`, data: () => png(n) })),
    { rel: `${s}/Movies/street-camera.mp4`, data: video('street-camera.mp4') },
    { rel: `${s}/Documents/notes.txt`, data: async () => Buffer.from('Synthetic demo file. Nothing in this folder is real material.\n') },
    { rel: `${e}/DCIM/shared-0006.png`, data: () => png(6) },
    { rel: `${e}/DCIM/IMG_0007.png`, data: () => png(7) },
    { rel: `${e}/DCIM/IMG_0013.png`, data: () => png(13) },
    { rel: `${e}/Movies/street-camera-small.mp4`, data: video('street-camera-small.mp4') },
  ];
}

/**
 * Writes the demo media folder under root unless a complete one of this version is there: built in a
 * temporary folder beside it and renamed into place, files read-only. Returns the folder's real path.
 */
export async function ensureDemoMediaFolder(root: string): Promise<string> {
  const manifest = join(root, MANIFEST);
  if (existsSync(manifest)) {
    try {
      if ((JSON.parse(await readFile(manifest, 'utf8')) as { version?: number }).version === DEMO_MEDIA_VERSION) return await realpath(root);
    } catch {
      /* unreadable manifest: rebuilt below */
    }
  }
  const tmp = `${root}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  const files: Record<string, string> = {};
  for (const f of layout()) {
    const path = join(tmp, f.rel);
    await mkdir(join(path, '..'), { recursive: true });
    const data = await f.data();
    await writeFile(path, data, { mode: 0o444 });
    files[f.rel] = createHash('sha256').update(data).digest('hex');
  }
  await writeFile(join(tmp, MANIFEST), `${JSON.stringify({ version: DEMO_MEDIA_VERSION, synthetic: true, what: 'Generated demo media for Amaan: gradients, shapes and an ffmpeg test pattern. Never real material.', files }, null, 2)}\n`);
  await chmod(join(tmp, MANIFEST), 0o444);
  await rm(root, { recursive: true, force: true });
  await mkdir(join(root, '..'), { recursive: true });
  await rename(tmp, root);
  return realpath(root);
}

/** The demo hash set's entries: digests and PDQ of pictures 1-5 as written in the seized phone's folder (1-3) or as drawn (4-5). */
async function hashSetEntries(): Promise<HashEntry[]> {
  const out: HashEntry[] = [];
  for (const seed of REFERENCE_SEEDS) {
    const data = await png(seed);
    const pdq = await hashImageFile(data);
    out.push({
      md5: createHash('md5').update(data).digest('hex'), sha1: createHash('sha1').update(data).digest('hex'), sha256: createHash('sha256').update(data).digest('hex'),
      pdq: pdq.hash, pdqQuality: pdq.quality, category: seed <= 3 ? 'demo-A' : 'demo-B', series: 'Synthetic shapes', mediaId: `demo-${seed}`, attributes: { synthetic: true },
    });
  }
  return out;
}

export interface DemoMediaResult {
  /** Real path of the demo media folder (the one folder the demo lets the server ingest from). */
  root: string;
  /** The folder the web app offers: the phone seized in the Muzaffargarh raid. */
  seizedFolder: string;
  /** True when this call wrote the hash set, evidence items and the earlier ingest. */
  loaded: boolean;
}

/**
 * Writes the demo media folder, and once per database: the demo hash set, an evidence item for the seized
 * phone in the Muzaffargarh case (not ingested: that is for the user to try), and an earlier phone in
 * another case of the same investigator, ingested now so the user's ingest finds cross-case matches.
 * Does nothing to the database when it holds no demo dataset or already has the demo hash set.
 */
export async function loadDemoMedia(ctx: AppContext, rootDir: string, say: (m: string) => void = () => {}): Promise<DemoMediaResult> {
  const root = await ensureDemoMediaFolder(rootDir);
  const result: DemoMediaResult = { root, seizedFolder: join(root, DEMO_SEIZED_FOLDER), loaded: false };
  const sctx: ServiceContext = { ...ctx, actor: systemActor('demo-loader') };
  if (await ctx.db.selectFrom('hash_sets').select('id').where('name', '=', DEMO_HASH_SET_NAME).executeTakeFirst()) return result;
  const load = await ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'demo.load').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const mzgCaseId = (load?.details as { muzaffargarhCaseId?: string } | undefined)?.muzaffargarhCaseId;
  if (!mzgCaseId) return result;
  const mzg = await ctx.db.selectFrom('cases').select(['id', 'branch_id']).where('id', '=', mzgCaseId).executeTakeFirst();
  if (!mzg) return result;
  // The investigator of the raid's case holds the phone; the earlier case is another of theirs, so the link is visible to them.
  const investigator = await ctx.db.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.branch_id'])
    .where('case_team.case_id', '=', mzg.id).where('users.role', '=', 'investigator').orderBy(sql`case_team.team_role = 'lead'`, 'desc').orderBy('users.username').executeTakeFirst();
  if (!investigator) return result;
  const earlier = await ctx.db.selectFrom('cases').innerJoin('case_team', 'case_team.case_id', 'cases.id').select('cases.id')
    .where('case_team.user_id', '=', investigator.id).where('cases.id', '<>', mzg.id).orderBy('cases.fir_registered_at').orderBy('cases.id').executeTakeFirst();

  try {
    await importHashSet(sctx, { name: DEMO_HASH_SET_NAME, source: 'Amaan demo (generated pictures)', version: String(DEMO_MEDIA_VERSION), description: 'Synthetic: digests and PDQ of generated shapes, for trying media triage. Not known material.', categoryScheme: 'custom' }, (async function* () { yield* await hashSetEntries(); })());
  } catch (err) {
    if ((err as { code?: string }).code === 'conflict') return result; // another process loaded it meanwhile
    throw err;
  }
  const custodian = { id: investigator.id, username: investigator.username, displayName: investigator.display_name, role: investigator.role, branchId: investigator.branch_id, ip: null };
  const evidence = await inTransaction(sctx, async (tx, audit) => {
    const add = async (caseId: string, label: string, description: string) => {
      const existing = await tx.selectFrom('evidence_items').select('id').where('case_id', '=', caseId).where(sql<string>`lower(label)`, '=', label.toLowerCase()).executeTakeFirst();
      if (existing) return existing.id;
      const id = await insertEvidenceItem(tx, custodian, { caseId, label, kind: 'media_folder', description, operationId: null, seizedAt: new Date(), custodianId: custodian.id, reason: officerReason('synthetic demo media') });
      await audit({ action: 'evidence.create', entityType: 'evidence_item', entityId: id, details: { caseId, label, synthetic: true } });
      return id;
    };
    return {
      seized: await add(mzg.id, DEMO_SEIZED_LABEL, `Synthetic demo media: ingest the folder ${join(root, DEMO_SEIZED_FOLDER)} from the Media triage page`),
      earlier: earlier ? await add(earlier.id, DEMO_EARLIER_LABEL, 'Synthetic demo media, ingested when the demo was loaded') : null,
    };
  });
  if (earlier && evidence.earlier) {
    const r = await runIngest(sctx, { caseId: earlier.id, evidenceId: evidence.earlier, root: join(root, DEMO_EARLIER_FOLDER), concurrency: 2 });
    say(`demo media: ${r.filesDone} files of an earlier seizure ingested into another case`);
  }
  say(`demo media folder ${root}; hash set "${DEMO_HASH_SET_NAME}" loaded`);
  return { ...result, loaded: true };
}
