/**
 * The CLI's options, the README's configuration table and `.env.example` agree: every flag the
 * CLI's usage names has an environment variable, and both documents name every flag and variable.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Each flag of `npm start -- --help` with the first environment variable its entry names. */
function cliOptions(): Map<string, string | undefined> {
  const usage = execFileSync(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    ['src/server/cli.ts', '--help'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  const entries = usage.split(/\n(?= {2}--)/).filter((entry) => entry.startsWith('  --'));
  return new Map(
    entries
      .map(
        (entry) =>
          [
            /^ {2}--([a-z-]+)/.exec(entry)![1]!,
            /env\s+([A-Z][A-Z0-9_]*)/.exec(entry)?.[1],
          ] as const,
      )
      .filter(([flag]) => flag !== 'help'),
  );
}

function readmeRows(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('| option | env |');
  const table = readme.slice(start, readme.indexOf('\n\n', start));
  const rows = table
    .split('\n')
    .slice(2)
    .map((line) => line.split(/(?<!\\)\|/).map((cell) => cell.trim()));
  return new Map(
    rows.map(([, option, env]) => [
      /`--([a-z-]+)/.exec(option!)![1]!,
      /[A-Z][A-Z0-9_]*/.exec(env!)![0],
    ]),
  );
}

function envExample(): Set<string> {
  const text = readFileSync(join(ROOT, '.env.example'), 'utf8');
  return new Set([...text.matchAll(/^(?:# )?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
}

const cli = cliOptions();

it('gives every CLI flag an environment variable', () => {
  expect(cli.size).toBeGreaterThanOrEqual(40);
  expect([...cli].filter(([, env]) => env === undefined).map(([flag]) => flag)).toEqual([]);
});

it('names every flag in the README table, with the same variable', () => {
  const rows = readmeRows();
  expect([...rows.keys()].sort()).toEqual([...cli.keys()].sort());
  for (const [flag, env] of cli) expect(rows.get(flag)).toBe(env);
});

it('lists every variable in .env.example', () => {
  expect([...envExample()].sort()).toEqual([...new Set(cli.values())].sort());
});
