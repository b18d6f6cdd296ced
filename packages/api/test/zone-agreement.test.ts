import { createDb, migrate, queryRows, type DatabaseHandle } from '@tablebook/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcOffsetMinutes } from '../src/rules/zoned-time.ts';
import { callerFor, expectRefusal } from './helpers.ts';

const body = (name: string, timeZone: string) => ({
  name,
  address: 'Calle 1',
  description: 'Zona',
  photoUrl: 'https://example.com/p.jpg',
  cityId: 1,
  timeZone,
});

/** Zones whose rules the embedded database's zone data and Node's are likeliest to differ about. */
const CANDIDATES = ['America/Vancouver', 'Africa/Casablanca', 'Europe/Chisinau', 'America/Bogota', 'Europe/Madrid'];
const SAMPLE = Date.parse('2027-07-15T12:00:00Z');

describe('a restaurant zone both clocks agree about (PGlite)', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = createDb('memory://');
    await migrate(handle);
  });
  afterAll(() => handle.close());

  it('is stored when the database and the server agree about it, and refused with the timeZone issue when they do not', async () => {
    const api = callerFor(handle);
    let refused = 0;
    for (const zone of CANDIDATES) {
      const [row] = await queryRows<{ offset: number }>(
        handle.db,
        sql`select (extract(epoch from (to_timestamp(${SAMPLE / 1000}) at time zone ${zone}) - (to_timestamp(${SAMPLE / 1000}) at time zone 'UTC')) / 60)::int as "offset"`,
      );
      const agreesAtSample = row?.offset === utcOffsetMinutes(SAMPLE, zone);
      if (agreesAtSample && (zone === 'America/Bogota' || zone === 'Europe/Madrid')) {
        expect((await api.restaurant.create(body(`Zona ${zone}`, zone))).timeZone).toBe(zone);
        continue;
      }
      if (agreesAtSample) continue; // may still differ at another hour: not this test's sample
      refused += 1;
      const refusal = await expectRefusal(api.restaurant.create(body(`Zona ${zone}`, zone)), 'INVALID_INPUT');
      expect(refusal.issues?.[0]?.path).toBe('timeZone');
      expect(refusal.issues?.[0]?.message).toMatch(
        new RegExp(`disagree about ${zone} from .* \\(database UTC[+-]\\d\\d:\\d\\d, server UTC[+-]\\d\\d:\\d\\d\\)`),
      );
      // An update to that zone is refused the same way.
      const kept = await api.restaurant.create(body(`Zona fija ${zone}`, 'America/Bogota'));
      await expectRefusal(api.restaurant.update({ id: kept.id, ...body(kept.name, zone) }), 'INVALID_INPUT');
    }
    console.log(`[zone agreement] ${refused} of ${CANDIDATES.length} candidate zones refused on this PGlite and Node`);
  });
});
