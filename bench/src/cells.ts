// One cell of the table: a scenario at one connection count, driven on each server that serves it. A
// warm-up run each, then `rounds` rounds in which every server runs once, the order reversed every other
// round (Tablebook first, then last), so that none always runs on a warmer or fuller database. Each run
// starts once the last one's leftovers are done (settle.ts).
import { runLoad, type LoadRequest, type LoadRun } from './load.ts';
import type { BenchServer } from './processes.ts';
import type { Settler } from './settle.ts';

export interface Contender {
  server: BenchServer;
  /** The scenario's next request for this server (generators share one counter: no booking repeats). */
  next: () => LoadRequest;
}

interface CellOptions {
  connections: number;
  durationSeconds: number;
  warmUpSeconds: number;
  rounds: number;
  headers: Record<string, string>;
  settler: Settler;
}

/** Each contender's runs, in the contenders' order. */
export async function measureCell(contenders: readonly Contender[], options: CellOptions): Promise<LoadRun[][]> {
  const measure = async (contender: Contender, seconds: number) => {
    const run = await runLoad({
      baseUrl: contender.server.url,
      connections: options.connections,
      durationSeconds: seconds,
      headers: options.headers,
      next: contender.next,
    });
    await options.settler.settle(contender.server.url);
    return run;
  };
  for (const contender of contenders) await measure(contender, options.warmUpSeconds);
  const runs = contenders.map(() => [] as LoadRun[]);
  for (let round = 0; round < options.rounds; round += 1) {
    const order = contenders.map((_, index) => index);
    if (round % 2 === 1) order.reverse();
    for (const index of order) runs[index]!.push(await measure(contenders[index]!, options.durationSeconds));
  }
  return runs;
}
