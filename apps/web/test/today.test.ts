import { describe, expect, it } from 'vitest';
import { localDay } from '../src/lib/days.ts';
import { dayIn } from '../src/lib/useToday.ts';

describe('today at a restaurant', () => {
  // 21:30 in Bogotá on Friday 4 December 2026: already Saturday in Madrid and in Tokyo.
  const evening = new Date('2026-12-05T02:30:00Z');

  it("is the restaurant's own day, whatever the device's zone", () => {
    expect(dayIn('America/Bogota', evening)).toBe('2026-12-04');
    expect(dayIn('Europe/Madrid', evening)).toBe('2026-12-05');
    expect(dayIn('Asia/Tokyo', evening)).toBe('2026-12-05');
    // 09:00 in Tokyo on Saturday is still Friday evening in Bogotá: not tomorrow, and Friday is not past.
    const tokyoMorning = new Date('2026-12-05T00:00:00Z');
    expect([dayIn('Asia/Tokyo', tokyoMorning), dayIn('America/Bogota', tokyoMorning)]).toEqual(['2026-12-05', '2026-12-04']);
  });

  it("is the device's day without a zone, or with one this runtime does not know", () => {
    expect(dayIn(undefined, evening)).toBe(localDay(evening));
    expect(dayIn('Mars/Olympus_Mons', evening)).toBe(localDay(evening));
  });
});
