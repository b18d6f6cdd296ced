import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importKey } from '../src/import/keys.ts';
import type { BookingRow } from '../src/import/rows.ts';

const RESTAURANT = '0b8f8a52-3b5e-4f7c-9a53-6f1d2c3b4a5e';
const row: BookingRow = { line: 2, restaurant: 'La Mar', table: 'a1', date: '2030-01-01', guestName: 'Ana', partySize: 3 };

describe('importKey', () => {
  it('is the same for the same booking, whatever its line, restaurant spelling or table case', () => {
    expect(importKey(row, RESTAURANT)).toBe(importKey({ ...row, line: 40, restaurant: 'la mar', table: 'A1' }, RESTAURANT));
    expect(importKey(row, RESTAURANT)).toMatch(/^tablebook-import:v1:[0-9a-f]{64}$/);
  });

  it('differs when any part of the booking does', () => {
    const keys = [
      row,
      { ...row, table: 'A2' },
      { ...row, date: '2030-01-02' },
      { ...row, guestName: 'Ana María' },
      { ...row, partySize: undefined },
      { ...row, guestPhone: '+57 300 123 4567' },
      { ...row, guestEmail: 'ana@example.com' },
      { ...row, notes: 'ventana' },
    ].map((variant) => importKey(variant, RESTAURANT));
    expect(new Set([...keys, importKey(row, RESTAURANT.replace('0b', '1b'))]).size).toBe(keys.length + 1);
  });

  it('keeps the key a whole-day row had before rows could have a time, and a time makes another booking', () => {
    // The content as the first import hashed it: restaurant, table, date, name, phone, e-mail, party size, notes.
    const before = JSON.stringify([RESTAURANT, 'A1', '2030-01-01', 'Ana', null, null, 3, null]);
    expect(importKey(row, RESTAURANT)).toBe(`tablebook-import:v1:${createHash('sha256').update(before).digest('hex')}`);
    const timed = importKey({ ...row, time: '19:30' }, RESTAURANT);
    expect(new Set([importKey(row, RESTAURANT), timed, importKey({ ...row, time: '20:00' }, RESTAURANT)]).size).toBe(3);
    expect(importKey({ ...row, table: '', time: '19:30' }, RESTAURANT)).not.toBe(timed);
  });

  it('numbers identical rows that leave the table to the API from the second on, and only those', () => {
    const open = { ...row, table: '', time: '19:30' };
    const keys = [1, 2, 3].map((occurrence) => importKey(open, RESTAURANT, occurrence));
    expect(new Set(keys).size).toBe(3);
    expect(keys[0]).toBe(importKey(open, RESTAURANT));
    // A row with a table names one booking: a repeat of it is the same booking.
    expect(importKey({ ...row, time: '19:30' }, RESTAURANT, 2)).toBe(importKey({ ...row, time: '19:30' }, RESTAURANT));
  });
});
