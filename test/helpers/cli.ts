/** Runs `npm start`'s program (src/server/cli.ts) as a child process and reads its output. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export interface CliRun {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Starts the CLI with exactly `env` (plus PATH), so no setting of the test's machine leaks in. */
export function runCli(args: string[], env: Record<string, string>): CliRun {
  const child = spawn(TSX, ['src/server/cli.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * An environment where the AWS SDK finds nothing by itself: no AWS_* variables, HOME an empty
 * directory (no ~/.aws), and the instance metadata service disabled (no probing of the network).
 */
export function bareAwsEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    HOME: mkdtempSync(join(tmpdir(), 'sjg-home-')),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

/** Resolves with the first match of `pattern` in the output (polling it; the child may be slow). */
export async function waitForOutput(
  run: CliRun,
  pattern: RegExp,
  ms = 20_000,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const match = run.output().match(pattern);
    if (match) return match;
    if (run.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${pattern} in the output:\n${run.output()}`);
}
