/**
 * A law as Python source: a plain function (`def L(N, D): ...`) with every
 * constant at full float64 precision (JavaScript's shortest round-trip
 * decimal, which Python's float() reads back to the same double). Standard
 * library only — `math` where a form needs it — no numpy or scipy. The code
 * mirrors src/core/forms-eval.ts line for line.
 */

import { checkLaw, isTwoVariable, type Law } from '../core/forms-eval.js';

export interface PythonOptions {
  /** Function name; default "L". Made a valid identifier. */
  name?: string;
  /** A line for the docstring (e.g. where the law comes from). */
  label?: string;
}

/** A Python float literal that reads back as exactly `x`. */
export function pyFloat(x: number): string {
  const s = String(x);
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

/** A valid Python identifier from any text: "hoffmann2022" → "L_hoffmann2022". */
export function pythonName(text: string, prefix = 'L_'): string {
  const core = text.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return `${prefix}${core || 'law'}`;
}

const identifier = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : pythonName(name, '_'));

/** Text safe inside a triple-quoted docstring. */
const docText = (s: string) => s.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"').replace(/[\r\n]+/g, ' ');

interface Def { code: string; math: boolean }

function body(law: Law): { args: string; formula: string; constants: [string, number][]; lines: string[]; math: boolean } {
  switch (law.form) {
    case 'chinchilla': {
      const p = law.params;
      return { args: 'N, D', formula: 'L(N, D) = E + A/N^alpha + B/D^beta', math: false,
        constants: [['E', p.E], ['A', p.A], ['B', p.B], ['alpha', p.alpha], ['beta', p.beta]],
        lines: ['return E + A / N**alpha + B / D**beta'] };
    }
    case 'kaplan': {
      const p = law.params;
      return { args: 'N, D', formula: 'L(N, D) = [(Nc/N)^(alphaN/alphaD) + Dc/D]^alphaD', math: false,
        constants: [['Nc', p.Nc], ['Dc', p.Dc], ['alphaN', p.alphaN], ['alphaD', p.alphaD]],
        lines: ['return ((Nc / N) ** (alphaN / alphaD) + Dc / D) ** alphaD'] };
    }
    case 'power': {
      const x = law.variable;
      return { args: x, formula: `L(${x}) = (xc/${x})^alpha`, math: false,
        constants: [['xc', law.params.xc], ['alpha', law.params.alpha]], lines: [`return (xc / ${x}) ** alpha`] };
    }
    case 'saturating': {
      const x = law.variable, p = law.params;
      return { args: x, formula: `L(${x}) = E + A*${x}^-alpha`, math: false,
        constants: [['E', p.E], ['A', p.A], ['alpha', p.alpha]], lines: [`return E + A * ${x} ** -alpha`] };
    }
    case 'data-constrained': {
      const p = law.params;
      return { args: 'N, D, U', formula: "L(N, D, U) = E + A/N'^alpha + B/D'^beta (Muennighoff et al. 2023), U unique tokens", math: true,
        constants: [['E', p.E], ['A', p.A], ['B', p.B], ['alpha', p.alpha], ['beta', p.beta], ['RN', p.RN], ['RD', p.RD]],
        lines: [
          'G = (alpha * A / (beta * B)) ** (1 / (alpha + beta))',
          'UD = min(U, D)',
          'UN = min(N, G * (G * UD) ** (beta / alpha))',
          'N_eff = UN + UN * RN * -math.expm1(-max(N / UN - 1, 0) / RN)',
          'D_eff = UD + UD * RD * -math.expm1(-max(D / UD - 1, 0) / RD)',
          'return E + A / N_eff**alpha + B / D_eff**beta',
        ] };
    }
    case 'overtrained': {
      const p = law.params;
      return { args: 'N, D', formula: 'L(N, D) = E + (a*M^eta + b*M^-eta)*C^-eta, M = D/N, C = 6ND', math: false,
        constants: [['E', p.E], ['a', p.a], ['b', p.b], ['eta', p.eta]],
        lines: ['M = D / N', 'C = 6 * N * D', 'return E + (a * M**eta + b * M**-eta) * C**-eta'] };
    }
    case 'broken': {
      const x = law.variable, p = law.params;
      const breaks = p.breaks.map((b) => `(${pyFloat(b.c)}, ${pyFloat(b.d)}, ${pyFloat(b.f)})`).join(', ');
      return { args: x, formula: `L(${x}) = a + b*${x}^-c0 * prod_i (1 + (${x}/d_i)^(1/f_i))^(-c_i*f_i)`, math: true,
        constants: [['a', p.a], ['b', p.b], ['c0', p.c0]],
        lines: [
          `breaks = (${breaks}${p.breaks.length === 1 ? ',' : ''})  # (c, d, f) per break`,
          `s = -c0 * math.log(${x})`,
          'for c, d, f in breaks:',
          `    z = (math.log(${x}) - math.log(d)) / f`,
          '    s -= c * f * (z + math.log1p(math.exp(-z)) if z > 0 else math.log1p(math.exp(z)))',
          'return a + b * math.exp(s)',
        ] };
    }
  }
}

function pythonDef(law: Law, o: PythonOptions): Def {
  checkLaw(law);
  const b = body(law);
  const name = identifier(o.name ?? 'L');
  const doc = [o.label ? docText(o.label) : undefined, docText(b.formula), isTwoVariable(law) ? 'N: parameters, D: training tokens.' : undefined]
    .filter(Boolean).join('\n\n    ');
  const lines = [
    `def ${name}(${b.args}):`,
    `    """${doc}\n    """`,
    ...b.constants.map(([k, v]) => `    ${k} = ${pyFloat(v)}`),
    ...b.lines.map((l) => `    ${l}`),
  ];
  return { code: lines.join('\n'), math: b.math };
}

/** One law as a self-contained Python snippet (with `import math` when the form needs it). */
export function lawToPython(law: Law, o: PythonOptions = {}): string {
  const d = pythonDef(law, o);
  return `${d.math ? 'import math\n\n\n' : ''}${d.code}\n`;
}

/** Several laws as one Python module; names default to pythonName(label). */
export function lawsToPython(entries: readonly { law: Law; name?: string; label?: string }[], header?: string): string {
  const defs = entries.map((e) => pythonDef(e.law, { name: e.name ?? pythonName(e.label ?? 'law'), label: e.label }));
  const top = [header ? `# ${header.replace(/[\r\n]+/g, ' ')}` : undefined, defs.some((d) => d.math) ? 'import math' : undefined].filter(Boolean);
  return `${top.length ? `${top.join('\n')}\n\n\n` : ''}${defs.map((d) => d.code).join('\n\n\n')}\n`;
}
