/** A law as one line of text: "L(N, D) = 1.817 + 477.8/N^0.3473 + 2143/D^0.3672". */

import type { Law } from './forms-eval.js';

/** `digits` significant digits, trailing zeros trimmed. */
export const sig = (x: number, digits = 7): string => String(Number(x.toPrecision(digits)));

export function formatLaw(law: Law, digits = 7): string {
  const s = (x: number) => sig(x, digits);
  switch (law.form) {
    case 'chinchilla': {
      const p = law.params;
      return `L(N, D) = ${s(p.E)} + ${s(p.A)}/N^${s(p.alpha)} + ${s(p.B)}/D^${s(p.beta)}`;
    }
    case 'kaplan': {
      const p = law.params;
      return `L(N, D) = [(${s(p.Nc)}/N)^(${s(p.alphaN)}/${s(p.alphaD)}) + ${s(p.Dc)}/D]^${s(p.alphaD)}`;
    }
    case 'power':
      return `L(${law.variable}) = (${s(law.params.xc)}/${law.variable})^${s(law.params.alpha)}`;
    case 'saturating':
      return `L(${law.variable}) = ${s(law.params.E)} + ${s(law.params.A)}·${law.variable}^-${s(law.params.alpha)}`;
    case 'data-constrained': {
      const p = law.params;
      return `L(N, D, U) = ${s(p.E)} + ${s(p.A)}/N'^${s(p.alpha)} + ${s(p.B)}/D'^${s(p.beta)} with R_N* = ${s(p.RN)}, R_D* = ${s(p.RD)}`;
    }
    case 'overtrained': {
      const p = law.params;
      return `L(C, M) = ${s(p.E)} + (${s(p.a)}·M^${s(p.eta)} + ${s(p.b)}·M^-${s(p.eta)})·C^-${s(p.eta)}`;
    }
    case 'broken': {
      const p = law.params, x = law.variable;
      const factors = p.breaks.map((b) => `(1 + (${x}/${s(b.d)})^(1/${s(b.f)}))^(-${s(b.c)}·${s(b.f)})`).join('·');
      return `L(${x}) = ${s(p.a)} + ${s(p.b)}·${x}^-${s(p.c0)}·${factors}`;
    }
  }
}
