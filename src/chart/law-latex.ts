/**
 * A law as LaTeX: the symbolic equation as the papers write it
 * (`L(N, D) = E + \frac{A}{N^{\alpha}} + \frac{B}{D^{\beta}}`), its
 * constants, and the equation with the numbers substituted. Large and tiny
 * numbers are written m \times 10^{k}.
 */

import { checkLaw, type Law } from '../core/forms-eval.js';
import { describe } from '../laws/index.js';

export const LATEX_DEFAULTS = { digits: 4 };

/** A number for LaTeX: 1.693, 406.4, 6.4 \times 10^{13}. */
export function texNumber(x: number, digits = LATEX_DEFAULTS.digits): string {
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) {
    let k = Math.floor(Math.log10(a));
    let m = Number((x / Number(`1e${k}`)).toPrecision(digits));
    if (Math.abs(m) >= 10) (m /= 10, k += 1);
    return m === 1 ? `10^{${k}}` : `${m} \\times 10^{${k}}`;
  }
  return String(Number(x.toPrecision(digits)));
}

const symbols = (law: Law) => describe(law).latexSymbols(law);
const equation = (law: Law, v: (symbol: string, value: number) => string) => describe(law).latexEquation(law, v);
/** Definitions a form's equation relies on, or '' (N′ and D′; M and C). */
const where = (law: Law) => describe(law).latexWhere;

/** The symbolic equation: `L(N, D) = E + \frac{A}{N^{\alpha}} + \frac{B}{D^{\beta}}`. */
export function lawToLatexSymbolic(law: Law): string {
  checkLaw(law);
  return equation(law, (s) => s);
}

/** The equation with numbers: `L(N, D) = 1.693 + \frac{406.4}{N^{0.3392}} + …`. */
export function lawToLatex(law: Law, digits = LATEX_DEFAULTS.digits): string {
  checkLaw(law);
  return equation(law, (_, x) => texNumber(x, digits));
}

/** The constants: `E = 1.693,\; A = 406.4,\; …`. */
export function latexConstants(law: Law, digits = LATEX_DEFAULTS.digits): string {
  checkLaw(law);
  const seen = new Set<string>();
  return symbols(law).filter(([s]) => !seen.has(s) && seen.add(s)).map(([s, x]) => `${s} = ${texNumber(x, digits)}`).join(',\\; ');
}

/** A LaTeX fragment for one law: a comment with its name, the symbolic equation, its constants and the numeric equation. */
export function lawLatexBlock(law: Law, label?: string, digits = LATEX_DEFAULTS.digits): string {
  const extra = where(law);
  const lines = [
    label ? `% ${label.replace(/[\r\n]+/g, ' ')}` : undefined,
    `\\begin{equation}\n  ${lawToLatexSymbolic(law)}${extra ? `,\\qquad ${extra}` : ''}\n\\end{equation}`,
    `with $${latexConstants(law, digits)}$:`,
    `\\begin{equation}\n  ${lawToLatex(law, digits)}\n\\end{equation}`,
  ];
  return `${lines.filter(Boolean).join('\n')}\n`;
}
