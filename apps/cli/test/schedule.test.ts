import { describe, expect, it } from 'vitest';
import { runGroupedInOrder } from '../src/import/schedule.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('runGroupedInOrder', () => {
  it('returns results in item order, runs a key one item at a time in order, and keys in parallel', async () => {
    const items = ['a1', 'b1', 'a2', 'c1', 'b2', 'a3'];
    const started: string[] = [];
    let running = 0;
    let mostRunning = 0;
    const results = await runGroupedInOrder(
      items,
      (item) => item[0] as string,
      2,
      async (item) => {
        running++;
        mostRunning = Math.max(mostRunning, running);
        started.push(item);
        await tick();
        running--;
        return item.toUpperCase();
      },
    );
    expect(results).toEqual(['A1', 'B1', 'A2', 'C1', 'B2', 'A3']);
    expect(mostRunning).toBe(2);
    for (const key of ['a', 'b']) {
      const order = started.filter((item) => item.startsWith(key));
      expect(order).toEqual([...order].sort());
    }
  });

  it('stops starting items after the first failure and throws it', async () => {
    const done: string[] = [];
    const run = runGroupedInOrder(
      ['a1', 'a2', 'a3'],
      () => 'a',
      4,
      async (item) => {
        if (item === 'a2') throw new Error('server gone');
        done.push(item);
      },
    );
    await expect(run).rejects.toThrow('server gone');
    expect(done).toEqual(['a1']);
  });
});
