import { z } from 'zod';

// The sentences the server writes into the records (a case's timeline, a case's status history, a child's
// safeguarding history), each with a stable code and named values. Rows keep the code and values beside the
// English `body`; the web app shows them by code in the officer's language (i18n `words.serverTexts.<code>`,
// English taken from here, Urdu in the Urdu bundle with the same placeholders: src/web/i18n/event-text.test.ts).
// Pure, no server code: shared with the web app like field-messages.schema.ts.

/** How a value is shown: as given, as a date-time in the agency's zone, or by the label of a state or kind. */
export type EventValueKind =
  | 'instant' | 'caseStatus' | 'victimState' | 'placementKind' | 'evidenceKind' | 'personRole' | 'accusedStatus'
  | 'takedownStatus' | 'legalRequestKind' | 'legalRequestStep' | 'warrantKind' | 'warrantStatus' | 'appealSide' | 'appealStatus';

interface EventTextDef {
  readonly text: string;
  /** Values that are not shown as given (default): a date-time or a state or kind named by its label. */
  readonly values?: Readonly<Record<string, EventValueKind>>;
}

const def = <T extends EventTextDef>(d: T): T => d;

export const eventTexts = {
  // Case timeline (case_events).
  victimIdentified: def({ text: 'Victim {{pseudonym}} identified' }),
  victimLinked: def({ text: 'Victim {{pseudonym}} linked to this case' }),
  victimStep: def({ text: 'Victim {{pseudonym}}: {{from}} → {{to}}', values: { from: 'victimState', to: 'victimState' } }),
  operationPlanned: def({ text: 'Operation {{name}} planned for {{at}} at {{place}}', values: { at: 'instant' } }),
  operationApproved: def({ text: 'Operation {{name}} approved' }),
  operationCancelled: def({ text: 'Operation {{name}} cancelled: {{reason}}' }),
  operationExecuted: def({ text: 'Operation {{name}} executed ({{hours}} h): {{arrested}} arrested, {{rescued}} children rescued, {{items}} items seized' }),
  evidenceRecorded: def({ text: 'Evidence item {{label}} ({{kind}}) recorded', values: { kind: 'evidenceKind' } }),
  takedownRequested: def({ text: 'Takedown requested from {{provider}}: {{target}}' }),
  takedownStep: def({ text: 'Takedown at {{provider}}: {{status}} ({{target}})', values: { status: 'takedownStatus' } }),
  tipCarried: def({ text: 'Tip {{receipt}}: {{identifiers}} identifier(s), {{files}} reported file(s).{{details}}' }),
  personAdded: def({ text: '{{person}} added as {{role}}', values: { role: 'personRole' } }),
  accusedStep: def({ text: '{{person}}: {{from}} → {{to}} ({{reason}})', values: { from: 'accusedStatus', to: 'accusedStatus' } }),
  foreignWarrantRequested: def({ text: '{{person}}: foreign warrant / red notice requested ({{reason}})' }),
  foreignWarrantWithdrawn: def({ text: '{{person}}: foreign warrant / red notice request withdrawn ({{reason}})' }),
  warrantRecorded: def({ text: '{{person}}: {{kind}}, {{status}}', values: { kind: 'warrantKind', status: 'warrantStatus' } }),
  warrantRecordedReference: def({ text: '{{person}}: {{kind}}, {{status}} ({{reference}})', values: { kind: 'warrantKind', status: 'warrantStatus' } }),
  legalRequestSent: def({ text: '{{kind}} sent to {{recipient}}', values: { kind: 'legalRequestKind' } }),
  legalRequestSentDeadline: def({ text: '{{kind}} sent to {{recipient}}; deadline {{deadline}}', values: { kind: 'legalRequestKind', deadline: 'instant' } }),
  legalRequestStep: def({ text: '{{kind}} to {{recipient}}: {{step}}', values: { kind: 'legalRequestKind', step: 'legalRequestStep' } }),
  chargeFramed: def({ text: 'Charge framed against {{person}} under {{offence}} ({{offenceTitle}}) at {{court}}' }),
  hearingOutcome: def({ text: 'Hearing at {{court}}: {{outcome}}' }),
  verdictConvicted: def({ text: '{{person}} convicted by {{court}}' }),
  verdictConvictedSentenced: def({ text: '{{person}} convicted by {{court}}, sentenced to {{years}} years {{months}} months' }),
  verdictAcquitted: def({ text: '{{person}} acquitted by {{court}}' }),
  appealFiled: def({ text: 'Appeal filed by the {{side}} at {{court}}', values: { side: 'appealSide' } }),
  appealDecided: def({ text: 'Appeal at {{court}}: {{status}}', values: { status: 'appealStatus' } }),
  // Case status history (case_status_history.reason), where the server writes the reason.
  statusComplaintReceived: def({ text: 'complaint received' }),
  statusFromTip: def({ text: 'from tip {{receipt}}' }),
  statusChargeFramed: def({ text: 'charge framed against {{person}}' }),
  statusJudgmentConvicted: def({ text: 'judgment: {{person}} convicted by {{court}}' }),
  statusJudgmentAcquitted: def({ text: 'judgment: {{person}} acquitted by {{court}}' }),
  statusAppealFiled: def({ text: 'appeal filed by the {{side}} at {{court}}', values: { side: 'appealSide' } }),
  statusAppealDecided: def({ text: 'appeal at {{court}}: {{status}}', values: { status: 'appealStatus' } }),
  // An evidence item's chain of custody (custody_transfers.reason), where the server writes the reason.
  custodySeizedInOperation: def({ text: 'seized in operation {{name}}' }),
  custodyMediaImaged: def({ text: 'media imaged from {{folder}}' }),
  // A child's safeguarding history (victim_state_history.reason), where the server writes the reason.
  identified: def({ text: 'identified' }),
  placed: def({ text: 'placed ({{placement}})', values: { placement: 'placementKind' } }),
  rescuedInOperation: def({ text: 'rescued in operation {{name}}' }),
  importedWithBundle: def({ text: 'imported with case bundle {{digest}}' }),
} as const;

