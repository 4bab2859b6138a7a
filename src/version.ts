/** The package version, printed by `scaling-kit --version` (test/node/cli/cli-finish.test.ts keeps it equal to package.json's). */
export const VERSION = '0.1.0';
