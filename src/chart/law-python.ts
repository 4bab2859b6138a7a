/**
 * A law as Python source: a plain function (`def L(N, D): ...`) with every
 * constant at full float64 precision (JavaScript's shortest round-trip
 * decimal, which Python's float() reads back to the same double). Standard
 * library only — `math` where a form needs it — no numpy or scipy. The code
 * mirrors each form's `evaluate` in src/laws/<form>.ts line for line.
 */

import { checkLaw, isTwoVariable, type Law } from '../core/forms-eval.js';
import { describe } from '../laws/index.js';
import { pyFloat } from '../laws/python-literal.js';

export { pyFloat };

export interface PythonOptions {
  /** Function name; default "L". Made a valid identifier. */
  name?: string;
  /** A line for the docstring (e.g. where the law comes from). */
  label?: string;
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

function pythonDef(law: Law, o: PythonOptions): Def {
  checkLaw(law);
  const b = describe(law).python(law);
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
