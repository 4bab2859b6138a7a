/**
 * A calculator scenario in the URL hash, so a reader can share it (the
 * element's `hash-state` attribute turns this on):
 *
 *   #calc=C:5.76e23,laws:besiroglu2024|hoffmann2022,mode:flops,hw:h100-sxm,gpus:1024,mfu:0.4,price:2,inf:0
 *   #calc=mode:gpu,gpus:16384,days:67.8,laws:llama3-2024,hw:h100-sxm,mfu:0.4,price:2,inf:0
 *
 * The hash may hold other entries separated by `&` (`#calc=…&other=…`); only
 * the entry named by the key (default `calc`) is read or rewritten. Inside it,
 * comma-separated `name:value` fields, in any order, each optional:
 *
 *   mode   flops | gpu                      C      FLOPs, 1e12 … 1e32 (flops mode)
 *   laws   preset ids joined by |           hw     h100-sxm | a100-sxm
 *   gpus   whole number, 1 … 1e7            days   > 0, ≤ 1e5 (gpu mode)
 *   mfu    fraction in (0, 1]               price  dollars per GPU-hour, 0 … 1e4
 *   inf    expected inference tokens, 0 … 1e20
 *
 * The hash is text anyone can write into a link. Reading never throws and
 * never treats it as markup: each field passes the same checks as the
 * attributes, and unknown names or bad values are left out and returned,
 * shortened, as `problems` for the element to report as plain text.
 */

import type { HardwareId } from '../../core/cost.js';
import type { CalculatorTranslate } from '../../i18n/index.js';
import { flopsText } from './format.js';
import { HARDWARE_IDS, MODES, checkNumber, readLawIds, type Mode, type Scenario } from './model.js';

export type HashState = Partial<Scenario>;

export interface HashProblem {
  /** The field name (or the whole part when it is not name:value), shortened. */
  field: string;
  value?: string;
}

export interface HashRead {
  /** Whether the hash has an entry for the key at all. */
  found: boolean;
  state: HashState;
  problems: HashProblem[];
}

export const HASH_DEFAULTS = { key: 'calc', maxLength: 2000, show: 40 };

/** A usable entry name: a letter, then up to 31 letters, digits, - or _. */
export const validKey = (key: string): boolean => /^[A-Za-z][\w-]{0,31}$/.test(key);

/** At most `show` characters, for messages. */
const shorten = (s: string): string => (s.length > HASH_DEFAULTS.show ? `${s.slice(0, HASH_DEFAULTS.show)}…` : s);

const entries = (hash: string): string[] => hash.replace(/^#/, '').split('&').filter(Boolean);

type Reader = (value: string, t: CalculatorTranslate) => Partial<Scenario>;

const number = (field: Parameters<typeof checkNumber>[0], out: keyof Scenario): Reader => (v, t) => ({ [out]: checkNumber(field, v, t) });

const oneOf = <T extends string>(list: readonly T[], out: keyof Scenario): Reader => (v) => {
  if (!(list as readonly string[]).includes(v)) throw new Error(v);
  return { [out]: v as T };
};

const READERS: Record<string, Reader> = {
  mode: oneOf<Mode>(MODES, 'mode'),
  C: number('flops', 'C'),
  hw: oneOf<HardwareId>(HARDWARE_IDS, 'hardware'),
  gpus: number('gpus', 'gpus'),
  days: number('days', 'days'),
  mfu: number('mfu', 'mfu'),
  price: number('price', 'price'),
  inf: number('inferenceTokens', 'inferenceTokens'),
};

/** Reads the scenario under `key` from `hash` (with or without the leading #). */
export function readHash(hash: string, key: string, t: CalculatorTranslate): HashRead {
  const out: HashRead = { found: false, state: {}, problems: [] };
  for (const entry of entries(hash)) {
    const eq = entry.indexOf('=');
    if (eq < 0 || entry.slice(0, eq) !== key) continue;
    out.found = true;
    const raw = entry.slice(eq + 1);
    let text: string;
    try {
      if (raw.length > HASH_DEFAULTS.maxLength) throw new Error('too long');
      text = decodeURIComponent(raw);
    } catch {
      out.problems.push({ field: shorten(raw) });
      continue;
    }
    for (const part of text.split(',')) {
      if (!part.trim()) continue;
      const colon = part.indexOf(':');
      const name = colon < 0 ? part : part.slice(0, colon), value = colon < 0 ? '' : part.slice(colon + 1);
      if (colon < 0 || !(name === 'laws' || Object.hasOwn(READERS, name))) {
        out.problems.push(colon < 0 ? { field: shorten(part) } : { field: shorten(name), value: shorten(value) });
        continue;
      }
      if (name === 'laws') {
        const good: string[] = [];
        for (const id of value.split('|').filter(Boolean)) {
          try { for (const law of readLawIds([id], t)) good.push(law); } catch { out.problems.push({ field: 'laws', value: shorten(id) }); }
        }
        if (good.length || !value.trim()) out.state.laws = [...new Set(good)];
        continue;
      }
      try {
        Object.assign(out.state, READERS[name](value, t));
      } catch {
        out.problems.push({ field: name, value: shorten(value) });
      }
    }
  }
  return out;
}

/** The fields of a scenario, all of them for its mode, in a stable order. */
export function scenarioFields(s: Scenario): string {
  const head = s.mode === 'flops' ? [`C:${flopsText(s.C)}`, `laws:${s.laws.join('|')}`, 'mode:flops']
    : ['mode:gpu', `gpus:${s.gpus}`, `days:${s.days}`, `laws:${s.laws.join('|')}`];
  const tail = [`hw:${s.hardware}`, ...(s.mode === 'flops' ? [`gpus:${s.gpus}`] : []), `mfu:${s.mfu}`, `price:${s.price}`, `inf:${s.inferenceTokens ? flopsText(s.inferenceTokens) : 0}`];
  return [...head, ...tail].join(',');
}

/** `hash` with the entry under `key` set to the scenario (other entries kept, in place). */
export function writeHash(hash: string, key: string, s: Scenario): string {
  const ours = `${key}=${scenarioFields(s)}`;
  const list = entries(hash);
  const i = list.findIndex((e) => e.startsWith(`${key}=`));
  if (i >= 0) list[i] = ours; else list.push(ours);
  return `#${list.join('&')}`;
}
