/**
 * The three real AWS SDK clients, built once per gateway. Pointed at the embedded emulator they get
 * its endpoint and throw-away credentials; pointed at AWS they use the SDK's default credential
 * chain and region, and the SDK itself honours `AWS_ENDPOINT_URL` / `AWS_ENDPOINT_URL_<SERVICE>`.
 * Danger: retries are the SDK's (standard mode, `maxAttempts`); never add a retry loop around them.
 */
import { KendraClient, type KendraClientConfig } from '@aws-sdk/client-kendra';
import { QBusinessClient } from '@aws-sdk/client-qbusiness';
import { QConnectClient } from '@aws-sdk/client-qconnect';

/** The three SDK clients, one per service. */
export interface AwsClients {
  kendra: KendraClient;
  qbusiness: QBusinessClient;
  qconnect: QConnectClient;
}

export interface ClientOptions {
  /** An emulator URL; undefined = real AWS (or whatever AWS_ENDPOINT_URL* says). */
  endpoint?: string;
  region?: string;
  /** SDK attempts per call, retries included (SDK default 3). */
  maxAttempts?: number;
  /** Overrides both the emulator's throw-away keys and the SDK's default chain. */
  credentials?: KendraClientConfig['credentials'];
}

/** Builds the three clients (see the module header). */
export function createAwsClients(options: ClientOptions = {}): AwsClients {
  const common = {
    ...(options.region ? { region: options.region } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    ...(options.endpoint
      ? {
          endpoint: options.endpoint,
          credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' },
        }
      : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
  return {
    kendra: new KendraClient(common),
    qbusiness: new QBusinessClient(common),
    qconnect: new QConnectClient(common),
  };
}

/** Ends the clients' sockets. */
export function destroyAwsClients(clients: AwsClients): void {
  clients.kendra.destroy();
  clients.qbusiness.destroy();
  clients.qconnect.destroy();
}
