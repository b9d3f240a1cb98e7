// What `amaan serve` and `amaan ingest` say at start about the decoders of seized media: the sandbox they
// run in (loudly when there is none in production) and whether videos can be hashed (ffmpeg found).
import { primeVideoTools, resolveVideoTools } from '../vpdq/ffmpeg-path.ts';
import { isolationReport, primeDecoderIsolation } from './sandbox.ts';

export interface DecoderLine { level: 'info' | 'warn' | 'error'; message: string }

export function decoderStartupReport(production: boolean, env: NodeJS.ProcessEnv = process.env): DecoderLine[] {
  const lines: DecoderLine[] = [isolationReport(production, env)];
  try {
    const tools = resolveVideoTools(env);
    lines.push({ level: 'info', message: `video hashing uses ${tools.ffmpeg}${tools.version ? ` (ffmpeg ${tools.version.join('.')})` : ''}${tools.ffprobe ? ` and ${tools.ffprobe}` : ''}` });
  } catch (err) {
    lines.push({ level: 'warn', message: `${(err as Error).message}; videos get digests only and are reported as not hashed` });
  }
  return lines;
}

/** decoderStartupReport() with its two checks (a sandboxed `true`, `ffmpeg -version`) run without blocking the thread. */
export async function decoderStartupReportAsync(production: boolean, env: NodeJS.ProcessEnv = process.env): Promise<DecoderLine[]> {
  await Promise.all([primeDecoderIsolation(env), primeVideoTools(env)]);
  return decoderStartupReport(production, env);
}

/** The lines as the CLI prints them on stderr (the info lines only when `verbose`). */
export function printDecoderReport(lines: DecoderLine[], out: NodeJS.WritableStream, verbose: boolean): void {
  for (const l of lines) {
    if (l.level === 'info' && !verbose) continue;
    out.write(`amaan: ${l.level === 'error' ? 'ERROR' : l.level === 'warn' ? 'warning' : 'info'}: ${l.message}\n`);
  }
}
