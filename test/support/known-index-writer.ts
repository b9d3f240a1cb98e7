// Writes a known-hash index file again and again (test/hashsets/known-index.test.ts runs two at once on one path).
// Each writer's files carry its seed in the last digit of the media id and in every hash byte.
import { writeIndexFile } from '../../src/modules/hashsets/known-index-file.ts';

const [file, seedArg, timesArg] = process.argv.slice(2);
const seed = Number(seedArg);
const installation = Buffer.alloc(32, 7);
for (let k = 0; k < Number(timesArg); k++) {
  const count = 20_000 + seed * 1000 + k;
  await writeIndexFile(file!, {
    count, lastMediaId: k * 10 + seed, installation,
    hashes: new Uint8Array(count * 32).fill(seed), ids: new Uint8Array(count * 4), owners: new Uint8Array(count * 4),
    ownerKinds: new Uint8Array(1), ownerIds: new Uint8Array(16),
  });
}
