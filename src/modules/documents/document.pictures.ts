import { PDQ_MIN_QUALITY } from '../media/match-settings.ts';
import { defaultImageDecoder, type ImageDecoder } from '../../pdq/sandbox/decoder-pool.ts';
import { knownPdqNear, type KnownPdqHit } from '../hashsets/known-index.ts';
import type { Db } from '../../platform/db/database.ts';

// The perceptual side of "not a place for seized media": a picture uploaded as a document (or a JPEG embedded in
// a PDF) is hashed with PDQ in the sandboxed decoder (src/pdq) and compared with the hash sets' PDQ hashes at the
// radius media ingest uses (match-settings.ts). A picture of too low quality to hash meaningfully, or one the
// decoder cannot read, is not compared (its exact digests already were); the caller records that it was not.

/** At most this many pictures of one PDF are hashed (a scanned paper has a few; more is not a document). */
export const MAX_PDF_PICTURES = 64;

/**
 * The JPEG pictures a PDF carries as they are (image streams with the DCTDecode filter hold a JPEG file
 * unchanged): every `stream` whose data begins with a JPEG start marker, up to its `endstream`. Pictures stored
 * deflated or as raw samples are not found here.
 */
export function pdfJpegStreams(pdf: Buffer, max = MAX_PDF_PICTURES): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  while (out.length < max) {
    const s = pdf.indexOf('stream', at, 'latin1');
    if (s < 0) break;
    at = s + 6;
    // `endstream` also contains "stream"; a stream keyword is followed by CRLF or LF.
    if (s >= 3 && pdf.toString('latin1', s - 3, s) === 'end') continue;
    let data = at;
    if (pdf[data] === 0x0d) data++;
    if (pdf[data] !== 0x0a) continue;
    data++;
    if (pdf[data] !== 0xff || pdf[data + 1] !== 0xd8 || pdf[data + 2] !== 0xff) continue;
    const end = pdf.indexOf('endstream', data, 'latin1');
    if (end < 0) break;
    let last = end;
    // The end-of-line before `endstream` is not part of the data.
    if (pdf[last - 1] === 0x0a) last--;
    if (pdf[last - 1] === 0x0d) last--;
    out.push(pdf.subarray(data, last));
    at = end + 9;
  }
  return out;
}

export interface PictureCheck {
  /** Pictures compared with the hash sets. */
  compared: number;
  /** Pictures not compared, and why (low quality, unreadable). */
  skipped: string[];
  /** Hash-set entries within the radius, nearest first. */
  matches: KnownPdqHit[];
}

/** PDQ near-matches of the pictures in a document (the picture itself, or the JPEGs inside a PDF). */
export async function checkDocumentPictures(db: Db, bytes: Buffer, mediaType: string, decoder: ImageDecoder = defaultImageDecoder()): Promise<PictureCheck | null> {
  const pictures = mediaType.startsWith('image/') ? [bytes] : mediaType === 'application/pdf' ? pdfJpegStreams(bytes) : [];
  if (!pictures.length) return null;
  const hashes: string[] = [];
  const skipped: string[] = [];
  for (const p of pictures) {
    try {
      const h = await decoder.hash(p);
      if (h.quality < PDQ_MIN_QUALITY) skipped.push(`quality ${h.quality} below ${PDQ_MIN_QUALITY}`);
      else hashes.push(h.hash);
    } catch (err) {
      skipped.push(`not decoded: ${err instanceof Error ? err.message.slice(0, 200) : String(err)}`);
    }
  }
  const near = hashes.length ? await knownPdqNear(db, db, hashes) : new Map<number, KnownPdqHit[]>();
  const matches = [...near.values()].flat().sort((a, b) => a.distance - b.distance || a.id - b.id);
  return { compared: hashes.length, skipped, matches };
}
