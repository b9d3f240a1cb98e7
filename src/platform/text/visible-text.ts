// Text from the audit trail (usernames, reasons, anything a caller typed) shown to people. Bidirectional
// controls can reorder what is displayed ("evil‮txt.exe"), control characters can fake new lines or
// rows in a terminal; each is replaced by a visible ⟨U+XXXX⟩ so the reader sees exactly what is there.
// Joiners (U+200C/U+200D), needed by Urdu and emoji, are kept. Pure: used by the web app and the CLI.

const NEUTRALISE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function visibleText(s: string): string {
  return s.replace(NEUTRALISE, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** A JSON value (audit details) as one line of visible text. */
export function visibleJson(value: unknown): string {
  return visibleText(JSON.stringify(value) ?? 'null');
}
