/**
 * Jest runs TypeScript through ts-jest, transpiling each file on its own (`isolatedModules` in
 * tsconfig.json); no type-check here: `npm test` runs `tsc --noEmit` over the whole project first.
 */
// The AWS SDK warns once per process that its releases from January 2027 need Node 22; the test
// run (with its many worker and child processes) on the Node 20 machines would print it dozens of
// times. This is the SDK's own switch (@aws-sdk/core emitWarningIfUnsupportedVersion), set for the
// test run only: workers and spawned servers inherit it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 30000,
  maxWorkers: 2,
};
