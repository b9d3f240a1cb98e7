import { open } from 'node:fs/promises';
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';

// What a document may be, decided from its bytes (never from its name or the type the browser claimed):
// PDF, pictures, plain text and office documents. Anything else (programs, archives, HTML, SVG, scripts,
// legacy OLE files, which an installer shares its container with) is refused.

export const allowedMediaTypes: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/tiff',
  'image/bmp',
  'image/heic',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'text/plain',
]);

/** Markup and scripts a browser or shell would run, recognised at the start of a text file. */
const ACTIVE_TEXT = /^(?:\uFEFF)?\s*(?:<!doctype\s+html|<html|<head|<body|<script|<svg|<\?xml|<iframe|<object|<embed|<meta|<!--|#!|<%|<\?php)/i;

/**
 * Plain text: valid UTF-8, no NUL or other binary control characters, and
 * not markup or a script at its start.
 */
export function plainTextVerdict(head: Buffer): 'text' | 'active' | 'binary' {
  if (head.length === 0) return 'binary';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(trimPartialUtf8(head));
  } catch {
    return 'binary';
  }
  if (/[\u0000-\u0008\u000E-\u001A\u001C-\u001F\u007F]/.test(text)) return 'binary';
  return ACTIVE_TEXT.test(text) ? 'active' : 'text';
}

/** The head of a file may end inside a UTF-8 sequence: drop an incomplete last character. */
function trimPartialUtf8(buf: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? buf.subarray(0, buf.length - back) : buf;
  }
  return buf;
}

export type ContentVerdict = { ok: true; mediaType: string } | { ok: false; detected: string };

/** Detects the type of the file at `path` from its content and says whether a document may be of that type. */
export async function checkDocumentContent(path: string): Promise<ContentVerdict> {
  const detected = await fileTypeFromFile(path);
  if (detected) return allowedMediaTypes.has(detected.mime) ? { ok: true, mediaType: detected.mime } : { ok: false, detected: detected.mime };
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const verdict = plainTextVerdict(buf.subarray(0, bytesRead));
    if (verdict === 'text') return { ok: true, mediaType: 'text/plain' };
    return { ok: false, detected: verdict === 'active' ? 'text/html-or-script' : 'application/octet-stream' };
  } finally {
    await handle.close();
  }
}

/** The same decision for bytes in memory (documents arriving in a case bundle). */
export async function checkDocumentBytes(bytes: Uint8Array): Promise<ContentVerdict> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return allowedMediaTypes.has(detected.mime) ? { ok: true, mediaType: detected.mime } : { ok: false, detected: detected.mime };
  const verdict = plainTextVerdict(Buffer.from(bytes.subarray(0, 64 * 1024)));
  return verdict === 'text' ? { ok: true, mediaType: 'text/plain' } : { ok: false, detected: verdict === 'active' ? 'text/html-or-script' : 'application/octet-stream' };
}
