/**
 * Static API keys from a file (`GATEWAY_API_KEYS_FILE`), one per line:
 * `<name> <key or sha256:<hex>> <scope> [<scope> ...]`; `#` starts a comment. Only the SHA-256 of
 * each key is kept; a presented key is hashed and compared with every stored hash in constant
 * time. Danger: the file holds secrets (unless it lists hashes): nothing here may log a line of it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Caller } from '../request/caller';
import { parseScopes } from '../request/caller';

/** Shortest plain key accepted: anything shorter can be guessed. */
export const MIN_KEY_LENGTH = 16;

interface StoredKey {
  name: string;
  hash: Buffer;
  scopes: ReadonlySet<string>;
}

/** The keys of one file; `find` answers a presented key with its caller, or undefined. */
export interface ApiKeys {
  readonly size: number;
  find(presented: string): Caller | undefined;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Reads and checks a keys file; an error names the file and the line, never the key. */
export function loadApiKeys(file: string): ApiKeys {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot read the API keys file (${(error as Error).message})`, {
      cause: error,
    });
  }
  return parseApiKeys(text, file);
}

/** Parses the text of a keys file; `file` is only used in messages. */
export function parseApiKeys(text: string, file: string): ApiKeys {
  const keys: StoredKey[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line.length === 0) return;
    const where = `${file}:${index + 1}`;
    const [name, secret, ...scopes] = line.split(/\s+/);
    if (!secret || scopes.length === 0) {
      throw new Error(
        `${where}: expected "<name> <key> <scope> [<scope> ...]", got ${line.split(/\s+/).length} field(s)`,
      );
    }
    if (keys.some((key) => key.name === name))
      throw new Error(`${where}: the name "${name}" is used twice`);
    keys.push({ name, hash: hashOf(secret, where), scopes: parseScopes(scopes.join(' ')) });
  });
  if (keys.length === 0) throw new Error(`${file}: no API keys in the file`);
  return {
    size: keys.length,
    find(presented) {
      const hash = sha256(presented);
      let found: StoredKey | undefined;
      // Every stored hash is compared, so the time taken does not tell which key was close.
      for (const key of keys) {
        if (timingSafeEqual(hash, key.hash) && !found) found = key;
      }
      return found && { name: found.name, via: 'api-key', scopes: found.scopes };
    },
  };
}

function hashOf(secret: string, where: string): Buffer {
  const hashed = /^sha256:([0-9a-fA-F]{64})$/.exec(secret);
  if (hashed) return Buffer.from(hashed[1], 'hex');
  if (secret.startsWith('sha256:')) throw new Error(`${where}: a sha256: key needs 64 hex digits`);
  if (secret.length < MIN_KEY_LENGTH) {
    throw new Error(
      `${where}: a key must have at least ${MIN_KEY_LENGTH} characters, got ${secret.length}`,
    );
  }
  return sha256(secret);
}
