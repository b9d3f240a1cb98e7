import i18n from 'i18next';
import { isEventCode, valueKind, type EventParams, type EventValueKind } from '../../platform/text/event-texts.schema.ts';
import { formattersFor } from './format.ts';

// Sentences the server writes into the records (timeline lines, status and safeguarding history) arrive with
// their code and values (src/platform/text/event-texts.schema.ts): shown in the officer's language from
// `words.serverTexts.<code>`, states and kinds by their label, date-times in the agency's zone. A row without a
// code (an officer's own words, or an old line migration 0031 could not read) is shown as written, its
// date-times still formatted. No English text is matched.

const instantInText = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/** Where each kind of value finds its label in the bundles. */
const labelPrefix: Record<Exclude<EventValueKind, 'instant'>, string> = {
  caseStatus: 'caseStatus',
  victimState: 'victims.states',
  placementKind: 'victims.placementKinds',
  evidenceKind: 'evidence.kinds',
  personRole: 'persons.roles',
  accusedStatus: 'accusedStatus',
  takedownStatus: 'takedowns.status',
  legalRequestKind: 'legalRequests.kind',
  legalRequestStep: 'legalRequests.followup',
  warrantKind: 'corrections.warrantKinds',
  warrantStatus: 'corrections.warrantStatuses',
  appealSide: 'corrections.sides',
  appealStatus: 'corrections.appealStatuses',
};

export interface ServerText {
  code?: string | null;
  params?: EventParams | null;
}

/** A server sentence in the officer's language by its code, else `text` as written. */
export function eventLine(text: string, coded: ServerText, lang: string = i18n.language): string {
  const f = formattersFor(lang);
  const { code, params } = coded;
  if (!isEventCode(code) || !params || !i18n.exists(`words.serverTexts.${code}`, { lng: lang })) return text.replace(instantInText, (m) => f.dateTime(m));
  const t = i18n.getFixedT(lang);
  const values = Object.fromEntries(Object.entries(params).map(([name, value]) => {
    const kind = valueKind(code, name);
    if (kind === 'instant') return [name, f.dateTime(String(value))];
    if (kind) return [name, t(`${labelPrefix[kind]}.${value}`, { defaultValue: String(value).replace(/_/g, ' ') })];
    if (typeof value === 'number') return [name, f.number(value)];
    return [name, value.replace(instantInText, (m) => f.dateTime(m))];
  }));
  return t(`words.serverTexts.${code}`, { ...values, interpolation: { escapeValue: false } });
}
