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

/**
 * Resolves with the first match of `pattern` in the output, checked again on every chunk the child
 * writes; rejects when the child exits without it, or after `ms` (the child may be slow).
 */
export function waitForOutput(
  run: Pick<CliRun, 'child' | 'output' | 'exited'>,
  pattern: RegExp,
  ms = 20_000,
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const streams = [run.child.stdout!, run.child.stderr!];
    let settled = false;
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      for (const stream of streams) stream.off('data', check);
      settled = true;
      settle();
    };
    const fail = (why: string) =>
      finish(() => reject(new Error(`no ${pattern} in the output (${why}):\n${run.output()}`)));
    // The helper's own listener was added first, so `output()` already holds the chunk here.
    const check = () => {
      const match = run.output().match(pattern);
      if (match) finish(() => resolve(match));
    };
    const timer = setTimeout(() => fail(`not within ${ms} ms`), ms);
    for (const stream of streams) stream.on('data', check);
    void run.exited.then(() => {
      if (!settled) check();
      if (!settled) fail('the process exited');
    });
    check();
  });
}
