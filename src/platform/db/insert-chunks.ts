// PostgreSQL's wire protocol counts the parameters of one statement in 16 bits: an INSERT of more than 65,535
// values fails ("bind message has 204 parameter formats but 0 parameters": the count wrapped), and PGlite's
// protocol parser reads the count as signed, failing above 32,767. Any insert of a list whose length the data
// decides (matches of a file seen in many cases, frames of a long video) goes through here in chunks that stay
// under both limits, in the caller's transaction.
export const MAX_BIND_PARAMETERS = 32_767;

/** Splits rows so that no chunk carries more than `maxParameters` values (columns = union of the rows' keys). */
export function insertChunks<R extends object>(rows: readonly R[], maxParameters = MAX_BIND_PARAMETERS): R[][] {
  if (!rows.length) return [];
  const columns = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) columns.add(k);
  const perChunk = Math.max(1, Math.floor(maxParameters / Math.max(1, columns.size)));
  const chunks: R[][] = [];
  for (let i = 0; i < rows.length; i += perChunk) chunks.push(rows.slice(i, i + perChunk));
  return chunks;
}

/** Runs `insert` once per chunk, one after another (same transaction, same order). */
export async function insertInChunks<R extends object>(rows: readonly R[], insert: (chunk: R[]) => Promise<unknown>, maxParameters = MAX_BIND_PARAMETERS): Promise<void> {
  for (const chunk of insertChunks(rows, maxParameters)) await insert(chunk);
}
