/**
 * What the calculator's form does with each edit. Text fields take what
 * people type ("16K", "1e13", "40%", "5.76×10^23"); a valid value is applied
 * at once (the FLOPs field on Enter or leaving it, so half-typed exponents
 * never flash through the table), an invalid one stays in the field with a
 * message beside it and changes nothing. The slider works on log10 C in
 * steps of 0.01; its keys move 0.1 decade (Shift or PageUp/PageDown: 1).
 */

import type { HardwareId } from '../../core/cost.js';
import type { CalculatorTranslate } from '../../i18n/index.js';
import type { ControlsActions, Field } from './controls.js';
import { flopsFromSlider, formatFlopsText, formatPlain, sliderValue } from './format.js';
import { CALC_DEFAULTS, RULES, checkNumber, gpuFlops, parseNumber, type Scenario } from './model.js';

export interface FormHost {
  readonly scenario: Scenario;
  drafts: Partial<Record<Field, string>>;
  problems: Partial<Record<Field, string>>;
  laws: string | readonly string[] | undefined;
  hardware: string;
  translator(): CalculatorTranslate;
  mode: string;
  flops: number | string | undefined;
  days: number | string | undefined;
  setFlops(C: number): void;
  setField(field: Exclude<Field, 'flops'>, value: number): void;
}

const without = <T extends object>(o: T, key: keyof T): T => {
  const copy = { ...o };
  delete copy[key];
  return copy;
};

/** "from 10¹² to 10³²", "from 0 to 100" (MFU in percent), for a field's message. */
function rangeText(f: Field, t: CalculatorTranslate): string {
  const r = RULES[f], scale = f === 'mfu' ? 100 : 1;
  const show = (x: number) => (x >= 1e6 ? formatFlopsText(x) : formatPlain(x * scale));
  return t('calcFieldInvalid', { lo: show(r.min), hi: show(r.max) });
}

/** The value a field's text stands for; throws when it is not valid. */
function parseField(f: Field, text: string, t: CalculatorTranslate): number {
  const raw = text.trim();
  if (f === 'inferenceTokens' && raw === '') return 0;
  let x = parseNumber(raw);
  if (f === 'mfu' && !raw.endsWith('%')) x /= 100;
  return checkNumber(f, x, t);
}

const KEY_STEPS: Record<string, number> = { ArrowRight: 0.1, ArrowUp: 0.1, ArrowLeft: -0.1, ArrowDown: -0.1, PageUp: 1, PageDown: -1 };

export function formActions(host: FormHost): ControlsActions {
  const [lo, hi] = CALC_DEFAULTS.range.map(Math.log10);
  const slideTo = (v: number) => {
    host.setFlops(flopsFromSlider(Math.min(hi, Math.max(lo, Math.round(v * 100) / 100))));
    host.drafts = without(host.drafts, 'flops');
    host.problems = without(host.problems, 'flops');
  };
  return {
    slide: slideTo,
    sliderKey(e) {
      const now = sliderValue(host.scenario.C);
      const v = e.key === 'Home' ? lo : e.key === 'End' ? hi : e.key in KEY_STEPS ? now + KEY_STEPS[e.key] * (e.shiftKey ? 10 : 1) : undefined;
      if (v === undefined) return;
      e.preventDefault();
      slideTo(v);
    },
    edit(f, text, commit) {
      const t = host.translator();
      if (f === 'flops' && !commit) {
        host.drafts = { ...host.drafts, flops: text };
        return;
      }
      let x: number;
      try {
        x = parseField(f, text, t);
      } catch {
        host.drafts = { ...host.drafts, [f]: text };
        host.problems = commit ? { ...host.problems, [f]: rangeText(f, t) } : without(host.problems, f);
        return;
      }
      if (f === 'flops') host.setFlops(x); else host.setField(f, x);
      host.drafts = commit ? without(host.drafts, f) : { ...host.drafts, [f]: text };
      host.problems = without(host.problems, f);
    },
    mode(m) {
      // Keep the budget across the switch: gpu mode solves for the days, flops mode takes the GPUs' FLOPs.
      const s = host.scenario;
      if (m === s.mode) return;
      if (m === 'gpu') host.days = Number((s.C / gpuFlops({ ...s, days: 1 })).toPrecision(3));
      else host.flops = Number(s.C.toPrecision(3));
      host.mode = m;
    },
    hardware: (id: HardwareId) => { host.hardware = id; },
    law(id, on) {
      const now = host.scenario.laws;
      host.laws = (on ? [...now.filter((x) => x !== id), id] : now.filter((x) => x !== id)).join(',');
    },
  };
}
