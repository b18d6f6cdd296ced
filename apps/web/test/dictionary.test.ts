import { describe, expect, it } from 'vitest';
import { dictionaries } from '../src/i18n/dictionary.ts';

/** Every entry as [dotted key, kind], so the two languages can be compared shape for shape. */
function entries(value: unknown, prefix = ''): [string, string][] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => entries(child, prefix ? `${prefix}.${key}` : key));
  }
  return [[prefix, typeof value]];
}

describe('the dictionary', () => {
  it('has the same entries, of the same kind, in both languages', () => {
    expect(entries(dictionaries.es)).toEqual(entries(dictionaries.en));
  });

  it('has no empty text', () => {
    for (const language of ['en', 'es'] as const) {
      for (const [key, kind] of entries(dictionaries[language])) {
        if (kind !== 'string') continue;
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], dictionaries[language]);
        expect(text, `${language}:${key}`).not.toBe('');
      }
    }
  });

  it('chooses plurals', () => {
    expect(dictionaries.en.find.placesLeft(1)).toBe('1 place left');
    expect(dictionaries.en.find.placesLeft(4)).toBe('4 places left');
    expect(dictionaries.es.find.placesLeft(1)).toBe('Queda 1 cupo');
    expect(dictionaries.es.find.placesLeft(4)).toBe('Quedan 4 cupos');
    expect(dictionaries.es.reservations.count(1, undefined)).toBe('1 reserva');
    expect(dictionaries.es.reservations.count(3, 'jueves')).toBe('3 reservas el jueves');
  });
});
