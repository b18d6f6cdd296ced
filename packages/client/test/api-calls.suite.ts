import type { SpawnedServer } from '@tablebook/testing';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { createClient, type TablebookClient } from '../src/index.ts';
import { ADMIN_TOKEN, dayFromNow, failureOf, restaurantInput } from './support/fixtures.ts';

/** Typed calls of every procedure the CLI uses, and the errors the API answers with. */
export function describeApiCalls(server: () => SpawnedServer): void {
  const client = (): TablebookClient => createClient({ url: server().url, token: ADMIN_TOKEN });

  describe('typed calls against the real server', () => {
    it('lists cities, telling apart the ones whose names repeat across departments', async () => {
      const armenias = await client().city.list.query({ search: 'Armenia' });
      expect(armenias.map((city) => city.deptName).sort()).toEqual(['Antioquia', 'Quindío']);
      expect(await client().city.list.query()).toHaveLength(1103);
    });

    it('creates, reads, lists, replaces and deletes a restaurant', async () => {
      const api = client();
      const created = await api.restaurant.create.mutate(restaurantInput({ name: 'Client Crud' }));
      expect(created).toMatchObject({ name: 'Client Crud', city: { id: 1, name: 'Leticia', deptName: 'Amazonas' } });
      expect(await api.restaurant.byId.query({ id: created.id })).toMatchObject({ id: created.id, name: 'Client Crud' });

      const updated = await api.restaurant.update.mutate({ id: created.id, ...restaurantInput({ name: 'Client Crud 2', cityId: 2 }) });
      expect(updated).toMatchObject({ name: 'Client Crud 2', city: { id: 2 } });
      expect((await api.restaurant.list.query({ startWith: 'client crud' })).map((restaurant) => restaurant.name)).toEqual([
        'Client Crud 2',
      ]);

      expect(await api.restaurant.delete.mutate({ id: created.id })).toEqual({ id: created.id });
      expect(await api.restaurant.list.query({ startWith: 'Client Crud' })).toEqual([]);
    });

    it("books tables and reports a day's remaining capacity", async () => {
      const api = client();
      const day = dayFromNow(3);
      const restaurant = await api.restaurant.create.mutate(restaurantInput({ name: 'Client Capacity' }));
      const reservation = await api.reservation.create.mutate({ restaurantId: restaurant.id, table: ' a1', date: day });
      expect(reservation).toMatchObject({ table: 'A1', date: day, restaurantId: restaurant.id });
      expect(await api.reservation.list.query({ restaurantId: restaurant.id, date: day })).toEqual([
        expect.objectContaining({ id: reservation.id, table: 'A1' }),
      ]);
      const [listed] = await api.restaurant.list.query({ startWith: 'Client Capacity', date: day });
      expect(listed).toMatchObject({ restaurantRemaining: 14, globalRemaining: 19 });
    });
  });

  describe('TablebookError', () => {
    it('carries status, code, reason, request id and message for a refused booking', async () => {
      const api = client();
      const day = dayFromNow(4);
      const restaurant = await api.restaurant.create.mutate(restaurantInput({ name: 'Client Refusal' }));
      await api.reservation.create.mutate({ restaurantId: restaurant.id, table: 'B2', date: day });
      const error = await failureOf(api.reservation.create.mutate({ restaurantId: restaurant.id, table: 'B2', date: day }));
      expect(error).toBeInstanceOf(TRPCClientError);
      expect(error).toMatchObject({
        name: 'TablebookError',
        status: 409,
        code: 'CONFLICT',
        reason: 'TABLE_ALREADY_BOOKED',
        issues: [],
      });
      expect(error.message).toContain('B2');
      expect(error.requestId).toMatch(/^[\w-]{8,}$/);
      // tRPC's own view of the error is kept.
      expect(error.data?.reason).toBe('TABLE_ALREADY_BOOKED');
    });

    it('lists the issues of invalid input by field', async () => {
      const error = await failureOf(client().restaurant.create.mutate(restaurantInput({ name: 'X', photoUrl: 'ftp://example.com/a.jpg' })));
      expect(error).toMatchObject({ status: 400, code: 'BAD_REQUEST', reason: 'INVALID_INPUT' });
      expect(error.issues.map((issue) => issue.path).sort()).toEqual(['name', 'photoUrl']);
    });

    it('reports an unknown restaurant and a past day with their reasons', async () => {
      const missing = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';
      expect(await failureOf(client().restaurant.byId.query({ id: missing }))).toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
        reason: 'NOT_FOUND',
      });
      const restaurant = await client().restaurant.create.mutate(restaurantInput({ name: 'Client Past' }));
      expect(
        await failureOf(client().reservation.create.mutate({ restaurantId: restaurant.id, table: 'A0', date: '2020-01-01' })),
      ).toMatchObject({ status: 400, reason: 'PAST_DATE' });
    });

    it("reports the server's refusal of a missing or wrong admin token as UNAUTHORIZED", async () => {
      const missing = await failureOf(createClient({ url: server().url }).restaurant.list.query());
      expect(missing).toMatchObject({ status: 401, code: 'UNAUTHORIZED', reason: 'UNAUTHORIZED' });
      expect(missing.message).toContain('Authorization: Bearer');
      const wrong = await failureOf(createClient({ url: server().url, token: 'not-the-token' }).restaurant.list.query());
      expect(wrong).toMatchObject({ status: 401, reason: 'UNAUTHORIZED' });
      // Public procedures need no token.
      expect(await createClient({ url: server().url }).city.list.query({ search: 'Leticia' })).toHaveLength(1);
    });

    it('keeps each call of a batch its own status and reason', async () => {
      const api = client();
      const missing = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';
      const [found, lost] = await Promise.allSettled([
        api.city.list.query({ search: 'Leticia' }),
        api.restaurant.byId.query({ id: missing }),
      ]);
      expect(found).toMatchObject({ status: 'fulfilled', value: [expect.objectContaining({ name: 'Leticia' })] });
      expect(lost).toMatchObject({ status: 'rejected', reason: { status: 404, reason: 'NOT_FOUND' } });
    });
  });
}
