import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldMessages } from '../../platform/http/field-messages.schema.ts';
import { en } from './en.ts';
import { ur } from './ur.ts';
import { problemText } from './index.ts';

// One source of truth for refusals: the web app's English messages are the server's catalogue, and the Urdu
// has every code with the same placeholders; a refusal is shown from its codes, never the English detail.
describe('refusal messages', () => {
  beforeAll(async () => {
    await i18n.init({ resources: { en: { translation: en }, ur: { translation: ur } }, lng: 'ur', fallbackLng: 'en', interpolation: { escapeValue: false } });
  });

  it('English is the server catalogue itself; Urdu has every code, no other, with the same placeholders', () => {
    expect(en.messages).toEqual(fieldMessages);
    expect(Object.keys(ur.messages).sort()).toEqual(Object.keys(fieldMessages).sort());
    for (const [code, text] of Object.entries(fieldMessages)) {
      const urdu = (ur.messages as Record<string, string>)[code]!;
      expect(urdu, code).not.toBe(text);
      expect(urdu.match(/\{\{\w+\}\}/g)?.sort() ?? [], code).toEqual(text.match(/\{\{\w+\}\}/g)?.sort() ?? []);
    }
  });

  it('shows a refusal in Urdu from its field code, its detail\'s code, or the problem code', async () => {
    await i18n.changeLanguage('ur');
    const base = { code: 'validation_failed', message: 'executedAt: cannot be in the future', fieldErrors: {}, fieldCodes: {} };
    expect(problemText({ ...base, fieldErrors: { executedAt: 'cannot be in the future' }, fieldCodes: { executedAt: { code: 'future' } } })).toBe(ur.messages.future);
    expect(problemText({ ...base, fieldErrors: { at: 'cannot be before 1990' }, fieldCodes: { at: { code: 'beforeEarliest', params: { year: '1990' } } } }))
      .toBe(ur.messages.beforeEarliest.replace('{{year}}', '1990'));
    // A detail that is a catalogued message, without a field.
    expect(problemText({ ...base, code: 'conflict', message: 'nothing to change' })).toBe(ur.messages.nothingToChange);
    // A developer's English detail is never shown: the problem code's words are.
    const shown = problemText({ ...base, code: 'conflict', message: 'operation 5f0e is locked by a concurrent writer' });
    expect(shown).toBe(ur.errors.problem.conflict);
    expect(problemText({ ...base, code: 'no_such_code', message: 'weird' })).toBe(ur.errors.problem.other);
    await i18n.changeLanguage('en');
    expect(problemText({ ...base, code: 'forbidden', message: 'not permitted for your role' })).toBe(en.errors.problem.forbidden);
  });
});
