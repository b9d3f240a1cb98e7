import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Chart code is only needed by the dashboards; everything else loads with the first page or per feature.
const charts = /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor|@reduxjs|redux|redux-thunk|react-redux|immer|reselect|decimal\.js-light|internmap)[\\/]/;
const feature = /src[\\/]web[\\/]modules[\\/]([^\\/]+)[\\/]/;

/** Writes .br and .gz beside every text asset once, at build time, so the server sends them without work per request. */
function precompress(outDir: string): Plugin {
  return {
    name: 'amaan-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
      for (const file of walk(outDir).filter((f) => /\.(js|css|html|svg|json)$/.test(f))) {
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

// The web app: src/web is the root, the build lands in dist/web where the server serves it.
// No inline scripts anywhere, so the server's CSP (script-src 'self') holds.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  publicDir: false,
  plugins: [react(), precompress(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // A few chunks rather than dozens: over HTTP/1.1 a browser opens six connections per host, and a
        // screen that needs ten small files waits on the queue.
        codeSplitting: {
          groups: [
            // Libraries the first page needs (a group also takes its modules' dependencies, so this comes first).
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 4 },
            { name: 'charts', test: charts, priority: 3 },
            // The graph drawing (cytoscape and its layout) is only needed by the graph page.
            { name: 'graphlib', test: /node_modules[\\/](cytoscape|cytoscape-fcose|cose-base|layout-base)[\\/]/, priority: 3 },
            { name: 'libs', test: /node_modules[\\/]/, priority: 2 },
            { name: 'app', test: /src[\\/](web[\\/](app|ui|i18n)[\\/]|platform[\\/]|modules[\\/][^\\/]+[\\/][^\\/]+\.(schema|lifecycle|rules|formats)\.ts$|modules[\\/]persons[\\/]countries\.ts$)/, priority: 1 },
            // One chunk per feature folder, holding only that folder's files; the role homes stay apart, so
            // an investigator's home does not pull in the leadership charts.
            { name: (id) => (feature.exec(id)?.[1] === 'home' ? null : (feature.exec(id)?.[1] ?? null)), debugName: 'features', test: feature, priority: 0, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
