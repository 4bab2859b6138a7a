/**
 * Column recognition: which input column holds the parameters N, the tokens D,
 * the compute C and the loss. Use `matchColumns` on a header before reading
 * values; `readRuns` does this for you.
 *
 * Names are compared after normalising: lower case, every character that is not
 * a letter or digit removed, so `Model Size`, `model_size` and `MODEL-SIZE` are
 * one name. Three tiers, best first:
 *   1. an explicit mapping (`columns: {N: 'my params'}`), matched exactly, then
 *      normalised;
 *   2. an exact alias from the lists below, ranked by position in the list;
 *   3. a qualified name: a one-letter symbol followed by a known qualifier
 *      (`N_no_embed`, `D_total_tokens`, `C_6ND`, `N_derived_C_over_6D`), or words
 *      that begin or end with a strong word (params, parameters, tokens, flops,
 *      flop, loss, cross entropy, nll: `loss_c4_val`, `c4_val_loss`, `total_flops`),
 *      and last, a loss word inside a longer name (`c4_loss_final`).
 *      Names carrying a bound, spread, ratio or other-count word (`lo95`, `std`,
 *      `per`, `multiplier`, `batch`, `unique`…) never match in this tier.
 * Ties are broken by tier, then alias rank, then column order (leftmost wins),
 * and a column feeds at most one quantity. Ambiguity is not an error: the choice
 * is deterministic and reported (`chosen`, and `Runs.columns`), and `alternatives`
 * lists the other candidates so a caller can warn.
 */

import { optionError } from '../i18n/error-words/read.js';
import { clip, quote, quoteList } from './limits.js';

export type Role = 'N' | 'D' | 'C' | 'loss';

/** An explicit mapping from quantity to column name; overrides recognition. */
export interface ColumnMapping {
  N?: string;
  D?: string;
  C?: string;
  loss?: string;
}

export const ROLES: readonly Role[] = ['N', 'D', 'C', 'loss'];

/** Exact aliases per quantity, best first (written readably; compared normalised). */
export const COLUMN_ALIASES: { readonly [R in Role]: readonly string[] } = {
  N: [
    'N', 'params', 'parameters', 'model size', 'model_size', 'n_params', 'num_params',
    'n_parameters', 'num_parameters', 'number of parameters',
    'parameter count', 'model params', 'model parameters', 'total params', 'size',
  ],
  D: [
    'D', 'tokens', 'training tokens', 'train tokens', 'n_tokens', 'num_tokens',
    'number of tokens', 'token count', 'total tokens', 'tokens seen', 'dataset size',
    'data size', 'data',
  ],
  C: [
    'C', 'flops', 'flop', 'training flop', 'training flops', 'train flops', 'total flops',
    'compute', 'training compute', 'compute budget', 'flop budget', 'flops budget', 'budget',
  ],
  loss: [
    'loss', 'L', 'final loss', 'val loss', 'validation loss', 'valid loss', 'eval loss',
    'evaluation loss', 'test loss', 'dev loss', 'final val loss', 'final validation loss',
    'train loss', 'training loss', 'cross entropy', 'nll',
  ],
};

/** Words that may follow a one-letter symbol in tier 3 (`N_no_embed`, `C_6ND`). */
const SYMBOL_QUALIFIERS: { readonly [R in Role]: readonly string[] } = {
  N: ['no', 'non', 'nonembed', 'nonembedding', 'total', 'derived', 'opt', 'eff', 'effective',
    'approx', 'est', 'with', 'without', 'incl', 'excl', 'params', 'parameters', 'actual'],
  D: ['tokens', 'total', 'derived', 'opt', 'train', 'training', 'seen', 'eff', 'effective',
    'approx', 'est', 'actual'],
  C: ['6nd', 'flops', 'flop', 'derived', 'total', 'opt', 'train', 'training', 'approx',
    'est', 'actual', 'budget'],
  loss: [],
};

/** Words that may begin or end a longer name in tier 3 (`loss_c4_val`, `total_flops`). */
const WORD_ALIASES: { readonly [R in Role]: readonly string[] } = {
  N: ['params', 'parameters'],
  D: ['tokens'],
  C: ['flops', 'flop'],
  loss: ['loss', 'cross entropy', 'nll'],
};

/** A name holding any of these words is never a tier-3 match (bounds, spreads, ratios, other counts). */
const STOP_WORDS = new Set([
  'per', 'ratio', 'multiplier', 'std', 'stderr', 'logstd', 'se', 'sd', 'var', 'ci', 'lo', 'hi',
  'lo95', 'hi95', 'lower', 'upper', 'err', 'error', 'delta', 'rank', 'log', 'batch', 'warmup',
  'vocab', 'unique', 'epochs', 'step', 'steps', 'split',
]);

/** The recognised columns (names as written in the input) and the runners-up. */
export interface ColumnMatch {
  readonly N?: string;
  readonly D?: string;
  readonly C?: string;
  readonly loss?: string;
  /** Other columns that matched a quantity but lost the tie, best first. */
  readonly alternatives: { readonly [R in Role]: readonly string[] };
}

