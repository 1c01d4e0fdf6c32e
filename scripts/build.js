/**
 * `npm run build`: compiles `src/` to `dist/src/` and copies what the server reads at run time
 * beside it (`schema/*.graphql` to `dist/schema/`, where `buildSchema` looks from
 * `dist/src/server/`). The IDE's assets are read from `node_modules` (production dependencies).
 * Danger: a stale `dist/` would mix old and new files, so it is removed first.
 */
const { execFileSync } = require('node:child_process');
const { cpSync, rmSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
  {
    stdio: 'inherit',
  },
);
cpSync(join(root, 'schema'), join(root, 'dist', 'schema'), {
  recursive: true,
  filter: (source) => statSync(source).isDirectory() || source.endsWith('.graphql'),
});
