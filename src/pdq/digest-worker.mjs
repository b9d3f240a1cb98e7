// Worker thread: MD5, SHA-1 and SHA-256 of one file in a single streamed read. Plain JavaScript so it
// loads without a TypeScript loader in the worker.
import { parentPort } from 'node:worker_threads';
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';

parentPort.on('message', async ({ id, path }) => {
  try {
    const md5 = createHash('md5');
    const sha1 = createHash('sha1');
    const sha256 = createHash('sha256');
    let size = 0;
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      md5.update(chunk);
      sha1.update(chunk);
      sha256.update(chunk);
      size += chunk.length;
    }
    parentPort.postMessage({ id, size, md5: md5.digest('hex'), sha1: sha1.digest('hex'), sha256: sha256.digest('hex') });
  } catch (err) {
    parentPort.postMessage({ id, error: err?.code ?? String(err?.message ?? err) });
  }
});
