/**
 * The calculator's inputs as a Lit template: the budget mode (FLOPs, or
 * GPUs × days × MFU), a log slider over 10¹⁸…10²⁷ FLOPs with a text field
 * that takes 5.76e23, the hardware preset (dense BF16 peaks from
 * core/cost.ts), MFU, price, GPUs, optional inference tokens, and a picker
 * for the preset laws. Every control has a <label>; all are native form
 * controls, so keyboard and screen readers work as usual. The template only
 * shows state and reports edits through `actions`; the element decides.
 */

import { html, nothing, type TemplateResult } from 'lit';
import { HARDWARE, type Hardware, type HardwareId } from '../../core/cost.js';
import { PRESET_LAWS } from '../../core/preset-laws.js';
import type { CalculatorTranslate } from '../../i18n/index.js';
import { flopsText, formatCountText, formatFlopsText, sliderValue } from './format.js';
import { CALC_DEFAULTS, CALC_LAW_IDS, HARDWARE_IDS, type Mode, type Scenario } from './model.js';
import { CHART_KINDS } from './draw.js';

export type Field = 'flops' | 'gpus' | 'days' | 'mfu' | 'price' | 'inferenceTokens';

export interface ControlsView {
  t: CalculatorTranslate;
  scenario: Scenario;
  /** Text being typed, per field (shown instead of the value). */
  drafts: Partial<Record<Field, string>>;
  /** A message per field whose text is not valid. */
  problems: Partial<Record<Field, string>>;
}

export interface ControlsActions {
  /** The slider moved to log10 C = v. */
  slide(v: number): void;
  sliderKey(e: KeyboardEvent): void;
  /** Text typed into a field; `commit` on change (Enter or leaving the field). */
  edit(field: Field, text: string, commit: boolean): void;
  mode(m: Mode): void;
  hardware(id: HardwareId): void;
  law(id: string, on: boolean): void;
}

/** "NVIDIA H100 SXM5 (80 GB HBM3)" → "H100 SXM5 · 989.4 TFLOP/s". */
export const hardwareLabel = (h: Hardware): string =>
   `${h.name.replace(/^NVIDIA\s+/, '').replace(/\s*\(.*\)$/, '')} · ${h.peakFlops / 1e12} TFLOP/s`;

/** The text a field shows for the current value. */
export function fieldText(field: Field, s: Scenario): string {
  switch (field) {
    case 'flops': return flopsText(s.C);
    case 'mfu': return String(Number((s.mfu * 100).toPrecision(6)));
    case 'inferenceTokens': return s.inferenceTokens ? formatCountText(s.inferenceTokens, 6) : '';
    default: return String(s[field]);
  }
}

const value = (e: Event): string => (e.target as HTMLInputElement).value;

function field(v: ControlsView, a: ControlsActions, f: Field, label: string, o: { hint?: string; numeric?: boolean; unit?: string } = {}): TemplateResult {
  const problem = v.problems[f];
  const described = [o.hint ? `h-${f}` : '', problem ? `e-${f}` : ''].filter(Boolean).join(' ');
  return html`<div class="field field-${f}">
    <label for="f-${f}">${label}</label>
    <span class="input-row">
      <input id="f-${f}" type="text" part="input" autocomplete="off" spellcheck="false"
        inputmode=${o.numeric ? 'decimal' : 'text'} .value=${v.drafts[f] ?? fieldText(f, v.scenario)}
        aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${described || nothing}
        @input=${(e: Event) => a.edit(f, value(e), false)} @change=${(e: Event) => a.edit(f, value(e), true)}>
      ${o.unit ? html`<span class="unit" aria-hidden="true">${o.unit}</span>` : nothing}
    </span>
    ${o.hint ? html`<span id="h-${f}" class="hint">${o.hint}</span>` : nothing}
    ${problem ? html`<span id="e-${f}" class="field-error">${problem}</span>` : nothing}
  </div>`;
}

