/** The guest's language from a request's Accept-Language (issue 17): en* is en, es* is es-CO, by preference; else es-CO. */
import { describe, expect, it } from 'vitest';
import { bookingLanguage, languageFromAcceptLanguage } from '../src/rules/guest-language.ts';

describe('the language of an Accept-Language header', () => {
  it('is en for English, es-CO for any Spanish, whatever the region or case', () => {
    for (const header of ['en', 'en-US', 'EN-gb', 'en-US,en;q=0.9', ' en ; q=1 '])
      expect(languageFromAcceptLanguage(header), header).toBe('en');
    for (const header of ['es', 'es-CO', 'es-ES', 'ES-mx', 'es-419,es;q=0.9'])
      expect(languageFromAcceptLanguage(header), header).toBe('es-CO');
  });

  it('follows the preference order (q), ties in the order given, and skips what is neither', () => {
    expect(languageFromAcceptLanguage('fr-FR,fr;q=0.9,en;q=0.8,es;q=0.7')).toBe('en');
    expect(languageFromAcceptLanguage('fr-FR,fr;q=0.9,es;q=0.8,en;q=0.7')).toBe('es-CO');
    expect(languageFromAcceptLanguage('en;q=0.5,es;q=0.6')).toBe('es-CO');
    expect(languageFromAcceptLanguage('es;q=0.5,en;q=0.5')).toBe('es-CO');
    expect(languageFromAcceptLanguage('en;q=0.5,es;q=0.5')).toBe('en');
    expect(languageFromAcceptLanguage('de, en-US;q=0.3')).toBe('en');
    // q=0: "not this one".
    expect(languageFromAcceptLanguage('en;q=0, es;q=0.1')).toBe('es-CO');
    expect(languageFromAcceptLanguage('es;q=0,en;q=0.2')).toBe('en');
    // Neither English nor Spanish, nor a language that merely starts with the letters.
    expect(languageFromAcceptLanguage('eng, esperanto, et')).toBe('es-CO');
  });

  it('is es-CO when absent, empty, a wildcard or garbage', () => {
    for (const header of [undefined, null, '', '*', 'fr', ';;;,,,', 'en;q=abc', 'en;q=2', '\u0000', 'x'.repeat(10_000)]) {
      expect(languageFromAcceptLanguage(header), String(header).slice(0, 20)).toBe('es-CO');
    }
    expect(languageFromAcceptLanguage(['fr', 'en'])).toBe('en');
  });

  it('gives way to the language the booking names', () => {
    expect(bookingLanguage('es-CO', 'en-US')).toBe('es-CO');
    expect(bookingLanguage('en', 'es')).toBe('en');
    expect(bookingLanguage(undefined, 'en-US')).toBe('en');
    expect(bookingLanguage(undefined, undefined)).toBe('es-CO');
  });
});
