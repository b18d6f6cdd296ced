/** Edits (insert, delete, replace) between two short words: how far a typo is from what was meant. */
function editDistance(from: string, to: string): number {
  let previous = Array.from({ length: to.length + 1 }, (_, index) => index);
  for (let row = 1; row <= from.length; row++) {
    const current = [row];
    for (let column = 1; column <= to.length; column++) {
      const replace = (previous[column - 1] as number) + (from[row - 1] === to[column - 1] ? 0 : 1);
      current.push(Math.min(replace, (previous[column] as number) + 1, (current[column - 1] as number) + 1));
    }
    previous = current;
  }
  return previous[to.length] as number;
}

/** The known name a misspelt one most likely meant (one or two edits away, or a start of it), if any. */
export function nearMiss(name: string, names: readonly string[]): string | undefined {
  const ranked = names
    .map((known) => ({ known, distance: known.startsWith(name) ? 1 : editDistance(name, known) }))
    .filter(({ distance }) => distance <= 2 && name.length >= 2)
    .sort((a, b) => a.distance - b.distance);
  return ranked[0]?.known;
}
