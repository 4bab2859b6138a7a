/**
 * Every size and count that comes from outside has a limit, and they are all
 * here (issue 12). A limit is checked before the work it guards starts, and
 * going over it is one line that names the limit and, where there is one, the
 * option that raises it. Without these, input of unbounded size (a pipe that
 * never ends, /dev/zero, a billion resamples) grew until the process died.
 *
 * | limit          | value       | raised by                                        |
 * |----------------|-------------|--------------------------------------------------|
 * | input text     | 64 MiB      | readRuns `maxBytes`, CLI `--max-bytes`           |
 * | data rows      | 1,000,000   | readRuns `maxRows`, CLI `--max-rows`             |
 * | resamples      | 100,000     | fixed (bootstrap `resamples`, `batchSize`)       |
 * | fit starts     | 100,000     | fixed (fit `starts`)                             |
 * | breaks         | 8           | fixed (fit `breaks` of the broken power law)     |
 * | budgets        | 100         | fixed (isoflop and bootstrap `budgets`)          |
 * | loss points    | 100         | fixed (bootstrap `at`)                           |
 * | envelope bins  | 10,000      | fixed (envelope `buckets`)                       |
 * | M4 iterations  | 100,000     | fixed (fitM4 and extrapolationScore `maxIterations`) |
 * | curve points   | 100,000     | fixed (fitM4, extrapolationScore: x and loss)    |
 * | noise replicas | 100,000     | fixed (isoflop `replicas`, approach akima)       |
 * | parameter draws| 1,000,000   | fixed (parametricDraws `draws`)                   |
 * | spline values  | 500,000,000 | fixed (isoflop akima: replicas × grid points)    |
 *
 * Messages that show a piece of the input show at most `QUOTE_CHARS`
 * characters of it (`quote`, `clip`, `quoteList`), so a runaway quoted field
 * cannot turn a one-line error into megabytes.
 */

export const LIMITS = Object.freeze({
  /** Longest input text, in UTF-8 bytes (readRuns `maxBytes`, CLI `--max-bytes`). */
  maxBytes: 64 * 1024 * 1024,
  /** Most data rows, header excluded (readRuns `maxRows`, CLI `--max-rows`). */
  maxRows: 1_000_000,
  /** Most bootstrap resamples; also the largest `batchSize`. Fixed. */
  resamples: 100_000,
  /** Most starting points θ in fit's `starts`. Fixed. */
  starts: 100_000,
  /** Most breaks of the broken power law. Fixed. */
  breaks: 8,
  /** Most compute budgets (isoflop `budgets`, bootstrap `budgets`). Fixed. */
  budgets: 100,
  /** Most (N, D) points for bootstrap loss intervals (`at`). Fixed. */
  points: 100,
  /** Most bins of the envelope analysis (`buckets`). Fixed. */
  buckets: 10_000,
  /** Most Newton iterations of one M4 descent (fitM4 `maxIterations`). Fixed. */
  m4Iterations: 100_000,
  /** Most points of one learning curve (fitM4, extrapolationScore): the M4 fit reads every point some 2,000 times, about 10 s at the limit. Fixed. */
  curvePoints: 100_000,
  /** Most parameter sets parametricDraws draws (`draws`); each is one allocation per budget. Fixed. */
  draws: 1_000_000,
  /** Most seed-noise replicas per budget of the Akima isoFLOP approach (`replicas`). Fixed. */
  replicas: 100_000,
  /**
   * Most spline evaluations of the Akima isoFLOP bootstrap: (replicas + 1) ×
   * the grid points and knots of every budget, some 15 s of work. Fixed.
   */
  splineEvaluations: 500_000_000,
});

/** The most characters of input an error message shows (then "…"). */
export const QUOTE_CHARS = 80;

/** 1000000 → "1,000,000"; 67108864 bytes → "64 MiB" when `bytes`. */
export function formatCount(n: number, bytes = false): string {
  if (bytes && n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${(n / (1024 * 1024)).toLocaleString('en')} MiB`;
  return bytes ? `${n.toLocaleString('en')} bytes` : n.toLocaleString('en');
}

/** What a character looks like in a one-line message: control and line-separator characters escaped. */
function shown(c: string, quoted: boolean): string {
  if (quoted && (c === '"' || c === '\\')) return `\\${c}`;
  const code = c.charCodeAt(0);
  if (code >= 0x20 && code !== 0x7f && code !== 0x2028 && code !== 0x2029) return c;
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Up to `max` characters of `text` as shown on one line, "…" appended when it was cut; never splits a surrogate pair. */
function cut(text: string, max: number, quoted: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const piece = pair ? text.slice(i, i + 2) : shown(text[i], quoted);
    if (out.length + piece.length > max) return `${out}…`;
    out += piece;
    if (pair) i++;
  }
  return out;
}

/** `text` for a message, cut to `max` characters (default QUOTE_CHARS) with "…", line breaks shown as \n. */
export function clip(text: string, max = QUOTE_CHARS): string {
  return cut(String(text), max, false);
}

/** `text` in double quotes, escaped as JSON writes strings, at most `max` characters inside the quotes (then "…"). */
export function quote(text: string, max = QUOTE_CHARS): string {
  return `"${cut(String(text), max, true)}"`;
}

/** Names as `"a", "b", "c"`, stopping (with "… (k in all)") once about `max` characters are shown. */
export function quoteList(names: readonly string[], max = QUOTE_CHARS): string {
  const parts: string[] = [];
  let used = 0;
  for (const name of names) {
    const q = quote(name, Math.max(8, max - used));
    if (parts.length > 0 && used + q.length > max) return `${parts.join(', ')}, … (${formatCount(names.length)} in all)`;
    parts.push(q);
    used += q.length + 2;
  }
  return parts.join(', ');
}

/** "a number ≥ 1, or Infinity" check for the limit options (maxRows, maxBytes). */
export function isLimitValue(value: unknown): value is number {
  return typeof value === 'number' && (value === Infinity || (Number.isInteger(value) && value >= 1));
}

/**
 * Whether `text` takes more than `max` bytes in UTF-8. A UTF-16 unit never
 * takes fewer bytes than one, nor more than three, so most strings are decided
 * by their length; the rest are counted, and the count stops once over.
 */
export function overBytes(text: string, max: number): boolean {
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) (bytes += 4, i++);
    else bytes += 3;
    if (bytes > max) return true;
  }
  return false;
}
