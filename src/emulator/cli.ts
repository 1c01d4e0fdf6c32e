/**
 * `npm run emulator -- --port 4566 [--fixture file.json] [--demo] [--seed N] [--scale N]
 * [--token-mode keyset|offset] [--token-ttl s] [--job-duration s] [--latency ms] [--host h]
 * [--quiet]`: starts the emulator, prints its URL and the `AWS_ENDPOINT_URL` line to export, and
 * runs until SIGINT/SIGTERM.
 *
 * Danger: a bad flag must stop here with the usage text (exit 2) rather than start an emulator
 * that silently ignores what the user asked for.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { ControlError, startEmulator, type EmulatorOptions } from './index';

const USAGE = `Usage: npm run emulator -- [options]

  --port <n>                 port to listen on (default 4566; 0 picks a free one)
  --host <addr>              address to bind (default 127.0.0.1)
  --fixture <file>           load this fixture (JSON, or YAML for .yaml/.yml)
  --demo                     load the generated demo data
  --seed <n>                 demo data set (implies --demo)
  --scale <n>                exactly n jobs per data source and knowledge base (implies --demo)
  --token-mode keyset|offset how page tokens continue (default keyset)
  --token-ttl <seconds>      page token lifetime (default 3600)
  --job-duration <seconds>   how long a started sync job runs (default 60)
  --latency <ms>             latency added to every service request (default 0)
  --quiet                    no log line per request
  --help                     this text
`;

class UsageError extends Error {}

function number(name: string, value: string | undefined, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (
    value.trim() === '' ||
    !Number.isFinite(parsed) ||
    parsed < 0 ||
    (integer && !Number.isInteger(parsed))
  ) {
    throw new UsageError(
      `--${name} expects a${integer ? 'n integer' : ' number'} >= 0, got "${value}"`,
    );
  }
  return parsed;
}

function readFixture(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--fixture: cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return /\.ya?ml$/i.test(path) ? YAML.parse(text) : JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `--fixture: ${path} is not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ` +
        `${(error as Error).message}`,
    );
  }
}

/** Parses the command line into emulator options; throws `UsageError`. */
function parseOptions(argv: string[]): EmulatorOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        fixture: { type: 'string' },
        demo: { type: 'boolean' },
        seed: { type: 'string' },
        scale: { type: 'string' },
        'token-mode': { type: 'string' },
        'token-ttl': { type: 'string' },
        'job-duration': { type: 'string' },
        latency: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const tokenMode = values['token-mode'];
  if (tokenMode !== undefined && tokenMode !== 'keyset' && tokenMode !== 'offset') {
    throw new UsageError(`--token-mode expects keyset or offset, got "${tokenMode}"`);
  }
  const port = number('port', values.port, true) ?? 4566;
  if (port > 65535) throw new UsageError(`--port expects 0..65535, got ${port}`);
  const seed = number('seed', values.seed, true);
  const scale = number('scale', values.scale, true);
  const demo = values.demo || seed !== undefined || scale !== undefined;
  if (demo && values.fixture !== undefined)
    throw new UsageError('--fixture cannot be combined with --demo, --seed or --scale');
  return {
    port,
    host: values.host ?? '127.0.0.1',
    fixture:
      values.fixture === undefined
        ? undefined
        : (readFixture(values.fixture) as EmulatorOptions['fixture']),
    demo: demo ? { seed, scale } : undefined,
    tokenMode,
    tokenTtlSeconds: number('token-ttl', values['token-ttl']),
    jobDurationSeconds: number('job-duration', values['job-duration']),
    latencyMs: number('latency', values.latency),
    log: !values.quiet,
  };
}

async function main(): Promise<void> {
  let options: EmulatorOptions | 'help';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  let emulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    const reason =
      error instanceof ControlError ? error.message : ((error as Error)?.message ?? String(error));
    process.stderr.write(`The emulator did not start: ${reason}\n`);
    process.exit(1);
  }
  process.stdout.write(
    'AWS emulator (Kendra, Amazon Q Business, Amazon Q in Connect; HTTP/1.1 and h2c) ' +
      `listening on ${emulator.url}\n` +
      `Point the AWS SDK or CLI at it:\n  export AWS_ENDPOINT_URL=${emulator.url}\n` +
      `Control API: ${emulator.url}/_emulator/{state,jobs,stats,faults,health}\n`,
  );
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
