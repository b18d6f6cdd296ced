import { describe, expect, it } from 'vitest';
import { applyPublicEvent, fullnessOf, takenLabels, type DayAvailability } from '../src/features/day/dayState.ts';

const tables = [
  { label: 'A0', seats: 4 },
  { label: 'A1', seats: 2 },
  { label: 'B0', seats: 6 },
];
const day = '2030-03-04';
const before: DayAvailability = { date: day, restaurantRemaining: 5, globalRemaining: 9, freeTables: tables, takenTables: [] };
const restaurantId = '0d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
/** Where the reservation of an event holds its table (a whole day here). */
const heldOn = (table: string, date: string) => ({ table, startsAt: `${date}T00:00:00-05:00`, endsAt: `${date}T23:59:59-05:00` });

describe("a restaurant's day, kept live", () => {
  it('takes the tables the server lists as taken', () => {
    expect([...takenLabels({ ...before, freeTables: [tables[2]!], takenTables: ['A0', 'A1'] })]).toEqual(['A0', 'A1']);
  });

  it('redraws the day from an event about it', () => {
    const after = applyPublicEvent(
      before,
      {
        id: 1,
        type: 'created',
        restaurantId,
        date: day,
        ...heldOn('A1', day),
        capacity: { date: day, restaurantRemaining: 4, globalRemaining: 8 },
        takenTables: ['A1'],
      },
      tables,
      day,
    );
    expect(after).toEqual({
      date: day,
      restaurantRemaining: 4,
      globalRemaining: 8,
      freeTables: [tables[0], tables[2]],
      takenTables: ['A1'],
    });
    expect([...takenLabels(after!)]).toEqual(['A1']);
  });

  it('tells taken tables from closed ones on a full day (the server lists no free tables then)', () => {
    expect([...takenLabels({ ...before, restaurantRemaining: 0, freeTables: [], takenTables: ['B0'] })]).toEqual(['B0']);
  });

  it('redraws the day a reservation moved away from', () => {
    const event = {
      id: 2,
      type: 'moved' as const,
      restaurantId,
      date: '2030-03-05',
      ...heldOn('A0', '2030-03-05'),
      capacity: { date: '2030-03-05', restaurantRemaining: 3, globalRemaining: 3 },
      takenTables: ['A0'],
      previous: { ...heldOn('A0', day), capacity: { date: day, restaurantRemaining: 6, globalRemaining: 10 }, takenTables: [] },
    };
    expect(applyPublicEvent(before, event, tables, day)).toMatchObject({ restaurantRemaining: 6, freeTables: tables });
    expect(applyPublicEvent(before, { ...event, previous: undefined }, tables, day)).toBe(before);
  });

  it('knows when the restaurant or the whole system is full', () => {
    expect(fullnessOf({ restaurantRemaining: 1, globalRemaining: 1 })).toBe('open');
    expect(fullnessOf({ restaurantRemaining: 0, globalRemaining: 4 })).toBe('restaurantFull');
    expect(fullnessOf({ restaurantRemaining: 0, globalRemaining: 0 })).toBe('systemFull');
  });
});
