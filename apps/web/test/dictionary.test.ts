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
    expect(dictionaries.en.find.tablesFree(1, 4)).toBe('1 table free · 4 seats');
    expect(dictionaries.en.find.tablesFree(3, 1)).toBe('3 tables free · 1 seat');
    expect(dictionaries.es.find.tablesFree(1, 4)).toBe('1 mesa libre · 4 puestos');
    expect(dictionaries.es.find.tablesFree(3, 1)).toBe('3 mesas libres · 1 puesto');
    expect(dictionaries.en.day.limits.left(1)).toBe('1 booking left');
    expect(dictionaries.es.day.limits.left(0)).toBe('No quedan reservas');
    expect(dictionaries.es.reservations.count(1, undefined)).toBe('1 reserva');
    expect(dictionaries.es.reservations.count(3, 'jueves')).toBe('3 reservas el jueves');
  });
});
