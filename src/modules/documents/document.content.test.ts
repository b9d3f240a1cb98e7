import { describe, expect, it } from 'vitest';
import { checkDocumentBytes, plainTextVerdict } from './document.content.ts';

describe('document content rules', () => {
  it('takes UTF-8 text (Urdu included), refuses markup, scripts and binary', () => {
    expect(plainTextVerdict(Buffer.from('Statement of the complainant.\nبیان مدعی\n'))).toBe('text');
    expect(plainTextVerdict(Buffer.from('  <!doctype html><p>x</p>'))).toBe('active');
    expect(plainTextVerdict(Buffer.from('\uFEFF<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('active');
    expect(plainTextVerdict(Buffer.from('<?xml version="1.0"?><svg/>'))).toBe('active');
    expect(plainTextVerdict(Buffer.from('#!/usr/bin/env node\n'))).toBe('active');
    expect(plainTextVerdict(Buffer.from([0x41, 0x00, 0x42]))).toBe('binary');
    expect(plainTextVerdict(Buffer.from([0xff, 0xfe, 0x41]))).toBe('binary');
    expect(plainTextVerdict(Buffer.alloc(0))).toBe('binary');
  });

  it('keeps a head cut inside a multi-byte character as text', () => {
    const urdu = Buffer.from('بیان');
    expect(plainTextVerdict(urdu.subarray(0, urdu.length - 1))).toBe('text');
  });

  it('decides from the bytes: a PDF is a PDF, a program is refused whatever it is called', async () => {
    expect(await checkDocumentBytes(Buffer.from('%PDF-1.4\n%%EOF\n'))).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect((await checkDocumentBytes(Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]))).ok).toBe(false);
    expect((await checkDocumentBytes(Buffer.from('PK\u0003\u0004 plain zip'))).ok).toBe(false);
  });
});
