import { describe, expect, it } from 'vitest';
import { BASE_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS, retryDelayMs } from '../src/outbox/backoff.ts';
import { emailMessageId, mailDomain, signingSecrets, webhookBody, webhookId } from '../src/outbox/compose.ts';
import type { ClaimedMessage } from '../src/outbox/claim.ts';

describe('outbox backoff', () => {
  it('doubles from 5 s per failed attempt, up to an hour', () => {
    const top = () => 0.999_999_999;
    expect([1, 2, 3, 4, 5].map((attempt) => Math.round(retryDelayMs(attempt, top) / 1000))).toEqual([5, 10, 20, 40, 80]);
    expect(retryDelayMs(11, top)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(1000, top)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('spreads each delay over its upper half (jitter), never below half or above the ceiling', () => {
    for (const attempt of [1, 2, 3, 8, 20]) {
      const ceiling = Math.min(MAX_RETRY_DELAY_MS, BASE_RETRY_DELAY_MS * 2 ** (attempt - 1));
      expect(retryDelayMs(attempt, () => 0)).toBe(ceiling / 2);
      expect(retryDelayMs(attempt, () => 0.5)).toBe(Math.round(ceiling * 0.75));
      const delays = Array.from({ length: 200 }, () => retryDelayMs(attempt));
      for (const value of delays) {
        expect(value).toBeGreaterThanOrEqual(ceiling / 2);
        expect(value).toBeLessThanOrEqual(ceiling);
      }
      // Real jitter: two hundred draws are not all the same.
      expect(new Set(delays).size).toBeGreaterThan(1);
    }
  });

  it("keeps retrying for hours with the server's defaults (18 attempts): an outage of about 4 hours loses nothing", () => {
    // The waits after failures 1..17 (the 18th is the last).
    const horizon = (random: () => number) =>
      Array.from({ length: 17 }, (_, index) => retryDelayMs(index + 1, random)).reduce((a, b) => a + b, 0);
    const hours = (ms: number) => ms / 3_600_000;
    expect(hours(horizon(() => 0))).toBeGreaterThan(4.2);
    expect(hours(horizon(() => 0.999_999_999))).toBeCloseTo(8.42, 1);
    expect(hours(horizon(() => 0.5))).toBeCloseTo(6.32, 1);
  });

  it('takes another base and ceiling (small ones for tests), and reads a nonsense attempt as the first', () => {
    expect(retryDelayMs(3, () => 0, { baseMs: 100 })).toBe(200);
    expect(retryDelayMs(10, () => 0, { baseMs: 100, maxMs: 1000 })).toBe(500);
    expect(retryDelayMs(0, () => 0)).toBe(BASE_RETRY_DELAY_MS / 2);
    expect(retryDelayMs(-3, () => 0)).toBe(BASE_RETRY_DELAY_MS / 2);
    // A random source outside [0, 1) is clamped.
    expect(retryDelayMs(1, () => 7)).toBe(BASE_RETRY_DELAY_MS);
    expect(retryDelayMs(1, () => -1)).toBe(BASE_RETRY_DELAY_MS / 2);
  });
});

describe('outbox composing', () => {
  const id = '0b8f8c9e-3a7d-4c55-9d0e-6f6a2d1c9e11';
  it("names the Message-ID by the row's id and MAIL_FROM's domain", () => {
    expect(mailDomain('Tablebook <no-reply@Mesa.Example.com>')).toBe('mesa.example.com');
    expect(mailDomain('reservas@example.co')).toBe('example.co');
    expect(mailDomain('Tablebook')).toBeUndefined();
    expect(emailMessageId(id, 'Tablebook <no-reply@example.com>')).toBe(`<${id}@example.com>`);
    expect(emailMessageId(id, 'nobody')).toBe(`<${id}@tablebook>`);
    expect(webhookId(id)).toBe(`msg_${id}`);
  });

  it('signs with the previous secret only while it is honoured', () => {
    const endpoint = { url: 'https://example.com/hook', secret: 'whsec_new', previousSecret: 'whsec_old', previousSecretUntilMs: 2000 };
    expect(signingSecrets(endpoint, 1999)).toEqual(['whsec_new', 'whsec_old']);
    expect(signingSecrets(endpoint, 2000)).toEqual(['whsec_new']);
    expect(signingSecrets({ ...endpoint, previousSecret: null, previousSecretUntilMs: null }, 0)).toEqual(['whsec_new']);
  });

  it('posts {type, timestamp, data: {reservation, restaurantId}}', () => {
    const reservation = { id: 'r1', status: 'confirmed' };
    const message = {
      id,
      restaurantId: 'rest-1',
      eventType: 'reservation.created',
      payload: { reservation, restaurant: { id: 'rest-1' }, occurredAt: '2031-01-01T00:00:00.000Z' },
    } as unknown as ClaimedMessage;
    expect(JSON.parse(webhookBody(message))).toEqual({
      type: 'reservation.created',
      timestamp: '2031-01-01T00:00:00.000Z',
      data: { reservation, restaurantId: 'rest-1' },
    });
  });
});
