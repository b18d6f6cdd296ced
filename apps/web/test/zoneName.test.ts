import { describe, expect, it } from 'vitest';
import { dictionaries } from '../src/i18n/dictionary.ts';
import { zoneName } from '../src/lib/zoneName.ts';

/** Review D14: host and guest pages name the restaurant's zone for people, not by its IANA id. */
describe('a time zone by its name', () => {
  const july = new Date('2026-07-01T12:00:00Z');

  it('is Intl’s long generic name in the page’s language', () => {
    expect(zoneName('America/Bogota', 'en-US', july)).toMatch(/^Colombia( Standard)? Time$/);
    expect(zoneName('America/Bogota', 'es-CO', july)).toMatch(/^hora (estándar )?de Colombia$/);
    // The same name all year: not "Eastern Daylight Time" in July.
    expect(zoneName('America/New_York', 'en-US', july)).toBe('Eastern Time');
    expect(zoneName('America/Bogota', 'es-CO', july)).not.toContain('America');
  });

  it('falls back to the id, spaced, for a zone this runtime cannot name', () => {
    expect(zoneName('Mars/Olympus_Mons', 'en-US', july)).toBe('Mars/Olympus Mons');
  });

  it('is a label on the host pages, capitalised in Spanish', () => {
    expect(dictionaries.es.timeline.zone('hora estándar de Colombia')).toBe('Hora estándar de Colombia');
    expect(dictionaries.en.timeline.zone('Colombia Standard Time')).toBe('Colombia Standard Time');
  });
});
