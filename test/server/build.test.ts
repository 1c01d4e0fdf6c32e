/**
 * The production build: `npm run build` writes `dist/` with the schema files beside the code, and
 * `npm run start:prod` runs it with plain `node` (no tsx): it starts, answers a query, serves the
 * IDE and its assets, and stops on SIGTERM.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

it('builds dist/ and runs it once without tsx', async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.js')], { cwd: ROOT, stdio: 'pipe' });
  expect(existsSync(join(ROOT, 'dist', 'schema', 'jobs.graphql'))).toBe(true);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.scripts['start:prod']).toBe('exec node dist/src/server/cli.js');
  expect(pkg.dependencies.tsx).toBeUndefined();

  const env = { ...process.env, PORT: '0', NODE_OPTIONS: '' };
  const child = spawn(process.execPath, ['dist/src/server/cli.js'], { cwd: ROOT, env });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const onData = () => {
        const match = /ready at (http:\/\/localhost:\d+\/graphql)/.exec(output);
        if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
      };
      child.stdout.on('data', onData);
      child.on('exit', () => reject(new Error(`exited before it was ready:\n${output}`)));
    });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ kendraIndexes { nodes { name } } }' }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.kendraIndexes.nodes).toHaveLength(2);
    const page = await (await fetch(url, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('/ide/graphiql.min.js');
    expect((await fetch(url.replace('/graphql', '/ide/graphiql.min.js'))).status).toBe(200);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}, 180_000);
