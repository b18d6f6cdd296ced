/** Escapes LIKE wildcards so user text matches literally (`%` and `_` are ordinary characters). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);
