/**
 * The files the IDE page loads, all served by the gateway itself from `node_modules` (GraphiQL's
 * UMD bundle and stylesheet, whose fonts are inlined, and React 18's UMD builds) plus a favicon,
 * so the IDE works with no internet access. Danger: only the names in this table are served; a
 * request path is never joined onto the file system.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { IDE_BOOT_SCRIPT } from './ideBootScript';

/** Where the assets are mounted on the gateway's origin. */
export const IDE_ASSET_PREFIX = '/ide/';

export interface IdeAsset {
  contentType: string;
  body: Buffer;
}

/** A file inside an installed package, found through its package.json (exports hide the rest). */
function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="6" fill="#e10098"/>
<path d="M9 22l7-12 7 12z" fill="none" stroke="#fff" stroke-width="2.5"/></svg>`;

const FILES: Record<string, { contentType: string; load: () => Buffer }> = {
  'graphiql.min.js': {
    contentType: 'text/javascript; charset=utf-8',
    load: () => readFileSync(packageFile('graphiql', 'graphiql.min.js')),
  },
  'graphiql.min.css': {
    contentType: 'text/css; charset=utf-8',
    load: () => readFileSync(packageFile('graphiql', 'graphiql.min.css')),
  },
  'react.production.min.js': {
    contentType: 'text/javascript; charset=utf-8',
    load: () => readFileSync(packageFile('react', 'umd/react.production.min.js')),
  },
  'react-dom.production.min.js': {
    contentType: 'text/javascript; charset=utf-8',
    load: () => readFileSync(packageFile('react-dom', 'umd/react-dom.production.min.js')),
  },
  'ide.js': {
    contentType: 'text/javascript; charset=utf-8',
    load: () => Buffer.from(IDE_BOOT_SCRIPT, 'utf8'),
  },
  'favicon.svg': { contentType: 'image/svg+xml', load: () => Buffer.from(FAVICON, 'utf8') },
};

const loaded = new Map<string, IdeAsset>();

/** The asset of that name (read once, then kept), or undefined for any other name. */
export function ideAsset(name: string): IdeAsset | undefined {
  const file = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
  if (!file) return undefined;
  let asset = loaded.get(name);
  if (!asset) {
    asset = { contentType: file.contentType, body: file.load() };
    loaded.set(name, asset);
  }
  return asset;
}

/** Every asset name, for start-up checks and tests. */
export const IDE_ASSET_NAMES: readonly string[] = Object.keys(FILES);
