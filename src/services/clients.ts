/**
 * The three real AWS SDK clients, built once per gateway. Pointed at the embedded emulator they get
 * its endpoint and throw-away credentials; pointed at AWS they use the SDK's default credential
 * chain and region, and the SDK itself honours `AWS_ENDPOINT_URL` / `AWS_ENDPOINT_URL_<SERVICE>`.
 * Danger: retries are the SDK's (standard mode, `maxAttempts`); never add a retry loop around them.
 */
import { KendraClient, type KendraClientConfig } from '@aws-sdk/client-kendra';
import { QBusinessClient } from '@aws-sdk/client-qbusiness';
import { QConnectClient } from '@aws-sdk/client-qconnect';
import type { Service } from '../model/services';

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
  /**
   * Connections each client may hold open: its service's in-flight cap (the SDK's own default of
   * 50 would otherwise queue calls the cap lets through).
   */
  sockets?: Partial<Record<Service, number>>;
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
  const sockets = (service: Service) => {
    const maxSockets = options.sockets?.[service];
    return maxSockets === undefined
      ? {}
      : { requestHandler: { httpAgent: { maxSockets }, httpsAgent: { maxSockets } } };
  };
  return {
    kendra: new KendraClient({ ...common, ...sockets('KENDRA') }),
    qbusiness: new QBusinessClient({ ...common, ...sockets('QBUSINESS') }),
    qconnect: new QConnectClient({ ...common, ...sockets('QCONNECT') }),
  };
}

/** Ends the clients' sockets. */
export function destroyAwsClients(clients: AwsClients): void {
  clients.kendra.destroy();
  clients.qbusiness.destroy();
  clients.qconnect.destroy();
}
