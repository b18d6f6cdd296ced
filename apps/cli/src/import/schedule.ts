/**
 * Runs `work` on every item and returns the results in the items' order. Items with the same key run
 * one after another in their order; up to `concurrency` keys run at once. The first error stops
 * further items from starting and is thrown once the ones under way have settled.
 */
export async function runGroupedInOrder<T, R>(
  items: readonly T[],
  keyOf: (item: T) => string,
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  const queue = [...groups.values()];
  const results: R[] = new Array<R>(items.length);
  let failure: { error: unknown } | undefined;

  async function worker() {
    for (let group = queue.shift(); group && !failure; group = queue.shift()) {
      for (const index of group) {
        if (failure) return;
        try {
          results[index] = await work(items[index] as T);
        } catch (error) {
          failure ??= { error };
        }
      }
    }
  }

  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker));
  if (failure) throw failure.error;
  return results;
}
