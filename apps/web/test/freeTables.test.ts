/**
 * Issue 16, a host stand: "the move dialog shows the free tables that seat the party at the chosen
 * time and keeps what was typed". The pure choice behind the move and new-reservation dialogs.
 */
import { describe, expect, it } from 'vitest';
import { chosenTable, freeTables, tableOptions } from '../src/features/timeline/freeTables.ts';
import { lookupPartySize, partyProblem, partySizeOf } from '../src/features/timeline/partySize.ts';

const tables = [
  { label: 'A10', seats: 2 },
  { label: 'A2', seats: 2 },
  { label: 'B1', seats: 4 },
  { label: 'B2', seats: 4 },
  { label: 'C1', seats: 6 },
  { label: 'D1', seats: 10 },
];

const held = (
  id: string,
  table: string,
  startsAt: string,
  endsAt: string,
  status: 'confirmed' | 'cancelled' | 'completed' = 'confirmed',
) => ({
  id,
  table,
  status,
  startsAt,
  endsAt,
});

const turn = (startsAt: string, minutes: number) => ({ startsAt: Date.parse(startsAt), endsAt: Date.parse(startsAt) + minutes * 60_000 });
const labels = (list: readonly { label: string }[]) => list.map((table) => table.label);

describe('the free tables that seat the party at a start', () => {
  const day = [
    held('moving', 'B1', '2027-03-12T19:00:00-05:00', '2027-03-12T21:00:00-05:00'),
    held('b2', 'B2', '2027-03-12T20:00:00-05:00', '2027-03-12T22:00:00-05:00'),
    held('c1', 'C1', '2027-03-12T23:30:00-05:00', '2027-03-13T01:00:00-05:00'),
    held('gone', 'D1', '2027-03-12T19:00:00-05:00', '2027-03-12T21:00:00-05:00', 'cancelled'),
    held('done', 'A2', '2027-03-12T18:00:00-05:00', '2027-03-12T19:00:00-05:00', 'completed'),
  ];

  it('offers only tables that seat the party and that no other live reservation holds then, smallest first', () => {
    const free = freeTables({ tables, partySize: 3, turn: turn('2027-03-12T19:30:00-05:00', 120), slotFree: undefined, reservations: day });
    // B1 and B2 are held (B2 from 20:00), the 2-seat tables are too small; D1's cancelled booking holds nothing.
    expect(labels(free)).toEqual(['C1', 'D1']);
    // Ending exactly when the next one starts is no overlap; a completed turn still held its table until it ended.
    const early = freeTables({ tables, partySize: 2, turn: turn('2027-03-12T17:00:00-05:00', 60), slotFree: undefined, reservations: day });
    expect(labels(early)).toEqual(['A2', 'A10', 'B1', 'B2', 'C1', 'D1']);
    const overlapping = freeTables({
      tables,
      partySize: 2,
      turn: turn('2027-03-12T17:30:00-05:00', 60),
      slotFree: undefined,
      reservations: day,
    });
    expect(labels(overlapping)).not.toContain('A2');
  });

  it("takes the slots procedure's freeTables at that start, except the moved reservation's own table", () => {
    // The server counts the moved reservation as holding B1; the dialog knows it is that reservation.
    const slotFree = ['A2', 'C1', 'D1'];
    const query = { tables, partySize: 2, turn: turn('2027-03-12T19:30:00-05:00', 90), slotFree, reservations: day };
    expect(labels(freeTables({ ...query, moving: { id: 'moving', table: 'B1' } }))).toEqual(['A2', 'B1', 'C1', 'D1']);
    // Without a move, the slot's answer stands (A10 is held by a turn of the day before, say, that the list does not show).
    expect(labels(freeTables(query))).toEqual(['A2', 'C1', 'D1']);
  });

  it('judges the other reservations on instants, so a turn across the spring-forward gap holds what it really holds', () => {
    // 01:00 CET + 120 minutes ends at 04:00 CEST (the wall clock jumps 02:00 -> 03:00).
    const night = [held('late', 'B1', '2027-03-28T03:30:00+02:00', '2027-03-28T05:00:00+02:00')];
    const at = (startsAt: string, minutes: number) =>
      labels(freeTables({ tables, partySize: 4, turn: turn(startsAt, minutes), slotFree: undefined, reservations: night }));
    expect(at('2027-03-28T01:00:00+01:00', 120)).not.toContain('B1');
    expect(at('2027-03-28T00:00:00+01:00', 90)).toContain('B1');
  });

  it('for a whole day, counts every live reservation of the date', () => {
    const free = freeTables({
      tables,
      partySize: 4,
      turn: 'wholeDay',
      slotFree: undefined,
      reservations: day,
      moving: { id: 'moving', table: 'B1' },
    });
    expect(labels(free)).toEqual(['B1', 'D1']);
  });

  it('keeps the host’s own choice in the select, marked, when it is no longer free or too small', () => {
    const free = [tables[2]!, tables[4]!];
    expect(tableOptions(free, tables, 'B2', 4)).toEqual([tables[2], { ...tables[3], note: 'taken' }, tables[4]]);
    expect(tableOptions(free, tables, 'A2', 4)).toEqual([{ ...tables[1], note: 'tooSmall' }, tables[2], tables[4]]);
    expect(tableOptions(free, tables, 'C1', 4)).toEqual(free);
    expect(tableOptions(free, tables, undefined, 4)).toEqual(free);
    // No choice yet: the smallest free table; a choice stays what it is.
    expect(chosenTable(free, undefined)).toBe('B1');
    expect(chosenTable(free, 'B2')).toBe('B2');
    expect(chosenTable([], undefined)).toBeUndefined();
  });
});

describe('the party size a host types', () => {
  it('refuses 25 people and 0, and more than the chosen table seats ("accepts 25 people" was the defect)', () => {
    expect(partyProblem('25', { label: 'D1', seats: 30 })).toEqual({ kind: 'range', max: 20 });
    expect(partyProblem('0', undefined)).toEqual({ kind: 'range', max: 20 });
    expect(partyProblem('2.5', undefined)).toEqual({ kind: 'range', max: 20 });
    expect(partyProblem('', undefined)).toEqual({ kind: 'range', max: 20 });
    expect(partyProblem('6', { label: 'B1', seats: 4 })).toEqual({ kind: 'seats', table: 'B1', seats: 4 });
    expect(partyProblem('4', { label: 'B1', seats: 4 })).toBeUndefined();
    expect(partyProblem(' 20 ', undefined)).toBeUndefined();
    expect(partySizeOf('abc')).toBeUndefined();
  });

  it('looks free tables up for the last valid party while the typed one is not', () => {
    expect(lookupPartySize('6', 2)).toBe(6);
    expect(lookupPartySize('25', 6)).toBe(6);
    expect(lookupPartySize('', 6)).toBe(6);
  });
});
