import type { TestProject } from 'vitest/node';
import { detectEngines } from './engines.ts';
import { buildTemplates } from './db-template.ts';

// Once per run, before any test file: the migrated, seeded databases every test app copies (db-template.ts).
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { postgresUrl } = await detectEngines();
  const templates = await buildTemplates(postgresUrl);
  project.provide('pgliteTemplateFile', templates.pgliteTemplateFile);
  project.provide('postgresTemplate', templates.postgresTemplate);
  return () => templates.remove();
}
