// One linter for the whole code base, run by `npm test`. Beyond the usual correctness rules it holds the
// architecture, so a rule does not depend on anyone remembering it (docs/architecture.md):
//   - role decisions live in src/platform/access (permissions and need-to-know scopes), nowhere else;
//   - routes are a thin HTTP layer: no SQL in *.routes.ts;
//   - services know nothing of HTTP (no fastify in services);
//   - the trail is written only through inTransaction/auditRead (src/platform), never appended by hand;
//   - src/pdq (hashing, matching) depends on nothing of the server;
//   - the web app reaches the server only through the API, sharing schemas and pure rules, never services.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import architecture from './eslint/architecture.js';

const roleChecks = [
  {
    selector: "BinaryExpression[operator=/^[!=]==?$/] > MemberExpression.left[property.name='role'], BinaryExpression[operator=/^[!=]==?$/] > MemberExpression.right[property.name='role']",
    message: 'Role checks belong in src/platform/access (a permission or a scope), not here.',
  },
  {
    selector: "SwitchStatement > MemberExpression.discriminant[property.name='role']",
    message: 'Role checks belong in src/platform/access (a permission or a scope), not here.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', 'src/pdq/wasm/assembly/**', '**/*.wasm'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { amaan: architecture },
    rules: { 'amaan/import-zones': 'error' },
  },
  {
    files: ['src/modules/**/*.ts', 'src/cli/**/*.ts', 'src/demo/**/*.ts', 'src/platform/**/*.ts'],
    ignores: [
      'src/platform/access/**',
      // Rule files of a capability: its need-to-know predicates (*.scope.ts, read by the central registry in
      // src/platform/access/scopes.ts) and its tables of who may take which step (*.lifecycle.ts, *.rules.ts).
      'src/modules/**/*.scope.ts', 'src/modules/**/*.lifecycle.ts', 'src/modules/**/*.rules.ts',
      '**/*.test.ts',
      // A ratchet, not a licence: services that still decide by role inline. Each is to move its decision
      // into a permission or a rule file; new files get no entry here.
      'src/modules/admin/admin.service.ts', 'src/modules/bundles/bundle.service.ts', 'src/modules/cases/case.service.ts',
      'src/modules/evidence/evidence.service.ts', 'src/modules/staff/staff.service.ts', 'src/modules/stats/stats.service.ts',
      'src/modules/victims/victim.care.service.ts', 'src/modules/victims/victim.identity.ts', 'src/modules/victims/victim.service.ts',
      'src/platform/auth/auth.service.ts',
    ],
    rules: { 'no-restricted-syntax': ['error', ...roleChecks] },
  },
  {
    files: ['src/modules/**/*.routes.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'kysely', message: 'Routes are thin: SQL belongs in the service.' }] }] },
  },
  {
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/**/*.routes.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'fastify', message: 'Services know nothing of HTTP: take plain inputs, throw AppError.' }],
      }],
    },
  },
);
