/**
 * Jest runs TypeScript through ts-jest, transpiling only (each file on its own, no type-check
 * here: `npm test` runs `tsc --noEmit` over the whole project first).
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  testTimeout: 30000,
  maxWorkers: 2,
};
