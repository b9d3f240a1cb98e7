import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const key = (n: number) => Buffer.alloc(32, n).toString('base64');

describe('AMAAN_DATA_KEYS_PREVIOUS', () => {
  it('is empty when unset', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).previousDataKeys).toEqual([]);
  });

  it('reads a comma-separated list of base64 keys, spaces and empty items ignored', () => {
    const c = loadConfig({ NODE_ENV: 'test', AMAAN_DATA_KEY: key(1), AMAAN_DATA_KEYS_PREVIOUS: ` ${key(2)}, ${key(3)},` });
    expect(c.previousDataKeys).toEqual([key(2), key(3)]);
  });

  it('names the bad key by position and never echoes it', () => {
    const bad = Buffer.alloc(16, 9).toString('base64');
    let err: unknown;
    try {
      loadConfig({ NODE_ENV: 'test', AMAAN_DATA_KEY: key(1), AMAAN_DATA_KEYS_PREVIOUS: `${key(2)},${bad},not base64!` });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).toContain('AMAAN_DATA_KEYS_PREVIOUS: key 2 must be 32 bytes');
    expect(msg).toContain('AMAAN_DATA_KEYS_PREVIOUS: key 3 must be 32 bytes');
    expect(msg).not.toContain(bad);
    expect(msg).not.toContain(key(2));
  });

  it('needs AMAAN_DATA_KEY as the new current key', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', AMAAN_DATA_KEYS_PREVIOUS: key(2) })).toThrow(/AMAAN_DATA_KEYS_PREVIOUS needs AMAAN_DATA_KEY/);
  });
});

describe('AMAAN_SANDBOX, AMAAN_FFMPEG, AMAAN_FFPROBE', () => {
  it('default to auto and PATH; a bad sandbox setting stops the start with the variable named', () => {
    expect(loadConfig({})).toMatchObject({ sandbox: 'auto', ffmpegPath: undefined, ffprobePath: undefined });
    expect(loadConfig({ AMAAN_SANDBOX: 'bwrap', AMAAN_FFMPEG: '/opt/ffmpeg/bin/ffmpeg' })).toMatchObject({ sandbox: 'bwrap', ffmpegPath: '/opt/ffmpeg/bin/ffmpeg' });
    expect(() => loadConfig({ AMAAN_SANDBOX: 'off' })).toThrow(/AMAAN_SANDBOX must be auto, bwrap or none/);
  });
});

describe('audit trail configuration', () => {
  it('takes a 32-byte audit key, a checkpoint file outside the data folder, and a migration URL only beside DATABASE_URL', () => {
    const good = Buffer.alloc(32, 9).toString('base64');
    expect(loadConfig({ NODE_ENV: 'test', AMAAN_AUDIT_KEY: good, AMAAN_AUDIT_CHECKPOINTS: '/srv/amaan-audit/checkpoints.jsonl' })).toMatchObject({ auditKey: good, auditCheckpoints: '/srv/amaan-audit/checkpoints.jsonl' });
    expect(() => loadConfig({ NODE_ENV: 'test', AMAAN_AUDIT_KEY: 'c2hvcnQ=' })).toThrow(/AMAAN_AUDIT_KEY must be 32 bytes/);
    expect(() => loadConfig({ NODE_ENV: 'test', AMAAN_DATA_DIR: '/srv/data', AMAAN_AUDIT_CHECKPOINTS: '/srv/data/cp.jsonl' })).toThrow(/AMAAN_AUDIT_CHECKPOINTS must be outside/);
    expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_MIGRATION_URL: 'postgres://owner@db/amaan' })).toThrow(/DATABASE_MIGRATION_URL needs DATABASE_URL/);
  });
});

describe('production needs its keys from the environment', () => {
  it('refuses to start in production without AMAAN_DATA_KEY, listed with the other problems', () => {
    let err: unknown;
    try {
      loadConfig({ NODE_ENV: 'production', PORT: 'x' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).toContain('AMAAN_DATA_KEY is required in production');
    expect(msg).toContain('PORT must be an integer');
  });

  it('starts in production with AMAAN_DATA_KEY, and in development without it', () => {
    expect(loadConfig({ NODE_ENV: 'production', AMAAN_DATA_KEY: key(1) }).dataKey).toBe(key(1));
    expect(loadConfig({ NODE_ENV: 'development' }).dataKey).toBeUndefined();
  });

  it('checks AMAAN_SIGNING_KEY is an Ed25519 private key without echoing it', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', AMAAN_SIGNING_KEY: 'bm90IGEga2V5' })).toThrow(/AMAAN_SIGNING_KEY must be an Ed25519 private key/);
    try {
      loadConfig({ NODE_ENV: 'test', AMAAN_SIGNING_KEY: 'bm90IGEga2V5' });
    } catch (e) {
      expect((e as Error).message).not.toContain('bm90IGEga2V5');
    }
  });
});
