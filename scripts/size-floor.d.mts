/** Types for size-floor.mjs (a plain Node script), for its test (test/node/size-floor.test.ts). */
/** `code` with the contents of every string literal and template chunk removed. */
export function withoutStrings(code: string): string;