function budgetInputs(v: ControlsView, a: ControlsActions): TemplateResult {
  const { t, scenario: s } = v;
  if (s.mode === 'gpu') {
    return html`<div class="budget-inputs gpu">
      ${field(v, a, 'gpus', t('calcGpus'), { numeric: true })}
      <span class="times" aria-hidden="true">×</span>
      ${field(v, a, 'days', t('calcDays'), { numeric: true })}
      <span class="times" aria-hidden="true">×</span>
      ${field(v, a, 'mfu', t('calcMfu'), { numeric: true, unit: '%' })}
      <output class="equals" for="f-gpus f-days f-mfu hardware" part="gpu-flops">= ${formatFlopsText(s.C)} ${t('unitFlops')}</output>
    </div>`;
  }
  const [lo, hi] = CALC_DEFAULTS.range;
  const pos = Math.min(Math.log10(hi), Math.max(Math.log10(lo), sliderValue(s.C)));
  return html`<div class="budget-inputs flops">
    <div class="slider">
      <label for="flops-slider">${t('calcFlopsSlider')}</label>
      <input id="flops-slider" type="range" part="slider" min=${Math.log10(lo)} max=${Math.log10(hi)} step="0.01"
        .value=${String(pos)} aria-valuetext=${`${formatFlopsText(s.C)} ${t('unitFlops')}`}
        @input=${(e: Event) => a.slide(Number(value(e)))} @keydown=${a.sliderKey}>
      <span class="ends" aria-hidden="true"><span>${formatFlopsText(lo)}</span><span>${formatFlopsText(hi)}</span></span>
    </div>
    ${field(v, a, 'flops', t('calcFlopsText'), { hint: t('calcFlopsHint'), numeric: true, unit: t('unitFlops') })}
  </div>`;
}

function lawPicker(v: ControlsView, a: ControlsActions): TemplateResult {
  const { t, scenario: s } = v;
  return html`<details class="laws" part="laws">
    <summary>${t('calcLawsPicker', { n: s.laws.length })}</summary>
    <fieldset>
      <legend class="visually-hidden">${t('calcLawsLegend')}</legend>
      ${CALC_LAW_IDS.map((id) => {
        const p = PRESET_LAWS.find((q) => q.id === id)!;
        return html`<label class="law-option"><input type="checkbox" .checked=${s.laws.includes(id)}
          @change=${(e: Event) => a.law(id, (e.target as HTMLInputElement).checked)}>
          <span>${p.name}${p.kind === 'allocation' ? html` <small>${t('calcAllocationOnly')}</small>` : nothing}</span></label>`;
      })}
    </fieldset>
  </details>`;
}

export function renderControls(v: ControlsView, a: ControlsActions): TemplateResult {
  const { t, scenario: s } = v;
  const radio = (m: Mode, label: string) => html`<label class="mode-option"><input type="radio" name="mode" value=${m}
    .checked=${s.mode === m} @change=${() => a.mode(m)}>${label}</label>`;
  return html`<div class="controls" part="controls">
    <fieldset class="mode" part="mode">
      <legend>${t('calcBudget')}</legend>
      ${radio('flops', t('calcModeFlops'))}
      ${radio('gpu', t('calcModeGpu'))}
    </fieldset>
    ${budgetInputs(v, a)}
    <div class="settings">
      <div class="field field-hardware">
        <label for="hardware">${t('calcHardware')}</label>
        <select id="hardware" part="select" @change=${(e: Event) => a.hardware(value(e) as HardwareId)}>
          ${HARDWARE_IDS.map((id) => html`<option value=${id} ?selected=${id === s.hardware}>${hardwareLabel(HARDWARE[id])}</option>`)}
        </select>
      </div>
      ${s.mode === 'flops' ? field(v, a, 'mfu', t('calcMfu'), { numeric: true, unit: '%' }) : nothing}
      ${s.mode === 'flops' ? field(v, a, 'gpus', t('calcGpusWall'), { numeric: true }) : nothing}
      ${field(v, a, 'price', t('calcPrice'), { numeric: true })}
      ${field(v, a, 'inferenceTokens', t('calcInference'), { hint: t('calcInferenceHint') })}
    </div>
    ${lawPicker(v, a)}
  </div>`;
}

/** The chart choice for the toolbar: loss or N* against compute, or none. */
export function renderChartPick(t: CalculatorTranslate, chart: string, pick: (kind: string) => void): TemplateResult {
  const names = { loss: t('calcChartLoss'), params: t('calcChartParams'), none: t('calcChartNone') };
  return html`<label class="chart-kind">${t('calcChartKind')}
    <select part="select" @change=${(e: Event) => pick(value(e))}>
      ${CHART_KINDS.map((k) => html`<option value=${k} ?selected=${chart === k}>${names[k]}</option>`)}
    </select>
  </label>`;
}
