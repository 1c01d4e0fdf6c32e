/**
 * Jest runs TypeScript through ts-jest, transpiling each file on its own (`isolatedModules` in
 * tsconfig.json); no type-check here: `npm test` runs `tsc --noEmit` over the whole project first.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 30000,
  maxWorkers: 2,
};
