import { useSpawnedServer, type SpawnedServer } from '@tablebook/testing';
import { expect } from 'vitest';
import { TablebookError } from '../../src/index.ts';

/** The admin token the test servers accept; with it, calls are also exempt from rate limits. */
export const ADMIN_TOKEN = 'client-tests-admin-token';

/** The real server as its own process, its administration behind ADMIN_TOKEN. */
export const useTablebookServer = (env: Record<string, string> = {}): (() => SpawnedServer) => useSpawnedServer({ ADMIN_TOKEN, ...env });

/** A day `days` from now: always today or later wherever the server's "today" is. */
export const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const restaurantInput = (
  overrides: Partial<Record<'name' | 'address' | 'description' | 'photoUrl', string>> & { cityId?: number } = {},
) => ({
  name: 'La Cevichería',
  address: 'Calle 39 # 3-56',
  description: 'Ceviches y cocteles',
  photoUrl: 'https://example.com/ceviche.jpg',
  cityId: 1,
  ...overrides,
});

/** The rejection of `call`, which must be a TablebookError. */
export async function failureOf(call: Promise<unknown>): Promise<TablebookError> {
  const error = await call.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(TablebookError);
  return error as TablebookError;
}
