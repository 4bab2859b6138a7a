/** Types for chrome.mjs (a plain Node script), for the TypeScript that imports it (bench/run.ts). */
/** The path of a Chromium to drive: CHROME_PATH, a usual install path, or Debian's package installed as root. */
export function findChrome(): string;
