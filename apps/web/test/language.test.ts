import { describe, expect, it } from 'vitest';
import { FALLBACK_LANGUAGE, initialLanguage, pickLanguage } from '../src/i18n/language.ts';

describe('choosing the interface language', () => {
  it("takes the first of the browser's languages that the app speaks", () => {
    expect(pickLanguage(['es-CO', 'en'])).toBe('es');
    expect(pickLanguage(['en-GB', 'es'])).toBe('en');
    expect(pickLanguage(['fr-FR', 'de', 'es-MX', 'en'])).toBe('es');
    expect(pickLanguage(['ES'])).toBe('es');
    expect(pickLanguage(['es_CO'])).toBe('es');
  });

  it('falls back to English when the browser prefers neither', () => {
    expect(FALLBACK_LANGUAGE).toBe('en');
    expect(pickLanguage(['fr-FR', 'pt-BR'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('lets a remembered choice win over the browser', () => {
    expect(initialLanguage('en', ['es-CO'])).toBe('en');
    expect(initialLanguage('es', ['en-US'])).toBe('es');
  });

  it('ignores a remembered value it does not know', () => {
    expect(initialLanguage('klingon', ['es-CO'])).toBe('es');
    expect(initialLanguage(null, ['en-US'])).toBe('en');
  });
});
