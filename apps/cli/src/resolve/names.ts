/** Names compared as people type them: any case, accents optional, spaces collapsed. */
export const normalizeName = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** "A, B, C and 4 more": enough choices to pick from without flooding the line. */
export function listChoices(choices: readonly string[], shown = 8): string {
  const listed = choices.slice(0, shown).join('; ');
  return choices.length > shown ? `${listed}; and ${choices.length - shown} more` : listed;
}
