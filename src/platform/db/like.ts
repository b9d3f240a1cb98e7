/** Escapes LIKE wildcards (% _ \) so user text is matched literally. */
export const escapeLike = (s: string): string => s.replace(/[%_\\]/g, '\\$&');
