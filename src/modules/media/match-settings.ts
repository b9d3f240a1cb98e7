// The perceptual-match settings every comparison with known material uses: media ingest, document uploads and
// tip triage agree on what "the same picture" means.

/** PDQ Hamming distance for a match (inclusive), out of 256 bits. */
export const DEFAULT_PDQ_THRESHOLD = 31;
/** PDQ quality below which an image is flagged, not matched (its hash says little about the picture). */
export const PDQ_MIN_QUALITY = 50;
