/**
 * Keeping the direction of user text to itself ("labels can
 * spoof"). A law label ending in U+202E RIGHT-TO-LEFT OVERRIDE reverses
 * whatever follows it in the same paragraph: the tooltip line
 * "EVIL<U+202E>: Loss 4.728" reads "EVIL827.4 ssoL :", and so would an aria-label.
 *
 * Every string an author, a data file or a URL gave (law labels, model
 * names, column names, `src` URLs, file names, element ids, attribute values
 * quoted in errors) goes through one of these two before it meets other text:
 *   - `isolate(text)` where it is joined with other text (tooltip lines,
 *     aria-labels and summaries, messages): U+2068 FIRST STRONG ISOLATE …
 *     U+2069 POP DIRECTIONAL ISOLATE around it, so the reordering inside
 *     cannot reach what follows (and it takes its own direction, as <bdi>);
 *   - `bidiSafe(text)` where it is the whole content of its own element
 *     (a legend's <text>, a table cell, an <option>): that element already
 *     ends the paragraph, so only the controls inside need neutralising.
 * Both remove the explicit embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) from the user text, so an embedded PDI cannot close the
 * isolate early and an unpaired initiator cannot swallow the closing one;
 * and both turn the paragraph separators that are not collapsible white space
 * (U+001C–U+001E, U+0085, U+2029) into spaces, since a paragraph end closes
 * every isolate. The marks U+200E, U+200F and U+061C stay: they have no
 * scope, and inside an isolate they cannot affect the text around it.
 * Exports (CSV, JSON) keep the text as given; only what is shown is changed.
 */

/** U+2068 FIRST STRONG ISOLATE: opens an isolate whose direction is its first strong character's. */
export const FSI = '\u2068';
/** U+2069 POP DIRECTIONAL ISOLATE: closes it. */
export const PDI = '\u2069';

/** What `bidiSafe` changes: scoped bidi controls, and paragraph separators that are not collapsible white space. */
const UNSAFE = /[\u202A-\u202E\u2066-\u2069\u001C-\u001E\u0085\u2029]/;
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const PARAGRAPHS = /[\u001C-\u001E\u0085\u2029]/g;

/** `text` without embeddings, overrides or isolates, and with no paragraph break inside (the same string when there is nothing to change). */
export function bidiSafe(text: string): string {
  return UNSAFE.test(text) ? text.replace(CONTROLS, '').replace(PARAGRAPHS, ' ') : text;
}

/** `text` made safe (bidiSafe) inside U+2068 … U+2069, to be joined with other text. */
export const isolate = (text: string | number): string => `${FSI}${bidiSafe(String(text))}${PDI}`;
