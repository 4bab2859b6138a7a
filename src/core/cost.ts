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

import { OptionError } from '../errors.js';
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

function check(ok: boolean, option: string, what: string, value: unknown): void {
  if (!ok) throw new OptionError(option, `invalid ${option}; ${what}: ${String(value)}`);
}

function resolveHardware(h: HardwareId | Hardware): Hardware {
  if (typeof h === 'string') {
    check(Object.hasOwn(HARDWARE, h), 'hardware', `expected one of ${Object.keys(HARDWARE).join(', ')} or { peakFlops, watts }`, h);
    return HARDWARE[h as HardwareId];
  }
  check(h !== null && typeof h === 'object', 'hardware', 'expected a hardware id or { peakFlops, watts }', h);
  check(finite(h.peakFlops) && h.peakFlops > 0, 'hardware.peakFlops', 'expected a positive finite FLOP/s (dense peak)', h.peakFlops);
  check(finite(h.watts) && h.watts >= 0, 'hardware.watts', 'expected a finite number of watts ≥ 0', h.watts);
  return h;
}

type Resolved = Omit<CostEstimate, 'flops' | 'gpuHours' | 'days' | 'dollars' | 'kWh' | 'co2eKg'>;

function resolve(options: CostOptions = {}): Resolved {
  check(options !== null && typeof options === 'object', 'options', 'expected an object', options);
  checkOptionNames(options, COST_OPTION_NAMES);
  const d = COST_DEFAULTS;
  const o = {
    hardware: options.hardware ?? d.hardware, mfu: options.mfu ?? d.mfu, gpus: options.gpus ?? d.gpus,
    pricePerGpuHour: options.pricePerGpuHour ?? d.pricePerGpuHour, pue: options.pue ?? d.pue, gridIntensity: options.gridIntensity ?? d.gridIntensity,
  };
  const hardware = resolveHardware(o.hardware);
  check(finite(o.mfu) && o.mfu > 0 && o.mfu <= 1, 'mfu', 'not in (0, 1]', o.mfu);
  check(Number.isInteger(o.gpus) && o.gpus > 0, 'gpus', 'expected a positive integer', o.gpus);
  check(finite(o.pricePerGpuHour) && o.pricePerGpuHour >= 0, 'pricePerGpuHour', 'expected a finite number of dollars ≥ 0', o.pricePerGpuHour);
  check(finite(o.pue) && o.pue >= 1, 'pue', 'expected a finite number ≥ 1', o.pue);
  check(finite(o.gridIntensity) && o.gridIntensity >= 0, 'gridIntensity', 'expected a finite kg CO2e per kWh ≥ 0', o.gridIntensity);
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
  check(finite(C) && C > 0, 'C', 'expected a positive finite number of FLOPs', C);
  const gpuHours = C / (r.hardware.peakFlops * r.mfu * 3600);
  check(Number.isFinite(gpuHours), 'mfu', `too small for C = ${C} FLOPs (the GPU-hours exceed double precision)`, r.mfu);
  return estimate(r, C, gpuHours);
}

/** The cost of a run measured in GPU-hours (e.g. a reported figure); `flops` is what they deliver at the given MFU. */
export function costOfGpuHours(gpuHours: number, options?: CostOptions): CostEstimate {
  const r = resolve(options);
  check(finite(gpuHours) && gpuHours > 0, 'gpuHours', 'expected a positive finite number', gpuHours);
  return estimate(r, gpuHours * 3600 * r.hardware.peakFlops * r.mfu, gpuHours);
}
