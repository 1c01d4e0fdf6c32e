/** A pino destination that keeps every log line, parsed, for tests that read the gateway's logs. */
import type { DestinationStream } from 'pino';

export interface LogCapture {
  destination: DestinationStream;
  lines(): Record<string, any>[];
  /** The raw text of every line, for "never contains" checks. */
  text(): string;
}

export function captureLogs(): LogCapture {
  const raw: string[] = [];
  return {
    destination: { write: (line: string) => void raw.push(line) },
    lines: () => raw.map((line) => JSON.parse(line)),
    text: () => raw.join(''),
  };
}
