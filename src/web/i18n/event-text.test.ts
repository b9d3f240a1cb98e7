import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEventParams, eventTemplates, eventText, eventTexts, placeholders, type EventCode } from '../../platform/text/event-texts.schema.ts';
import { en } from './en.ts';
import { ur } from './ur.ts';
import { eventLine } from './event-text.ts';
import { setAgencyTimeZone } from './format.ts';

// Server sentences by code: the English bundle is the server's catalogue, the Urdu bundle has every code with the
// same placeholders, and a row is shown from its code and values (never by matching its English words).
describe('server sentences by code', () => {
  beforeAll(async () => {
    setAgencyTimeZone('Asia/Karachi');
    await i18n.init({ resources: { en: { translation: en }, ur: { translation: ur } }, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
  });

  it('English is the server catalogue; Urdu has every code, no other, with the same placeholders, in its own words', () => {
    expect(en.words.serverTexts).toEqual(eventTemplates);
    const urdu = ur.words.serverTexts as Record<string, string>;
    expect(Object.keys(urdu).sort()).toEqual(Object.keys(eventTemplates).sort());
    for (const [code, text] of Object.entries(eventTemplates)) {
      expect(placeholders(urdu[code]!), code).toEqual(placeholders(text));
      expect(urdu[code], code).not.toBe(text);
      expect(urdu[code], code).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('eventText writes the English body: values put in, states and kinds in plain words, date-times as given', () => {
    expect(eventText('operationExecuted', { name: 'Khel Ghar', hours: 5, arrested: 2, rescued: 10, items: 6 }))
      .toBe('Operation Khel Ghar executed (5 h): 2 arrested, 10 children rescued, 6 items seized');
    expect(eventText('accusedStep', { person: 'Bilal Test', from: 'at_large', to: 'physical_remand', reason: 'court order' }))
      .toBe('Bilal Test: at large → physical remand (court order)');
    expect(eventText('operationPlanned', { name: 'Op', at: '2025-05-23T04:00:00.000Z', place: 'Multan' })).toBe('Operation Op planned for 2025-05-23T04:00:00.000Z at Multan');
    expect(eventText('placed', { placement: 'child_protection_bureau' })).toBe('placed (child protection bureau)');
  });

  it('refuses values that do not match the placeholders (a writer cannot drop or invent one)', () => {
    expect(() => checkEventParams('operationApproved', {})).toThrow(/placeholders/);
    expect(() => checkEventParams('operationApproved', { name: 'Op', extra: 'x' })).toThrow(/placeholders/);
    expect(() => checkEventParams('operationApproved', { name: 'Op' })).not.toThrow();
    for (const code of Object.keys(eventTexts) as EventCode[]) {
      const params = Object.fromEntries(placeholders(eventTexts[code].text).map((p) => [p, 'x']));
      expect(() => checkEventParams(code, params), code).not.toThrow();
    }
  });

  it('shows a coded row in Urdu with Urdu labels and the agency zone, and a row without a code as written', () => {
    const step = { code: 'accusedStep', params: { person: 'Bilal Test', from: 'at_large', to: 'physical_remand', reason: 'remand granted' } };
    const shown = eventLine('ignored English', step, 'ur');
    expect(shown).toBe(`Bilal Test: حیثیت ${ur.accusedStatus.at_large} ← ${ur.accusedStatus.physical_remand} (remand granted)`);
    expect(eventLine('ignored English', step, 'en')).toBe('Bilal Test: At large → Physical remand (remand granted)');
    // 04:00 UTC is 09:00 in Karachi; Urdu uses a 24-hour clock.
    const planned = eventLine('x', { code: 'operationPlanned', params: { name: 'Op', at: '2025-05-23T04:00:00.000Z', place: 'Multan' } }, 'ur');
    expect(planned).toContain('09:00');
    expect(planned).not.toContain('2025-05-23T');
    expect(planned.startsWith('آپریشن Op')).toBe(true);
    // No code: the words as written (an officer's note; an old line the migration could not read), instants formatted.
    expect(eventLine('Met the family at 2025-05-23T04:00:00Z', { code: null, params: null }, 'en')).toMatch(/^Met the family at 23 May 2025, 09:00$/);
    // An English sentence without a code is NOT translated by matching its words.
    expect(eventLine('Operation Op approved', { code: null, params: null }, 'ur')).toBe('Operation Op approved');
    // A code this version does not know: the body.
    expect(eventLine('Something new', { code: 'notACode', params: {} }, 'ur')).toBe('Something new');
  });
});
