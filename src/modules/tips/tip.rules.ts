import type { TipRuleCode } from './tip.schema.ts';

// Priority of a tip: the sum of the weights of the rules that hold for it. The rules are fixed here, in plain
// words (analysts read them on the rules page, in English and Urdu); their weights and whether each is on are
// data (table tip_rules) that analysts adjust. A higher number is worked first.

export interface TipFacts {
  escalate: boolean;
  incidentType: string;
  annotations: readonly string[];
  /** Reported files whose hash is in a hash set of known material. */
  knownMaterial: number;
  /** Reported files whose hash is a file of a case's media. */
  caseMedia: number;
  /** Reported identifiers already recorded in a case. */
  inCase: number;
  /** Other tips sharing an account, phone, IP address, hash or URL. */
  related: number;
}

export interface RuleSetting {
  code: TipRuleCode;
  weight: number;
  enabled: boolean;
}

export interface PriorityReason {
  rule: TipRuleCode;
  weight: number;
  detail: string;
}

const has = (f: TipFacts, a: string) => f.annotations.includes(a);
const sextortion = (f: TipFacts) => has(f, 'sextortion') || /sextortion/i.test(f.incidentType);

/** Each rule: whether it holds, and the words saying why. */
export const ruleChecks: Record<TipRuleCode, (f: TipFacts) => string | null> = {
  child_in_danger: (f) => (f.escalate || has(f, 'child_in_danger') ? (f.escalate ? 'the reporter marked it urgent (child in imminent danger)' : 'a child in imminent danger') : null),
  live_streaming: (f) => (has(f, 'live_streaming') ? 'live streaming' : null),
  known_material: (f) => (f.knownMaterial ? `${f.knownMaterial} file(s) match a hash set of known material` : null),
  sextortion_self_produced: (f) => (sextortion(f) && (has(f, 'self_produced') || has(f, 'minor_to_minor')) ? 'sextortion with a self-produced image of a minor' : null),
  known_in_case: (f) => (f.inCase ? `${f.inCase} reported identifier(s) already in a case` : null),
  case_media_match: (f) => (f.caseMedia ? `${f.caseMedia} file(s) match media seized in a case` : null),
  related_reports: (f) => (f.related ? `${f.related} related report(s)` : null),
};

export function scoreTip(facts: TipFacts, rules: readonly RuleSetting[]): { priority: number; reasons: PriorityReason[] } {
  const reasons: PriorityReason[] = [];
  for (const r of rules) {
    if (!r.enabled) continue;
    const detail = ruleChecks[r.code]?.(facts);
    if (detail) reasons.push({ rule: r.code, weight: r.weight, detail });
  }
  reasons.sort((a, b) => b.weight - a.weight || a.rule.localeCompare(b.rule));
  return { priority: reasons.reduce((s, r) => s + r.weight, 0), reasons };
}
