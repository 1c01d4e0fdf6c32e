/**
 * The emulator's folders, checked against the layout its README draws: each folder imports only
 * its own files and the folders below it, so the protocols never reach for a handler and the
 * store never for the server. A failure names the file and the import that runs back up.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const EMULATOR = resolve(__dirname, '..', '..', 'src', 'emulator');

/** Lower rank = lower folder; the three services' handlers share a rank but not their files. */
const RANK: Record<string, number> = {
  'clock.ts': 0,
  fixture: 1,
  protocols: 2,
  tokens: 3,
  store: 4,
  faults: 5,
  kendra: 6,
  qbusiness: 6,
  qconnect: 6,
  control: 7,
  server: 8,
  'index.ts': 9,
  'cli.ts': 10,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  return (
    [`${base}.ts`, join(base, 'index.ts')].find((path) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    }) ?? base
  );
}

/** Relative imports of one file (static, `export ... from` and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g),
    ...text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g),
  ].map((match) => resolveImport(file, match[1]));
}

const folderOf = (file: string): string => relative(EMULATOR, file).split('/')[0];

test('every emulator file sits in a folder of the layout', () => {
  const files = sourceFiles(EMULATOR);
  const unplaced = files.map(folderOf).filter((folder) => !(folder in RANK));
  expect([...new Set(unplaced)]).toEqual([]);
});

test('emulator folders import only themselves and the folders below them', () => {
  const upward: string[] = [];
  for (const file of sourceFiles(EMULATOR)) {
    const from = folderOf(file);
    for (const target of importsOf(file)) {
      const to = folderOf(target);
      if (to !== from && !(RANK[to] < RANK[from])) {
        upward.push(`${relative(EMULATOR, file)} -> ${relative(EMULATOR, target)}`);
      }
    }
  }
  expect(upward).toEqual([]);
});
