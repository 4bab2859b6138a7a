/**
 * A law as LaTeX: the symbolic equation as the papers write it
 * (`L(N, D) = E + \frac{A}{N^{\alpha}} + \frac{B}{D^{\beta}}`), its
 * constants, and the equation with the numbers substituted. Large and tiny
 * numbers are written m \times 10^{k}.
 */

import { checkLaw, type Law } from '../core/forms-eval.js';

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

/** Symbols of each form's constants, in the order `latexConstants` lists them. */
function symbols(law: Law): [string, number][] {
  switch (law.form) {
    case 'chinchilla': { const p = law.params; return [['E', p.E], ['A', p.A], ['B', p.B], ['\\alpha', p.alpha], ['\\beta', p.beta]]; }
    case 'kaplan': { const p = law.params; return [['N_c', p.Nc], ['D_c', p.Dc], ['\\alpha_N', p.alphaN], ['\\alpha_D', p.alphaD]]; }
    case 'power': return [[`${law.variable}_c`, law.params.xc], ['\\alpha', law.params.alpha]];
    case 'saturating': { const p = law.params; return [['E', p.E], ['A', p.A], ['\\alpha', p.alpha]]; }
    case 'data-constrained': {
      const p = law.params;
      return [['E', p.E], ['A', p.A], ['B', p.B], ['\\alpha', p.alpha], ['\\beta', p.beta], ['R_N^*', p.RN], ['R_D^*', p.RD]];
    }
    case 'overtrained': { const p = law.params; return [['E', p.E], ['a', p.a], ['b', p.b], ['\\eta', p.eta]]; }
    case 'broken': {
      const p = law.params;
      const out: [string, number][] = [['a', p.a], ['b', p.b], ['c_0', p.c0]];
      p.breaks.forEach((b, i) => out.push([`c_${i + 1}`, b.c], [`d_${i + 1}`, b.d], [`f_${i + 1}`, b.f]));
      return out;
    }
  }
}

/** The equation with each constant given by `v(symbol, value)`. */
function equation(law: Law, v: (symbol: string, value: number) => string): string {
  switch (law.form) {
    case 'chinchilla': {
      const p = law.params;
      return `L(N, D) = ${v('E', p.E)} + \\frac{${v('A', p.A)}}{N^{${v('\\alpha', p.alpha)}}} + \\frac{${v('B', p.B)}}{D^{${v('\\beta', p.beta)}}}`;
    }
    case 'kaplan': {
      const p = law.params;
      return `L(N, D) = \\left[\\left(\\frac{${v('N_c', p.Nc)}}{N}\\right)^{${v('\\alpha_N', p.alphaN)}/${v('\\alpha_D', p.alphaD)}} + \\frac{${v('D_c', p.Dc)}}{D}\\right]^{${v('\\alpha_D', p.alphaD)}}`;
    }
    case 'power': {
      const x = law.variable;
      return `L(${x}) = \\left(\\frac{${v(`${x}_c`, law.params.xc)}}{${x}}\\right)^{${v('\\alpha', law.params.alpha)}}`;
    }
    case 'saturating': {
      const x = law.variable, p = law.params;
      return `L(${x}) = ${v('E', p.E)} + ${v('A', p.A)}\\,${x}^{-${v('\\alpha', p.alpha)}}`;
    }
    case 'data-constrained': {
      const p = law.params;
      return `L(N, D, U) = ${v('E', p.E)} + \\frac{${v('A', p.A)}}{N'^{${v('\\alpha', p.alpha)}}} + \\frac{${v('B', p.B)}}{D'^{${v('\\beta', p.beta)}}}`;
    }
    case 'overtrained': {
      const p = law.params;
      return `L(N, D) = ${v('E', p.E)} + \\left(${v('a', p.a)}\\,M^{${v('\\eta', p.eta)}} + ${v('b', p.b)}\\,M^{-${v('\\eta', p.eta)}}\\right) C^{-${v('\\eta', p.eta)}}`;
    }
    case 'broken': {
      const x = law.variable, p = law.params;
      const factors = p.breaks.map((b, i) => {
        const k = i + 1;
        return `\\left(1 + \\left(\\frac{${x}}{${v(`d_${k}`, b.d)}}\\right)^{1/${v(`f_${k}`, b.f)}}\\right)^{-${v(`c_${k}`, b.c)} \\cdot ${v(`f_${k}`, b.f)}}`;
      }).join(' ');
      return `L(${x}) = ${v('a', p.a)} + ${v('b', p.b)}\\,${x}^{-${v('c_0', p.c0)}} ${factors}`.trimEnd();
    }
  }
}

/** Definitions a form's equation relies on, or '' (N′ and D′; M and C). */
function where(law: Law): string {
  if (law.form === 'data-constrained') {
    return "N' = U_N + U_N R_N^* \\left(1 - e^{-R_N/R_N^*}\\right),\\quad D' = U_D + U_D R_D^* \\left(1 - e^{-R_D/R_D^*}\\right)";
  }
  if (law.form === 'overtrained') return 'M = D/N,\\quad C = 6ND';
  return '';
}

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
