import type { Reservation, Restaurant } from '@tablebook/client';
import type { SpawnedServer } from '@tablebook/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFailed as failed, expectOk as ok } from './support/expect-run.ts';
import { parseJson, runBinary, runInProcess, runOnTerminal } from './support/run-cli.ts';
import { ADMIN_TOKEN, dayFromNow, startAnsweringServer } from './support/server.ts';

/**
 * `restaurants delete`: an id or the whole name, never a prefix, and a question on a terminal. The
 * terminal is a real pseudo-terminal (util-linux's `script`), so the built binary sees one as a person's.
 */
export function describeDelete(server: () => SpawnedServer): void {
  const live = () => ({ TABLEBOOK_URL: server().url, TABLEBOOK_TOKEN: ADMIN_TOKEN });
  const tablebook = (...args: string[]) => runInProcess(args, { env: live() });
  const restaurantsNamed = async (prefix: string) =>
    parseJson<Restaurant[]>(ok(await tablebook('restaurants', 'list', '--starts-with', prefix, '--json'))).map((found) => found.name);

  async function createRestaurant(name: string): Promise<Restaurant> {
    const flags = ['--address', 'Calle 3', '--city', 'Leticia', '--description', 'x', '--photo-url', 'https://example.com/z.jpg'];
    return parseJson<Restaurant>(ok(await tablebook('restaurants', 'create', '--name', name, ...flags, '--json')));
  }

  describe('tablebook restaurants delete', () => {
    let zeta: Restaurant;
    beforeAll(async () => {
      zeta = await createRestaurant('Zeta Tmp');
      await createRestaurant('Zeta Script');
      ok(await tablebook('book', zeta.id, '--table', 'A1', '--date', dayFromNow(40)));
    });

    it('without a terminal and without --yes exits 2 before asking the server anything', async () => {
      const requests: string[] = [];
      const recorder = await startAnsweringServer((request, response) => {
        requests.push(`${request.method} ${request.url}`);
        response.writeHead(500).end();
      });
      try {
        const run = await runBinary(['restaurants', 'delete', 'Zeta Tmp'], { TABLEBOOK_URL: recorder.url, TABLEBOOK_TOKEN: ADMIN_TOKEN });
        expect(run).toMatchObject({ code: 2, stdout: '' });
        expect(failed(run, 2)).toContain('there is no terminal to ask on: pass --yes to delete without asking');
        expect(requests).toEqual([]);
      } finally {
        await recorder.close();
      }
      expect(failed(await runBinary(['restaurants', 'delete', 'Zeta Tmp'], live()), 2)).toContain('pass --yes');
      expect(await restaurantsNamed('Zeta Tmp')).toEqual(['Zeta Tmp']);
    });

    it('takes no prefix, nor the name in another case, even with --yes: "Zeta" is not "Zeta Tmp"', async () => {
      const prefix = failed(await tablebook('restaurants', 'delete', 'Zeta', '--yes'), 1);
      expect(prefix).toContain('no restaurant is named exactly "Zeta" (give its whole name or its id); did you mean ');
      expect(prefix).toContain(`Zeta Tmp in Leticia, Amazonas (${zeta.id})`);
      expect(failed(await tablebook('restaurants', 'delete', 'zeta tmp', '--yes'), 1)).toContain(
        'no restaurant is named exactly "zeta tmp"',
      );
      expect(parseJson<Reservation[]>(await tablebook('reservations', 'list', zeta.id, '--json'))).toHaveLength(1);
    });

    it('with --yes deletes the restaurant named exactly, without asking', async () => {
      const run = await runBinary(['restaurants', 'delete', 'Zeta Script', '--yes'], live());
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^Deleted restaurant "Zeta Script" \([0-9a-f-]{36}\) and its reservations\n$/);
      expect(await restaurantsNamed('Zeta')).toEqual(['Zeta Tmp']);
    });

    it('finds the whole name typed decomposed (NFD, as a macOS terminal may type "í") for a name stored composed', async () => {
      const composed = await createRestaurant('Cevichería Borrar');
      const typed = 'Cevicheri\u0301a Borrar';
      expect(typed).not.toBe(composed.name);
      const run = ok(await tablebook('restaurants', 'delete', typed, '--yes'));
      expect(run.stdout).toContain(`Deleted restaurant "Cevichería Borrar" (${composed.id})`);
      expect(await restaurantsNamed('Cevichería Borrar')).toEqual([]);
    });

    it.runIf(process.platform === 'linux')(
      'asks on a terminal, naming the restaurant and its reservations: n keeps it, y deletes it',
      async () => {
        const prompt = `Delete restaurant "Zeta Tmp" (${zeta.id}) in Leticia, Amazonas and its 1 reservation? This cannot be undone. [y/N] `;
        const kept = await runOnTerminal(['restaurants', 'delete', 'Zeta Tmp'], live(), { prompt, answer: 'n' });
        expect(kept.screen).toContain(prompt);
        expect(kept.screen).toContain(`tablebook: not deleted: restaurant "Zeta Tmp" (${zeta.id}) is kept (only "y" or "yes" deletes)`);
        expect(kept.code).toBe(1);
        expect(await restaurantsNamed('Zeta Tmp')).toEqual(['Zeta Tmp']);

        // With --json the question still goes to stderr, and the error object starts a line of its own after the answer.
        const keptJson = await runOnTerminal(['restaurants', 'delete', 'Zeta Tmp', '--json'], live(), { prompt, answer: 'no' });
        expect(keptJson.code).toBe(1);
        const lines = keptJson.screen.split('\r\n');
        expect(lines).toContain(`${prompt}no`);
        const report = lines.find((line) => line.startsWith('{'));
        expect(JSON.parse(report ?? 'null')).toEqual({
          error: {
            reason: 'ABORTED',
            message: `not deleted: restaurant "Zeta Tmp" (${zeta.id}) is kept (only "y" or "yes" deletes)`,
            status: null,
            requestId: null,
          },
        });
        expect(await restaurantsNamed('Zeta Tmp')).toEqual(['Zeta Tmp']);

        const deleted = await runOnTerminal(['restaurants', 'delete', 'Zeta Tmp'], live(), { prompt, answer: 'y' });
        expect(deleted.screen).toContain(`Deleted restaurant "Zeta Tmp" (${zeta.id}) and its reservations`);
        expect(deleted.code).toBe(0);
        expect(await restaurantsNamed('Zeta')).toEqual([]);
      },
    );
  });
}
