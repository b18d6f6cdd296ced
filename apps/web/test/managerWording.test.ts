import { describe, expect, it } from 'vitest';
import { formatMinutes } from '../src/features/timeline/timeFormat.ts';
import { dictionaries } from '../src/i18n/dictionary.ts';

const { es, en } = dictionaries;

describe("the manager's wording of a moved reservation", () => {
  it('ends a sentence on a time with one full stop, with the article Spanish gives the hour', () => {
    expect(es.timeline.move.done('Ana', 'A3', formatMinutes(1230, 'es-CO'))).toBe(
      'La reserva de Ana pasa a la mesa A3 a las 8:30\u00a0p.\u00a0m.',
    );
    expect(es.timeline.move.done('Ana', 'A3', formatMinutes(1530, 'es-CO'))).toBe(
      'La reserva de Ana pasa a la mesa A3 a la 1:30\u00a0a.\u00a0m.',
    );
    expect(en.timeline.move.done('Ana', 'A3', formatMinutes(1230, 'en-US'))).toBe("Ana's reservation is now at table A3 at 8:30\u00a0PM.");
    expect(es.reservations.movedAt('Ana', 'B2', 'viernes', formatMinutes(1170, 'es-CO'))).toBe(
      'La reserva de Ana ahora es en la mesa B2 el viernes, a las 7:30\u00a0p.\u00a0m.',
    );
  });

  it('addresses the manager as usted on the timeline', () => {
    const texts = [es.timeline.chooseRestaurant, es.timeline.outside(1), es.timeline.outside(3)];
    expect(texts.join(' ')).not.toMatch(/\b(Elige|mírala|míralas)\b/);
    expect(es.timeline.chooseRestaurant).toBe('Elija un restaurante para ver su día.');
  });
});
