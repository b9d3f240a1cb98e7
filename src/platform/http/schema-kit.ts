import { z } from 'zod';
import { fieldMessages } from './field-messages.schema.ts';

// Schema pieces shared by every capability's *.schema.ts, and so by the web app's forms: pure zod, no server
// code (eslint's import-zones rule keeps it that way, and the web build would fail otherwise).
// Every list pages the same way and answers the same shape.
export const uuidParam = z.strictObject({ id: z.uuid({ message: fieldMessages.uuid }) });
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}
/** Lists over national-size tables count their matches only up to COUNT_BOUND (docs/benchmarks.md, issue 13 §5). */
export const COUNT_BOUND = 10_000;
/** A page whose `total` is bounded: exact up to COUNT_BOUND matches, else COUNT_BOUND with `totalExact` false. */
export function boundedPageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().describe(`matching records you may see: exact when totalExact is true; otherwise there are more than this many (${COUNT_BOUND.toLocaleString('en-US')}), shown as "${COUNT_BOUND.toLocaleString('en-US')}+"`),
    totalExact: z.boolean().describe(`false when more than ${COUNT_BOUND.toLocaleString('en-US')} records match: counting further would read them all; narrow the search to get an exact total`),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}
export const okResponse = z.object({ ok: z.literal(true) });
export const isoDate = z.iso.datetime({ offset: true, message: fieldMessages.isoDate });
export const isoDay = z.iso.date({ message: fieldMessages.isoDay });
