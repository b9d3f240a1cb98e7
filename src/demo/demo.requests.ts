import { inTransaction, type AppContext } from '../platform/context.ts';
import { systemActor } from '../platform/access/actor.ts';
import type { Tx } from '../platform/db/database.ts';
import type { LegalFollowupKind, LegalRequestKind, LegalRequestStatus, TakedownStatus, TakedownTargetKind } from '../platform/db/schema.ts';
import { defaultLegalBasis } from '../modules/requests/legal-request.schema.ts';
import type { DemoDataset } from './demo.dataset.ts';
import { STREAM_APP, ringKey } from './demo.ring.ts';

// Takedowns of the Muzaffargarh footage and the legal requests of the case (issue 11): synthetic providers
// (`*.example`), a preservation request and an Interpol red notice for the German ringleader. Dates follow the
// case (raid on 23 May 2025); one preservation request is dated from the day the demo is loaded, so its deadline
// is always near and the case team is warned of it by the server's schedule.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const pkt = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+05:00`);
/** A valid Tor v3 address of a synthetic service (checksum included); no such service is meant. */
const MIRROR_ONION = 'pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion';

interface DemoTakedown {
  kind: TakedownTargetKind;
  target: string;
  entityId?: string | null;
  provider: string;
  reference: string;
  requestedAt: Date;
  renoticeHours?: number;
  steps: Array<[TakedownStatus, Date, string?]>;
  notes: string;
}

interface DemoRequest {
  kind: LegalRequestKind;
  colour?: 'red';
  recipient: string;
  subject: string;
  personId?: string;
  entityId?: string | null;
  reference: string;
  sentAt: Date;
  deadlineAt: Date | null;
  leadHours: number;
  legalBasis?: string;
  status: LegalRequestStatus;
  followups: Array<[LegalFollowupKind, Date, string]>;
  answer?: string;
}

async function entityId(tx: Tx, kind: 'account', value: string, platform: string): Promise<string | null> {
  const { key } = ringKey(kind, value, platform);
  return (await tx.selectFrom('entities').select('id').where('kind', '=', kind).where('key', '=', key).executeTakeFirst())?.id ?? null;
}

