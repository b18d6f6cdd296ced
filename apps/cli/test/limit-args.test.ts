import { describe, expect, it } from 'vitest';
import { formatDailyLimit, formatPacing, parseDailyLimit, parsePacing } from '../src/args/pacing.ts';
import { limitFieldsFromFlags } from '../src/commands/limit-flags.ts';
import { UsageError } from '../src/errors.ts';

describe('parsePacing and formatPacing', () => {
  it('reads INTERVAL_MINUTES:MAX_COVERS, with loose spacing, and writes it back the same way', () => {
    expect(parsePacing('30:20')).toEqual({ intervalMinutes: 30, maxCovers: 20 });
    expect(parsePacing(' 15 : 8 ')).toEqual({ intervalMinutes: 15, maxCovers: 8 });
    expect(parsePacing('60:10000')).toEqual({ intervalMinutes: 60, maxCovers: 10_000 });
    expect(formatPacing({ intervalMinutes: 30, maxCovers: 20 })).toBe('30:20');
    expect(formatPacing(parsePacing('15:8'))).toBe('15:8');
  });

  it('clears the pacing for "none" and "" (null), and writes null as "none"', () => {
    expect(parsePacing('none')).toBeNull();
    expect(parsePacing(' NONE ')).toBeNull();
    expect(parsePacing('')).toBeNull();
    expect(formatPacing(null)).toBe('none');
  });

  it.each([
    ['45:10', `--pacing's interval must be one of 15, 30, 60 minutes, not "45" (in "45:10")`],
    ['0:10', `--pacing's interval must be one of 15, 30, 60 minutes, not "0"`],
    ['30', '--pacing takes INTERVAL_MINUTES:MAX_COVERS, like "30:20", or "none", not "30"'],
    ['30:20,60:40', 'not "30:20,60:40"'],
    ['30:-1', 'not "30:-1"'],
    ['half-hour:20', 'not "half-hour:20"'],
  ])('refuses %j as a usage error naming it', (text, message) => {
    expect(() => parsePacing(text)).toThrow(UsageError);
    expect(() => parsePacing(text)).toThrow(message);
  });
});

describe('parseDailyLimit and formatDailyLimit', () => {
  it('reads a whole number, or "default" for the stored restaurant daily limit (null)', () => {
    expect(parseDailyLimit('12')).toBe(12);
    expect(parseDailyLimit(' 1000000 ')).toBe(1_000_000);
    expect(parseDailyLimit('Default')).toBeNull();
    expect([formatDailyLimit(12), formatDailyLimit(null)]).toEqual(['12', 'default']);
  });

  it.each(['many', '2.5', '-3', '', 'none'])('refuses %j as a usage error naming it', (text) => {
    expect(() => parseDailyLimit(text)).toThrow(`--daily-limit must be a whole number or "default", not "${text}"`);
  });
});

describe('limitFieldsFromFlags', () => {
  it('gives only the fields whose flags are given, so an update keeps the others', () => {
    expect(limitFieldsFromFlags({ 'daily-limit': undefined, pacing: undefined })).toEqual({});
    expect(limitFieldsFromFlags({ 'daily-limit': '8', pacing: undefined })).toEqual({ dailyLimit: 8 });
    expect(limitFieldsFromFlags({ 'daily-limit': 'default', pacing: 'none' })).toEqual({ dailyLimit: null, pacing: null });
    expect(limitFieldsFromFlags({ 'daily-limit': undefined, pacing: '60:40' })).toEqual({ pacing: { intervalMinutes: 60, maxCovers: 40 } });
  });
});
