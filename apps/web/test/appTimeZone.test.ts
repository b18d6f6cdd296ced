// @vitest-environment jsdom
/**
 * The Find page's today in the server's zone (issue 16): GET /api/health names it; until it answers,
 * the zone this device heard last time, else the default. A stored value the browser cannot use is
 * not trusted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { APP_TIME_ZONE, knownAppTimeZone, searchToday } from '../src/features/find/findDays.ts';
import { rememberAppTimeZone, rememberedAppTimeZone } from '../src/features/find/rememberedZone.ts';

// 20:00 on 1 December 2026 in Bogotá (UTC-5) is already 2 December in Tokyo (UTC+9) and Kiritimati (UTC+14).
const EVENING_IN_BOGOTA = new Date('2026-12-02T01:00:00Z');

afterEach(() => localStorage.clear());

describe("the search's zone before the server has answered", () => {
  it('is the default on a device that never heard the server', () => {
    expect(rememberedAppTimeZone()).toBeUndefined();
    expect(knownAppTimeZone()).toBe(APP_TIME_ZONE);
    expect(searchToday(EVENING_IN_BOGOTA)).toBe('2026-12-01');
  });

  it('is the zone the server named last time, for the first render and its first calls', () => {
    rememberAppTimeZone('Pacific/Kiritimati');
    expect(knownAppTimeZone()).toBe('Pacific/Kiritimati');
    expect(searchToday(EVENING_IN_BOGOTA)).toBe('2026-12-02');
  });

  it('is the default again when what is stored is no zone the browser knows', () => {
    localStorage.setItem('tablebook.appTimeZone', 'Mars/Olympus_Mons');
    expect(knownAppTimeZone()).toBe(APP_TIME_ZONE);
  });

  it("is the given zone's today when the zone is known", () => {
    expect(searchToday(EVENING_IN_BOGOTA, 'Asia/Tokyo')).toBe('2026-12-02');
    expect(searchToday(EVENING_IN_BOGOTA, 'America/Bogota')).toBe('2026-12-01');
  });
});