export async function loadDemoRequests(ctx: AppContext, dataset: DemoDataset, now: Date = new Date()): Promise<{ takedowns: number; requests: number }> {
  return inTransaction({ ...ctx, actor: systemActor('demo-loader') }, async (tx, audit) => {
    const caseId = dataset.muzaffargarhCaseId;
    const inv = (await tx.selectFrom('users').select('id').where('username', '=', 'demo.investigator').executeTakeFirstOrThrow()).id;
    const host = await entityId(tx, 'account', 'rangla_live', STREAM_APP);
    const ringleader = dataset.ring.ringleaderPersonId;

    const takedowns: DemoTakedown[] = [
      {
        kind: 'account', target: `${STREAM_APP}:rangla_live`, entityId: host, provider: 'StreamApp Example Inc.', reference: 'SA-LE-2025-0417', requestedAt: pkt('2025-05-23', '16:00'),
        steps: [['acknowledged', pkt('2025-05-23', '21:30'), 'SA-LE-2025-0417'], ['removed', pkt('2025-05-24', '11:00')]],
        notes: 'The host account of the live streams; closed and its data preserved (see the preservation request).',
      },
      {
        kind: 'url', target: 'https://clips-host.example/v/8f3k2q', provider: 'ClipsHost Example', reference: 'CH-88412', requestedAt: pkt('2025-05-24', '10:00'),
        steps: [['removed', pkt('2025-05-25', '14:00')]],
        notes: 'A recording of a stream re-uploaded by a viewer. Reported by hash and address; no copy is held here.',
      },
      {
        kind: 'url', target: 'https://files-locker.example/f/9c1e77', provider: 'FileLocker Example', reference: 'FL-2025-3310', requestedAt: pkt('2025-05-24', '10:30'),
        steps: [['removed', pkt('2025-05-27', '09:00')], ['reappeared', pkt('2025-05-31', '12:00'), 'mirror under a new file name'], ['acknowledged', pkt('2025-06-01', '10:00'), 'FL-2025-3388']],
        notes: 'Removed, then found again under a new name: notices resumed.',
      },
      {
        kind: 'onion', target: MIRROR_ONION, provider: 'Offshore hosting (unknown operator)', reference: '', requestedAt: pkt('2025-05-25', '12:00'), renoticeHours: 24,
        steps: [],
        notes: 'The forum mirror. No answer so far; notices go to the abuse address of the upstream network every 24 hours.',
      },
    ];

    let tdCount = 0;
    for (const d of takedowns) {
      const every = d.renoticeHours ?? 24;
      let status: TakedownStatus = 'requested';
      let requestedAt = d.requestedAt;
      let removedAt: Date | null = null;
      const history: Array<{ from_status: TakedownStatus | null; to_status: TakedownStatus; at: Date; reference: string; note: string }> = [{ from_status: null, to_status: 'requested', at: d.requestedAt, reference: d.reference, note: '' }];
      const notices: Date[] = [];
      // Notices every interval while open, up to the next step (or the demo's as-of day).
      const noticeUntil = (from: Date, until: Date) => {
        for (let t = from.getTime(); t < until.getTime(); t += every * HOUR) notices.push(new Date(t));
      };
      let openSince: Date | null = d.requestedAt;
      for (const [to, at, ref] of d.steps) {
        if (openSince) noticeUntil(openSince, at);
        history.push({ from_status: status, to_status: to, at, reference: ref && to !== 'reappeared' ? ref : '', note: to === 'reappeared' ? ref ?? '' : '' });
        if (to === 'removed') { removedAt = at; openSince = null; }
        if (to === 'refused') openSince = null;
        if (to === 'reappeared') { requestedAt = at; removedAt = null; openSince = at; }
        status = to;
      }
      const asOf = pkt('2025-06-03', '12:00');
      if (openSince) noticeUntil(openSince, asOf);
      const last = notices[notices.length - 1] ?? d.requestedAt;
      const open = status === 'requested' || status === 'acknowledged' || status === 'reappeared';
      const row = await tx.insertInto('takedowns').values({
        case_id: caseId, target_kind: d.kind, target: d.target, entity_id: d.entityId ?? null, provider: d.provider, reference: d.reference, status, renotice_hours: every,
        first_requested_at: d.requestedAt, requested_at: requestedAt, last_notice_at: last, next_notice_at: open ? new Date(last.getTime() + every * HOUR) : null,
        notices_sent: notices.length, removed_at: removedAt, notes: d.notes, created_by: inv, created_at: d.requestedAt, updated_at: history[history.length - 1]!.at,
      }).returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('takedown_status_history').values(history.map((h) => ({ takedown_id: row.id, ...h, actor_id: inv }))).execute();
      await tx.insertInto('takedown_notices').values(notices.map((at, i) => ({ takedown_id: row.id, number: i + 1, sent_at: at, actor_id: i === 0 || history.some((h) => h.at.getTime() === at.getTime()) ? inv : null }))).execute();
      tdCount++;
    }

    // The preservation that is always near its end: sent 84 days before the load, 90-day expiry, a week's warning.
    const recentSent = new Date(Math.floor((now.getTime() - 84 * DAY) / HOUR) * HOUR);
    const requests: DemoRequest[] = [
      {
        kind: 'emergency_disclosure', recipient: 'StreamApp Example Inc. (law enforcement response)', subject: 'Location and last log-in of the host account rangla_live: children at risk in an ongoing stream',
        entityId: host, reference: 'SA-EMG-2025-0192', sentAt: pkt('2025-05-20', '22:40'), deadlineAt: pkt('2025-05-21', '04:40'), leadHours: 2, status: 'fulfilled',
        followups: [['fulfilled', pkt('2025-05-21', '02:15'), 'Log-in IP addresses of the last 30 days and the registration mobile number given.']],
        answer: 'Log-in IP addresses of the last 30 days and the registration mobile number given.',
      },
      {
        kind: 'preservation', recipient: 'StreamApp Example Inc. (law enforcement response)', subject: 'Preserve the account rangla_live: stream history, viewer lists, payments received',
        entityId: host, reference: 'SA-PRES-2025-0211', sentAt: pkt('2025-05-23', '16:00'), deadlineAt: pkt('2025-08-21', '16:00'), leadHours: 168, status: 'acknowledged',
        followups: [['acknowledged', pkt('2025-05-24', '09:00'), 'Preserved for 90 days under their policy. A production order is needed for the content.']],
      },
      {
        kind: 'interpol_notice', colour: 'red', recipient: 'INTERPOL NCB Islamabad (FIA)', subject: 'Red Notice for the ringleader, a German national believed to be in Germany, proclaimed offender under s.87 CrPC',
        personId: ringleader, reference: 'NCB-ISB/2025/RN-0318', sentAt: pkt('2025-06-02', '12:30'), deadlineAt: null, leadHours: 168, status: 'acknowledged',
        followups: [['acknowledged', pkt('2025-06-03', '10:00'), 'Received by NCB Islamabad; forwarded to the General Secretariat for review.']],
      },
      {
        kind: 'mutual_legal_assistance', recipient: 'Federal Office of Justice, Bonn (central authority of Germany)', subject: 'Search of the ringleader\'s residence, his devices and his e-mail account; evidence of payments to the ring',
        personId: ringleader, reference: 'MOI-MLA-2025-044', sentAt: pkt('2025-06-02', '15:00'), deadlineAt: null, leadHours: 720, status: 'sent', followups: [],
      },
      {
        kind: 'preservation', recipient: 'Mail Example GmbH (Germany)', subject: 'Preserve the e-mail account a.kroetzberger@mail.example of the ringleader pending the mutual legal assistance request',
        personId: ringleader, reference: 'ME-LE-7731', sentAt: recentSent, deadlineAt: new Date(recentSent.getTime() + 90 * DAY), leadHours: 168,
        legalBasis: 'Preserved voluntarily by the provider for 90 days pending the MLA request; renewal on request.', status: 'acknowledged',
        followups: [['acknowledged', new Date(recentSent.getTime() + 2 * DAY), 'Preservation confirmed until the expiry date.']],
      },
    ];
    for (const r of requests) {
      const last = r.followups[r.followups.length - 1];
      const row = await tx.insertInto('legal_requests').values({
        case_id: caseId, kind: r.kind, interpol_colour: r.colour ?? null, recipient: r.recipient, subject: r.subject, person_id: r.personId ?? null, entity_id: r.entityId ?? null,
        reference: r.reference, legal_basis: r.legalBasis ?? defaultLegalBasis[r.kind] ?? '', sent_at: r.sentAt, deadline_at: r.deadlineAt, alert_lead_hours: r.leadHours,
        status: r.status, answer: r.answer ?? '', answered_at: last && last[0] !== 'follow_up' ? last[1] : null, created_by: inv, created_at: r.sentAt, updated_at: last?.[1] ?? r.sentAt,
      }).returning('id').executeTakeFirstOrThrow();
      if (r.followups.length) await tx.insertInto('legal_request_followups').values(r.followups.map(([kind, at, note]) => ({ request_id: row.id, kind, at, note, actor_id: inv }))).execute();
    }
    await audit({ action: 'demo.load_requests', entityType: 'system', entityId: null, details: { synthetic: true, caseId, takedowns: tdCount, requests: requests.length } });
    return { takedowns: tdCount, requests: requests.length };
  });
}
