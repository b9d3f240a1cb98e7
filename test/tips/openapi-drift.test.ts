import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { liveOpenApiDocument, OPENAPI_TYPES_FILE, openApiTypes } from '../support/openapi-generate.ts';

// The typed client the intake tests use (test/support/openapi-types.ts) is generated from the live document:
// when a route's schema changes and the file is not regenerated, this fails (`npm run openapi:types`).
describe('the typed client of the OpenAPI document', () => {
  it('is what the live /api/openapi.json gives', async () => {
    const committed = await readFile(OPENAPI_TYPES_FILE, 'utf8');
    const live = await openApiTypes(await liveOpenApiDocument());
    expect(live === committed, 'test/support/openapi-types.ts is stale: run `npm run openapi:types` and commit it').toBe(true);
  }, 120_000);
});