export type EventCode = keyof typeof eventTexts;
/** The values of a sentence, by placeholder name. Numbers are kept as numbers. */
export type EventParams = Record<string, string | number>;

/** English template per code: the web app's English bundle is this table. */
export const eventTemplates = Object.fromEntries(Object.entries(eventTexts).map(([code, d]) => [code, d.text])) as { [K in EventCode]: (typeof eventTexts)[K]['text'] };

export const isEventCode = (code: unknown): code is EventCode => typeof code === 'string' && Object.prototype.hasOwnProperty.call(eventTexts, code);

/** The placeholder names of a template, sorted. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

/** The kind of a sentence's value (undefined: shown as given). */
export function valueKind(code: EventCode, name: string): EventValueKind | undefined {
  const values = (eventTexts[code] as EventTextDef).values;
  return values?.[name];
}

/** Puts the values into a template; `show` renders each value (by default: as given, a state by its plain words). */
export function fillTemplate(template: string, params: EventParams, show: (name: string, value: string | number) => string): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => (params[name] === undefined ? '' : show(name, params[name]!)));
}

/**
 * The English sentence stored as `body` (bundles, exports, search, clients reading `body`): states and kinds
 * in plain words ("at_large" -> "at large"), date-times as given.
 */
export function eventText(code: EventCode, params: EventParams): string {
  return fillTemplate(eventTexts[code].text, params, (name, value) => (valueKind(code, name) && valueKind(code, name) !== 'instant' ? String(value).replace(/_/g, ' ') : String(value)));
}

/** A sentence's values must be exactly its placeholders: checked at every write (a programming error otherwise). */
export function checkEventParams(code: EventCode, params: EventParams): void {
  const want = placeholders(eventTexts[code].text);
  const got = Object.keys(params).sort();
  if (want.join(',') !== got.join(',')) throw new Error(`event text ${code}: values ${got.join(',')} do not match placeholders ${want.join(',')}`);
}

/** The API's fields for a server sentence beside its English words (timeline entries, history rows). */
export const eventTextFields = {
  code: z.string().nullable().describe('The sentence\'s code (src/platform/text/event-texts.schema.ts); null for an officer\'s own words or a sentence from before codes'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).nullable().describe('The values put into the sentence, by placeholder name'),
};
