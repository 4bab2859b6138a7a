/**
 * A law written as text ("C^-0.118", as formatLaw and the CLI write it) for
 * the page: each power raised in a <sup>, as the charts raise theirs, so no
 * caret reaches a reader. Accessible summaries keep the text form.
 */

import { html, type TemplateResult } from 'lit';

/** A power: ^, then a signed decimal number, possibly with an exponent of its own. */
const POWER = /\^(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)/g;

/** `text` with every "^p" drawn as a raised p. */
export function withSuperscripts(text: string): (string | TemplateResult)[] {
  const parts: (string | TemplateResult)[] = [];
  let at = 0;
  for (const m of text.matchAll(POWER)) {
    parts.push(text.slice(at, m.index), html`<sup>${m[1].replace('-', '−')}</sup>`);
    at = m.index! + m[0].length;
  }
  parts.push(text.slice(at));
  return parts;
}
