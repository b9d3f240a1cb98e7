import openapiTS, { astToString } from 'openapi-typescript';
import { createTestApp } from './harness.ts';

// The typed client's types (test/support/openapi-types.ts) are generated from the app's own OpenAPI document
// (openapi-typescript), so a test written against them fails to compile when the server's shapes change, and
// test/tips/openapi-drift.test.ts fails when the committed file is not what the live document gives.
// Regenerate: `npm run openapi:types`.

export const OPENAPI_TYPES_FILE = new URL('./openapi-types.ts', import.meta.url);

const HEADER = `// Generated from the app's /api/openapi.json by openapi-typescript (test/support/openapi-generate.ts).
// Do not edit: run \`npm run openapi:types\` after changing a route's schema.
`;

/** The TypeScript types of an OpenAPI document, as committed. */
export async function openApiTypes(doc: object): Promise<string> {
  const ast = await openapiTS(doc as Parameters<typeof openapiTS>[0]);
  return `${HEADER}${astToString(ast)}`;
}

/** The live document of a fresh app (embedded engine). */
export async function liveOpenApiDocument(): Promise<object> {
  const t = await createTestApp('pglite');
  try {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    if (res.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${res.statusCode}`);
    return res.json() as object;
  } finally {
    await t.close();
  }
}

// `tsx test/support/openapi-generate.ts` writes the file.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(OPENAPI_TYPES_FILE, await openApiTypes(await liveOpenApiDocument()));
  process.stdout.write(`wrote ${OPENAPI_TYPES_FILE.pathname}\n`);
}