/** Lower case with every non-alphanumeric character removed. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Words of a name: split at non-alphanumerics and lower→upper case changes. */
function words(name: string): string[] {
  return name
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const EXACT: { readonly [R in Role]: readonly string[] } = {
  N: COLUMN_ALIASES.N.map(normalizeName),
  D: COLUMN_ALIASES.D.map(normalizeName),
  C: COLUMN_ALIASES.C.map(normalizeName),
  loss: COLUMN_ALIASES.loss.map(normalizeName),
};

const ALL_EXACT = new Set<string>(ROLES.flatMap((r) => EXACT[r]));

function startsWith(ws: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= ws.length && prefix.every((p, i) => ws[i] === p);
}

function endsWith(ws: readonly string[], suffix: readonly string[]): boolean {
  const off = ws.length - suffix.length;
  return off >= 0 && suffix.every((s, i) => ws[off + i] === s);
}

/** Tier-3 rank of `name` for `role` (0 for a qualified symbol, then word aliases), or -1. */
function qualifiedRank(name: string, role: Role): number {
  const ws = words(name);
  if (ws.length < 2 || ws.some((w) => STOP_WORDS.has(w))) return -1;
  const symbol = role === 'loss' ? '' : role.toLowerCase();
  if (ws[0] === symbol && SYMBOL_QUALIFIERS[role].includes(ws[1])) return 0;
  const aliases = WORD_ALIASES[role];
  for (let k = 0; k < aliases.length; k++) {
    const aw = words(aliases[k]);
    if (aw.length < ws.length && (startsWith(ws, aw) || endsWith(ws, aw))) return k + 1;
  }
  // A loss word inside a longer name (`c4_loss_last5_mean`, as the OLMo ladder writes them) ranks last;
  // never for the counts, where a word inside (`model_flops_utilization`) is often some other quantity.
  if (role === 'loss') {
    for (let k = 0; k < aliases.length; k++) {
      const aw = words(aliases[k]);
      for (let at = 1; at + aw.length < ws.length; at++) if (aw.every((w, j) => ws[at + j] === w)) return aliases.length + 1 + k;
    }
  }
  return -1;
}

interface Candidate {
  role: Role;
  column: number;
  score: number;
}

function findExplicit(headers: readonly string[], role: Role, wanted: unknown): number {
  const option = `columns.${role}`;
  if (typeof wanted !== 'string' || wanted.length === 0) {
    throw optionError(option, 'not-a-column-name', { option, got: clip(String(wanted)) });
  }
  let i = headers.indexOf(wanted);
  if (i < 0) i = headers.findIndex((h) => normalizeName(h) === normalizeName(wanted));
  if (i < 0) {
    throw optionError(option, 'mapping-no-column', { option, name: quote(wanted), columns: quoteList(headers) });
  }
  return i;
}

/**
 * Recognise N, D, C and loss among `headers`. Explicit `mapping` entries win;
 * unmapped quantities are recognised among the remaining columns. Quantities
 * with no candidate are left undefined (the caller decides what is required).
 */
export function matchColumns(headers: readonly string[], mapping: ColumnMapping = {}): ColumnMatch {
  if (mapping === null || typeof mapping !== 'object') {
    throw optionError('columns', 'not-an-object', { option: 'columns', got: clip(String(mapping)) });
  }
  for (const key of Object.keys(mapping)) {
    if (!(ROLES as readonly string[]).includes(key)) {
      throw optionError(`columns.${key}`, 'mapping-unknown-key', { key: clip(key) });
    }
  }
  const chosen: Partial<Record<Role, number>> = {};
  const used = new Set<number>();
  for (const role of ROLES) {
    const wanted = mapping[role];
    if (wanted === undefined) continue;
    const i = findExplicit(headers, role, wanted);
    if (used.has(i)) {
      throw optionError(`columns.${role}`, 'mapping-taken', { role, column: quote(headers[i]) });
    }
    chosen[role] = i;
    used.add(i);
  }

  const candidates: Candidate[] = [];
  headers.forEach((h, column) => {
    const norm = normalizeName(h);
    for (const role of ROLES) {
      const exact = EXACT[role].indexOf(norm);
      if (exact >= 0) candidates.push({ role, column, score: exact });
      else if (!ALL_EXACT.has(norm)) {
        const q = qualifiedRank(h, role);
        if (q >= 0) candidates.push({ role, column, score: 1000 + q });
      }
    }
  });
  candidates.sort(
    (x, y) => x.score - y.score || ROLES.indexOf(x.role) - ROLES.indexOf(y.role) || x.column - y.column,
  );

  for (const c of candidates) {
    if (chosen[c.role] !== undefined || used.has(c.column)) continue;
    chosen[c.role] = c.column;
    used.add(c.column);
  }
  const alternatives: Record<Role, string[]> = { N: [], D: [], C: [], loss: [] };
  for (const c of candidates) {
    if (!used.has(c.column)) alternatives[c.role].push(headers[c.column]);
  }
  const name = (r: Role) => (chosen[r] === undefined ? undefined : headers[chosen[r]!]);
  return { N: name('N'), D: name('D'), C: name('C'), loss: name('loss'), alternatives };
}
