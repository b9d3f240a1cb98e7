import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The API operations the web app calls, read from its source: every `api.get/post/put/patch/delete(path)`,
// `apiRequest('METHOD', path)`, `uploadWithProgress(path)` (POST) and `/api/v1...` link (GET, downloads).
// A path's `${...}` parts stand for route parameters; the query string is dropped.

export interface WebCall {
  method: string;
  /** The path with every parameter as `:_`, e.g. /cases/:_/warrants. */
  path: string;
  file: string;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The literal starting at `i` (quote or backtick), its text with `${...}` replaced by `:_`; null if none. */
function literalAt(src: string, i: number): string | null {
  const q = src[i];
  if (q !== "'" && q !== '"' && q !== '`') return null;
  let out = '';
  for (let j = i + 1; j < src.length; j++) {
    const c = src[j];
    if (c === q) return out;
    if (q === '`' && c === '$' && src[j + 1] === '{') {
      let depth = 1;
      let k = j + 2;
      let inner = '';
      for (; k < src.length && depth; k++) {
        if (src[k] === '{') depth++;
        else if (src[k] === '}') depth--;
        if (depth) inner += src[k];
      }
      // `${withQuery('/x', ...)}` inside a link: the inner literal is the path.
      const nested = /withQuery\(\s*([`'"])/.exec(inner);
      out += nested ? (literalAt(inner, nested.index + nested[0].length - 1) ?? ':_') : ':_';
      j = k - 1;
      continue;
    }
    out += c;
  }
  return null;
}

function skipGenerics(src: string, i: number): number {
  if (src[i] !== '<') return i;
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    if (src[j] === '<') depth++;
    else if (src[j] === '>' && src[j - 1] !== '=') depth--;
    if (depth === 0) return j + 1;
  }
  return i;
}

const clean = (p: string) => p.split('?')[0]!.replace(/\/+$/, '') || '/';

export function webCalls(root: string): WebCall[] {
  const calls: WebCall[] = [];
  for (const file of files(root)) {
    const src = readFileSync(file, 'utf8');
    const push = (method: string, raw: string | null) => { if (raw !== null && raw.startsWith('/')) calls.push({ method, path: clean(raw), file }); };
    for (const m of src.matchAll(/\bapi\.(get|post|put|patch|delete)\b/g)) {
      let i = skipGenerics(src, m.index + m[0].length);
      if (src[i] !== '(') continue;
      i++;
      while (/\s/.test(src[i]!)) i++;
      const wq = /^withQuery\(\s*/.exec(src.slice(i));
      if (wq) i += wq[0].length;
      push(m[1]!.toUpperCase(), literalAt(src, i));
    }
    for (const m of src.matchAll(/\bapiRequest(?:<[^(]*>)?\(\s*'(GET|POST|PUT|PATCH|DELETE)'\s*,\s*(withQuery\(\s*)?/g)) {
      push(m[1]!, literalAt(src, m.index + m[0].length));
    }
    for (const m of src.matchAll(/\buploadWithProgress(?:<[^(]*>)?\(\s*/g)) push('POST', literalAt(src, m.index + m[0].length));
    for (const m of src.matchAll(/([`'"])\/api\/v1/g)) {
      const lit = literalAt(src, m.index);
      if (lit) push('GET', lit.replace(/^\/api\/v1/, ''));
    }
  }
  return calls;
}

/** A route url (/cases/:id/persons/:personId) in the same form as a web call's path. */
export const routeShape = (url: string) => clean(url.replace(/^\/api\/v1/, '').replace(/:[A-Za-z_]+|\*/g, ':_'));
