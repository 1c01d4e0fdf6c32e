/**
 * The start-up check of `--upstream aws`: resolve the region and the credentials the way the SDK
 * clients will (their own providers), and say what is missing and where the SDK looked. Danger:
 * the resolved credentials are secrets; only the fact that they resolved, and their source
 * variable names, may be reported.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AwsClients } from './clients';

type Env = Record<string, string | undefined>;

function sharedFiles(env: Env): { config: string; credentials: string; profile: string } {
  return {
    config: env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), '.aws', 'credentials'),
    profile: env.AWS_PROFILE ?? 'default',
  };
}

/** Where the SDK looks for a region, in its order. */
export function regionSearchPath(env: Env = process.env): string {
  const files = sharedFiles(env);
  return (
    `--region, the config file's region, AWS_REGION, ` +
    `or "region" of profile "${files.profile}" in ${files.config}`
  );
}

/** Where the SDK's default credential chain looks, in its order. */
export function credentialSearchPath(env: Env = process.env): string {
  const files = sharedFiles(env);
  const imds =
    env.AWS_EC2_METADATA_DISABLED === 'true' ? ' (disabled by AWS_EC2_METADATA_DISABLED)' : '';
  return [
    'AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY',
    `profile "${files.profile}" (SSO, static keys, role, credential_process) in ${files.credentials} and ${files.config}`,
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'the container endpoint (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI)',
    `the EC2 instance metadata service${imds}`,
  ].join(', ');
}

/**
 * What is missing from the gateway's AWS settings: an empty list when the region and the
 * credentials both resolve; otherwise one sentence per missing thing, naming where the SDK looked.
 */
export async function findAwsSettingsProblems(
  clients: AwsClients,
  env: Env = process.env,
): Promise<string[]> {
  const config = clients.kendra.config;
  const [region, credentials] = await Promise.allSettled([config.region(), config.credentials()]);
  const problems: string[] = [];
  if (region.status === 'rejected' || !region.value) {
    problems.push(`No AWS region: set one of ${regionSearchPath(env)}.`);
  }
  if (credentials.status === 'rejected') {
    const why = (credentials.reason as Error).message;
    problems.push(`No AWS credentials (${why}). The SDK looked in: ${credentialSearchPath(env)}.`);
  }
  return problems;
}
