/**
 * What a training run costs: FLOPs → GPU-hours → wall-clock days on a
 * cluster, dollars, energy and emissions (docs/laws.md, "Hardware and cost"):
 *
 *   GPU-hours = C / (peak_dense × MFU × 3600)
 *   days      = GPU-hours / gpus / 24
 *   dollars   = GPU-hours × price per GPU-hour
 *   kWh       = GPU-hours × GPU watts / 1000 × PUE
 *   kg CO2e   = kWh × grid intensity (kg CO2e per kWh)
 *
 * Every figure is an option with a default beside it (COST_DEFAULTS,
 * HARDWARE); pass your own `Hardware` object for other accelerators.
 */

import { optionError, type ErrorKey, type ErrorValues } from '../i18n/error-words/cost.js';
import { checkOptionNames, type NoneMissing } from './option-names.js';

export interface Hardware {
  id: string;
  name: string;
  /** Dense (no 2:4 sparsity) BF16 tensor peak, FLOP/s. */
  peakFlops: number;
  /** Board power (TDP), watts. Host CPUs, memory and network are not included. */
  watts: number;
  source: string;
}

/**
 * Dense BF16 peaks. NVIDIA also quotes "with sparsity" figures twice as high
 * (A100 624, H100 SXM 1,978.9 TFLOP/s); MFU is defined against the dense peak,
 * and a calculator that multiplies the sparse figure by MFU overstates
 * throughput 2× (docs/laws.md, "Hardware and cost").
 */
export const HARDWARE = {
  'a100-sxm': {
    id: 'a100-sxm', name: 'NVIDIA A100 SXM (40/80 GB)', peakFlops: 312e12, watts: 400,
    source: 'NVIDIA A100 datasheet: 312 TFLOP/s dense BF16 (624 with sparsity), 400 W',
  },
  'h100-sxm': {
    id: 'h100-sxm', name: 'NVIDIA H100 SXM5 (80 GB HBM3)', peakFlops: 989.4e12, watts: 700,
    source: 'NVIDIA Hopper whitepaper: 989.4 TFLOP/s dense BF16 (NOT the 1,978.9 sparse figure), 700 W',
  },
} as const satisfies Record<string, Hardware>;

export type HardwareId = keyof typeof HARDWARE;

export interface CostOptions {
  /** A HARDWARE id or your own figures; default 'h100-sxm'. */
  hardware?: HardwareId | Hardware;
  /** Model FLOPs utilisation against the dense peak, in (0, 1]; default 0.4. */
  mfu?: number;
  /** GPUs running in parallel (for wall-clock days); default 1. */
  gpus?: number;
  /** Dollars per GPU-hour; default 2. */
  pricePerGpuHour?: number;
  /** Power usage effectiveness of the data centre, ≥ 1; default 1.2. */
  pue?: number;
  /** Grid carbon intensity, kg CO2e per kWh; default 0.48. */
  gridIntensity?: number;
}

/**
 * MFU 0.4: Llama 3 405B ran at 38–43% BF16 MFU on 8K–16K H100s; large dense
 * runs typically reach 30–50% (docs/laws.md, "Hardware and cost"). $2 per H100-hour: the price
 * anchor of Open-Athena, OLMo 3 and DeepSeek-V3's cost figure. PUE 1.2: between
 * hyperscale fleets (≈ 1.1) and industry-wide survey averages (≈ 1.5).
 * 0.48 kg CO2e/kWh: roughly the 2023 world-average grid; use your region's.
 */
/** Every option of `trainingCost` and `costOfGpuHours`; any other name is an OptionError. */
export const COST_OPTION_NAMES = ['hardware', 'mfu', 'gpus', 'pricePerGpuHour', 'pue', 'gridIntensity'] as const satisfies readonly (keyof CostOptions)[];
type _CostOptionsListed = NoneMissing<Exclude<keyof CostOptions, (typeof COST_OPTION_NAMES)[number]>>;

export const COST_DEFAULTS = {
  hardware: 'h100-sxm' as HardwareId,
  mfu: 0.4,
  gpus: 1,
  pricePerGpuHour: 2,
  pue: 1.2,
  gridIntensity: 0.48,
};

