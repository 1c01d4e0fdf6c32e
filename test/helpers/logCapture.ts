/** A pino destination that keeps every log line, parsed, for tests that read the gateway's logs. */
import type { DestinationStream } from 'pino';

export interface LogCapture {
  destination: DestinationStream;
  lines(): Record<string, any>[];
  /** The raw text of every line, for "never contains" checks. */
  text(): string;
  /** Resolves with the first line, written so far or later, that `matches`. */
  line(matches: (line: Record<string, any>) => boolean): Promise<Record<string, any>>;
}

export function captureLogs(): LogCapture {
  const raw: string[] = [];
  const waiting = new Set<(line: Record<string, any>) => void>();
  return {
    destination: {
      write(text: string) {
        raw.push(text);
        const line = JSON.parse(text);
        for (const notify of waiting) notify(line);
      },
    },
    lines: () => raw.map((line) => JSON.parse(line)),
    text: () => raw.join(''),
    line(matches) {
      const known = raw.map((line) => JSON.parse(line)).find(matches);
      if (known) return Promise.resolve(known);
      return new Promise((resolve) => {
        const notify = (line: Record<string, any>) => {
          if (!matches(line)) return;
          waiting.delete(notify);
          resolve(line);
        };
        waiting.add(notify);
      });
    },
  };
}
