/**
 * How wide text will be, before it is drawn: chart nodes are built detached,
 * so nothing can be measured, and widths are estimated from the characters
 * (about 0.6 em for a Latin one, 1 em for a CJK one). From that, text cut to
 * a width with an ellipsis (`fitText`) and text wrapped into lines
 * (`wrapText`), for legends, axis titles and labels placed on a chart.
 */

/** Estimated width of `text` at `fontSize` pixels (bidi marks, embeddings and isolates take none). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 1 : /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(ch) ? 0 : 0.6;
  return em * fontSize;
}

/** Labels longer than this many characters are cut before measuring (more never fit a chart ≤ 4000 px wide). */
export const MAX_LABEL_CHARS = 400;

/**
 * `text` cut (with …) to fit `width` pixels at `fontSize`: the longest prefix
 * that fits with its ellipsis, at least one character. The prefix is found by
 * binary search on its length, O(log n) measurements (a 30,000-character law
 * label took 17 s when this removed one character at a time and re-measured),
 * over at most MAX_LABEL_CHARS characters, and no more than can fit at 0.6 em
 * (the narrowest) each.
 */
export function fitText(text: string, width: number, fontSize: number): string {
  // No more than `most` characters can fit: each is at least 0.6 em wide.
  const most = Math.max(1, Math.min(MAX_LABEL_CHARS, Math.floor(width / (0.6 * fontSize))));
  // 2·most + 2 UTF-16 units hold at least most + 1 whole code points: enough to know the text is too long.
  const head = text.length > 2 * most + 2 ? text.slice(0, 2 * most + 2) : text;
  const chars = Array.from(head);
  if (head === text && chars.length <= most && textWidth(text, fontSize) <= width) return text;
  const prefix = (n: number) => chars.slice(0, n).join('');
  let lo = 1, hi = Math.min(chars.length, most);
  // Invariant: prefix(lo)+'…' fits (or lo = 1); prefix(k)+'…' does not fit for any k > hi.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${prefix(mid)}…`, fontSize) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${prefix(lo).trimEnd()}…`;
}

/** CJK ideographs, kana, Hangul and full-width forms: each is a word of its own for line breaking. */
const WIDE = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/;

/** `text` in pieces that a line may end after: a word with its trailing spaces, a hyphenated part, one CJK character. */
function breakable(text: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of text) {
    if (WIDE.test(ch)) {
      if (piece) pieces.push(piece);
      pieces.push(ch);
      piece = '';
    } else if (/\s/.test(ch) || ch === '-' || ch === '/') {
      piece += ch;
    } else {
      if (piece && /[\s/-]$/.test(piece)) (pieces.push(piece), piece = '');
      piece += ch;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

export interface Wrapped {
  /** The lines, each within the width (a line keeps the spaces it broke after, so joined they are the text). */
  lines: string[];
  /** Whether the text did not fit in `maxLines` and the last line was cut with an ellipsis. */
  cut: boolean;
}

/**
 * `text` broken into at most `maxLines` lines of at most `width` px at
 * `fontSize`: greedily, at spaces, hyphens, slashes and between CJK
 * characters; a word longer than a line is broken inside. Text that needs
 * more lines has its last line cut with an ellipsis (`fitText`). At most
 * MAX_LABEL_CHARS characters are laid out.
 */
export function wrapText(text: string, width: number, fontSize: number, maxLines: number): Wrapped {
  const chars = Array.from(text);
  const head = chars.length > MAX_LABEL_CHARS ? chars.slice(0, MAX_LABEL_CHARS).join('') : text;
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => textWidth(s.trimEnd(), fontSize) <= width;
  for (const piece of breakable(head)) {
    if (fits(line + piece)) { line += piece; continue; }
    if (line) lines.push(line);
    line = '';
    // A piece wider than a line: as many characters as fit, then the rest on the next.
    let rest = piece;
    while (!fits(rest)) {
      const part = Array.from(rest);
      let n = 1;
      while (n < part.length && fits(part.slice(0, n + 1).join(''))) n += 1;
      lines.push(part.slice(0, n).join(''));
      rest = part.slice(n).join('');
    }
    line = rest;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines && head === text) return { lines, cut: false };
  const kept = lines.slice(0, maxLines - 1);
  const last = fitText(`${lines.slice(maxLines - 1).join('')}${head === text ? '' : '…'}`, width, fontSize);
  return { lines: [...kept, last.endsWith('…') ? last : `${last.trimEnd()}…`], cut: true };
}