export interface CostEstimate {
  /** Model FLOPs: the input, or GPU-hours × 3600 × peak × MFU. */
  flops: number;
  gpuHours: number;
  /** Wall-clock days on `gpus` GPUs. */
  days: number;
  dollars: number;
  kWh: number;
  co2eKg: number;
  hardware: Hardware;
  mfu: number;
  gpus: number;
  pricePerGpuHour: number;
  pue: number;
  gridIntensity: number;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The keys of cost's checks: each names the option and the value given, and may name more (`extra`). */
type CheckKey = 'plan-options' | 'option-not-positive' | 'option-not-positive-flops' | Extract<ErrorKey, `cost-${string}`>;

type Extra<K extends CheckKey> = Omit<ErrorValues<K>, 'option' | 'got'>;

function check<K extends CheckKey>(ok: boolean, option: string, key: K, value: unknown, ...extra: keyof Extra<K> extends never ? [] : [Extra<K>]): void {
  if (!ok) throw optionError(option, key, { option, got: String(value), ...extra[0] } as unknown as ErrorValues<K>);
}

/** The shape of your own hardware, as code in the messages. */
const HARDWARE_SHAPE = '{ peakFlops, watts }';

function resolveHardware(h: HardwareId | Hardware): Hardware {
  if (typeof h === 'string') {
    check(Object.hasOwn(HARDWARE, h), 'hardware', 'cost-hardware-id', h, { ids: Object.keys(HARDWARE).join(', '), shape: HARDWARE_SHAPE });
    return HARDWARE[h as HardwareId];
  }
  check(h !== null && typeof h === 'object', 'hardware', 'cost-hardware', h, { shape: HARDWARE_SHAPE });
  check(finite(h.peakFlops) && h.peakFlops > 0, 'hardware.peakFlops', 'cost-peak-flops', h.peakFlops);
  check(finite(h.watts) && h.watts >= 0, 'hardware.watts', 'cost-watts', h.watts);
  return h;
}

type Resolved = Omit<CostEstimate, 'flops' | 'gpuHours' | 'days' | 'dollars' | 'kWh' | 'co2eKg'>;

function resolve(options: CostOptions = {}): Resolved {
  check(options !== null && typeof options === 'object', 'options', 'plan-options', options);
  checkOptionNames(options, COST_OPTION_NAMES);
  const d = COST_DEFAULTS;
  const o = {
    hardware: options.hardware ?? d.hardware, mfu: options.mfu ?? d.mfu, gpus: options.gpus ?? d.gpus,
    pricePerGpuHour: options.pricePerGpuHour ?? d.pricePerGpuHour, pue: options.pue ?? d.pue, gridIntensity: options.gridIntensity ?? d.gridIntensity,
  };
  const hardware = resolveHardware(o.hardware);
  check(finite(o.mfu) && o.mfu > 0 && o.mfu <= 1, 'mfu', 'cost-mfu', o.mfu);
  check(Number.isInteger(o.gpus) && o.gpus > 0, 'gpus', 'cost-gpus', o.gpus);
  check(finite(o.pricePerGpuHour) && o.pricePerGpuHour >= 0, 'pricePerGpuHour', 'cost-price', o.pricePerGpuHour);
  check(finite(o.pue) && o.pue >= 1, 'pue', 'cost-pue', o.pue);
  check(finite(o.gridIntensity) && o.gridIntensity >= 0, 'gridIntensity', 'cost-grid', o.gridIntensity);
  return { hardware, mfu: o.mfu, gpus: o.gpus, pricePerGpuHour: o.pricePerGpuHour, pue: o.pue, gridIntensity: o.gridIntensity };
}

/** x·y, where a zero rate gives zero even for an unbounded quantity (∞·0 would be NaN). */
const times = (x: number, rate: number): number => (rate === 0 ? 0 : x * rate);

function estimate(r: Resolved, flops: number, gpuHours: number): CostEstimate {
  const kWh = times(times(gpuHours, r.hardware.watts), r.pue) / 1000;
  return {
    flops, gpuHours, days: gpuHours / r.gpus / 24, dollars: times(gpuHours, r.pricePerGpuHour),
    kWh, co2eKg: times(kWh, r.gridIntensity), ...r,
  };
}

/** The cost of C model FLOPs of training. */
export function trainingCost(C: number, options?: CostOptions): CostEstimate {
  const r = resolve(options);
  check(finite(C) && C > 0, 'C', 'option-not-positive-flops', C);
  const gpuHours = C / (r.hardware.peakFlops * r.mfu * 3600);
  check(Number.isFinite(gpuHours), 'mfu', 'cost-mfu-too-small', r.mfu, { C });
  return estimate(r, C, gpuHours);
}

/** The cost of a run measured in GPU-hours (e.g. a reported figure); `flops` is what they deliver at the given MFU. */
export function costOfGpuHours(gpuHours: number, options?: CostOptions): CostEstimate {
  const r = resolve(options);
  check(finite(gpuHours) && gpuHours > 0, 'gpuHours', 'option-not-positive', gpuHours);
  return estimate(r, gpuHours * 3600 * r.hardware.peakFlops * r.mfu, gpuHours);
}
