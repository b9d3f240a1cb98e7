// Architecture rules that need to know where an import really points (relative paths resolved against
// the importing file), which ESLint's no-restricted-imports cannot do.
import { dirname, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const rel = (p) => relative(root, p).split('\\').join('/');

/** What the web app may take from the server side: schemas and pure rules, and types. */
const webMayImport = [
  /^src\/modules\/[^/]+\/[^/]+\.(schema|lifecycle|rules|formats)\.ts$/,
  /^src\/modules\/persons\/countries\.ts$/,
  /^src\/platform\/[^/]+\/[^/]+\.schema\.ts$/,
  /^src\/platform\/access\/permissions\.ts$/,
  /^src\/platform\/text\/visible-text\.ts$/,
  /^src\/platform\/http\/schema-kit\.ts$/,
  /^src\/modules\/[^/]+\/[^/]+\.lifecycle\.ts$/,
];
/** Packages those shared files may use: they are bundled into the browser. */
const sharedMayUsePackages = new Set(['zod']);
const isShared = (path) => webMayImport.some((re) => re.test(path));

const importZones = {
  meta: {
    type: 'problem',
    docs: { description: 'Which folder may import which (docs/architecture.md)' },
    schema: [],
  },
  create(context) {
    const file = rel(context.filename);
    const check = (node, source, typeOnly) => {
      if (typeof source !== 'string') return;
      if (!source.startsWith('.')) {
        const pkg = source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0];
        if (isShared(file) && !typeOnly && !sharedMayUsePackages.has(pkg)) {
          context.report({ node, message: `${file} is shared with the web app: it may use only ${[...sharedMayUsePackages].join(', ')}, not ${source}.` });
        }
        return;
      }
      const target = rel(resolve(dirname(context.filename), source));
      const report = (message) => context.report({ node, message });
      if (file.startsWith('src/web/') && !target.startsWith('src/web/') && target.startsWith('src/')) {
        if (!typeOnly && !webMayImport.some((re) => re.test(target))) {
          report(`The web app reaches the server through the API; it may share only schemas and pure rules (*.schema.ts, *.lifecycle.ts, *.rules.ts, *.formats.ts) and types, not ${target}.`);
        }
      }
      // What the web app shares must itself share only what the web app may have, or server code (argon2,
      // node:crypto, the database) is pulled into the browser bundle through it.
      if (isShared(file) && !typeOnly && target.startsWith('src/') && !isShared(target)) {
        report(`${file} is shared with the web app, so it may import only other shared files (schemas, pure rules), not ${target}.`);
      }
      if (file.startsWith('src/pdq/') && target.startsWith('src/') && !target.startsWith('src/pdq/')) {
        report(`src/pdq (hashing, matching) depends on nothing of the server, not ${target}.`);
      }
      if (!file.startsWith('src/web/') && target.startsWith('src/web/')) report('Server code never imports the web app.');
      if (/\.routes\.ts$/.test(file) && target.startsWith('src/platform/db/')) report('Routes are a thin HTTP layer: SQL belongs in the service.');
    };
    return {
      ImportDeclaration(node) {
        check(node, node.source.value, node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type')));
        // The trail is written through inTransaction/auditRead, which add the actor and credential.
        if (!file.startsWith('src/platform/') && !file.endsWith('.test.ts') && typeof node.source.value === 'string' && node.source.value.endsWith('/audit/audit.ts')) {
          for (const s of node.specifiers) {
            if (s.type === 'ImportSpecifier' && s.imported.name === 'appendAudit') {
              context.report({ node: s, message: 'Write the trail through inTransaction/auditRead (src/platform/context.ts), never appendAudit by hand.' });
            }
          }
        }
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value, false);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value, node.exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, node.exportKind === 'type');
      },
    };
  },
};

export default { rules: { 'import-zones': importZones } };
