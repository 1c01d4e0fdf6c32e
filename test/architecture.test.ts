/**
 * The house's drawing, checked: every import in `src/` points down the layers of STYLE.md, the
 * emulator imports nothing of the gateway, and no files import each other in a circle. A failure
 * names the file and the import that runs back up.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '..', 'src');

/** Lower rank = lower layer. A file may import its own layer or any lower one. */
const RANK: Record<string, number> = {
  errors: 0,
  model: 1,
  relay: 2,
  store: 3,
  services: 4,
  catalog: 5,
  request: 6,
  schema: 7, // generated resolver types: read by resolvers, reading the request context
  resolvers: 8,
  server: 9,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this candidate
    }
  }
  return undefined;
}

/** Relative imports of one file (static, `export ... from` and dynamic), resolved to files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g),
    ...text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g),
  ].map((match) => match[1]);
  return specifiers
    .map((specifier) => resolveImport(file, specifier))
    .filter((path): path is string => path !== undefined);
}

const layerOf = (file: string): string => relative(SRC, file).split('/')[0].replace(/\.ts$/, '');

const files = sourceFiles(SRC);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

test('every source file belongs to a known layer or the emulator', () => {
  const unknown = files.map(layerOf).filter((layer) => layer !== 'emulator' && !(layer in RANK));
  expect([...new Set(unknown)]).toEqual([]);
});

test('imports point down the layers only; the emulator imports nothing of the gateway', () => {
  const upward: string[] = [];
  for (const [file, imports] of graph) {
    const from = layerOf(file);
    for (const target of imports) {
      const to = layerOf(target);
      const allowed =
        from === 'emulator'
          ? to === 'emulator'
          : to === 'emulator'
            ? from === 'server'
            : RANK[to] <= RANK[from];
      if (!allowed) upward.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
    }
  }
  expect(upward).toEqual([]);
});

test('no files import each other in a circle', () => {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next)).concat(next);
        cycles.push(cycle.map((path) => relative(SRC, path)).join(' -> '));
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  expect(cycles).toEqual([]);
});
