/** A law as one line of text: "L(N, D) = 1.817 + 477.8/N^0.3473 + 2143/D^0.3672" (each form's own wording: src/laws/<form>.ts). */

import { describe, type Law } from '../laws/index.js';
import { sig } from '../format/numbers.js';

/** `digits` significant digits, trailing zeros trimmed (src/format/numbers.ts). */
export { sig };

export function formatLaw(law: Law, digits = 7): string {
  return describe(law).text(law, (x) => sig(x, digits));
}
