// Binary PPM frames ("P6 W H 255", one whitespace byte, then W*H*3 bytes of RGB24) read straight into the frame
// buffer: the reader hands out the memory the next read must fill (a few header bytes, then the rest of the
// frame), and is told how many bytes arrived. With a socket reading into a buffer it is given (net.Socket's
// `onread`, frames.ts) there is no fresh 64 KiB buffer per read and no copy (issue 14 §4: at 320x240 that was most
// of the CPU Node spent per frame).

/** The shortest complete PPM header; \s after maxval is the one byte before the pixels. */
const HEADER = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/;
/** What a header may look like before it is complete ("", "P", "P6 ", "P6 320 24", ...). */
const HEADER_PREFIX = /^(P(6(\s+(\d+(\s+(\d+(\s+\d*)?)?)?)?)?)?)?$/;
const HEAD_MAX = 64;

export class PpmFormatError extends Error {
  override readonly name = 'PpmFormatError';
}

export interface PpmFrame {
  width: number;
  height: number;
  pixels: Buffer;
}

export class PpmReader {
  private readonly head = Buffer.alloc(HEAD_MAX);
  private headLen = 0;
  /** The frame being filled (undefined while a header is read). */
  private frame: Buffer | undefined;
  private spare: Buffer | undefined;
  private filled = 0;
  private width = 0;
  private height = 0;

  /** reuse: hand out the same pixel buffer again for the next frame of the same size. */
  constructor(private readonly reuse: boolean) {}

  /** The memory the next read must write into (never empty). */
  target(): Buffer {
    return this.frame ? this.frame.subarray(this.filled) : this.head.subarray(this.headLen);
  }

  /** `n` bytes were written at the start of target(). */
  wrote(n: number): void {
    if (this.frame) this.filled += n;
    else this.headLen += n;
  }

  /**
   * The next complete frame from the bytes written so far, or null. Call it until null: a read into the header
   * space may bring a whole small frame and the start of the next. When reusing buffers, the caller must be done
   * with a frame before asking for the next. Throws PpmFormatError on anything but a P6 frame with maxval 255.
   */
  take(): PpmFrame | null {
    for (;;) {
      if (this.frame) return this.filled === this.frame.length ? this.complete() : null;
      const text = this.head.toString('latin1', 0, this.headLen);
      const m = HEADER.exec(text);
      if (!m) {
        if (this.headLen >= HEAD_MAX || !HEADER_PREFIX.test(text)) throw new PpmFormatError('not a binary PPM frame');
        return null;
      }
      if (m[3] !== '255') throw new PpmFormatError(`PPM maxval ${m[3]}, expected 255`);
      this.width = Number(m[1]);
      this.height = Number(m[2]);
      const bytes = this.width * this.height * 3;
      const frame = this.reuse && this.spare?.length === bytes ? this.spare : Buffer.allocUnsafe(bytes);
      // Pixel bytes that came with the header; what is left after a small frame stays for the next header.
      const at = m[0].length;
      const used = Math.min(this.headLen - at, bytes);
      this.head.copy(frame, 0, at, at + used);
      this.head.copy(this.head, 0, at + used, this.headLen);
      this.headLen -= at + used;
      if (bytes === 0) continue;
      this.frame = frame;
      this.filled = used;
    }
  }

  /** Whether the output stopped inside a header or a frame. */
  partial(): boolean {
    return this.headLen !== 0 || this.frame !== undefined;
  }

  private complete(): PpmFrame {
    const pixels = this.frame!;
    this.frame = undefined;
    this.filled = 0;
    if (this.reuse) this.spare = pixels;
    return { width: this.width, height: this.height, pixels };
  }
}
