/** `scaling-kit cost --flops C`: GPU-hours, days, dollars, energy and CO2e of a training run. */

import { trainingCost, type HardwareId } from '../core/cost.js';
import { parse, numberOption, choiceOption, UsageError } from './args.js';
import { count, sig } from './format.js';
import { toJson } from './json.js';

const GPU_ALIASES: Record<string, HardwareId> = { h100: 'h100-sxm', 'h100-sxm': 'h100-sxm', a100: 'a100-sxm', 'a100-sxm': 'a100-sxm' };

export const COST_USAGE = `scaling-kit cost --flops C [--gpu h100|a100] [--mfu 0.4] [--gpus K] [--price 2] [--pue 1.2]
                [--grid-intensity 0.48] [--json]
  GPU-hours = C / (dense peak × MFU × 3600) on the GPU's dense BF16 peak (H100 SXM 989.4, A100 312 TFLOP/s),
  then days on K GPUs, dollars at --price per GPU-hour, kWh (GPU power × hours × PUE) and kg CO2e.`;

export function costCommand(argv: string[]): string {
  const { values } = parse(argv, {
    flops: { type: 'string' }, gpu: { type: 'string' }, mfu: { type: 'string' }, gpus: { type: 'string' },
    price: { type: 'string' }, pue: { type: 'string' }, 'grid-intensity': { type: 'string' }, json: { type: 'boolean' },
  }, 0);
  const flops = numberOption(values, 'flops', (x) => x > 0, 'a positive number of FLOPs');
  if (flops === undefined) throw new UsageError('option --flops is required');
  const gpu = choiceOption(values, 'gpu', Object.keys(GPU_ALIASES));
  const c = trainingCost(flops, {
    hardware: gpu ? GPU_ALIASES[gpu] : undefined,
    mfu: numberOption(values, 'mfu', (x) => x > 0 && x <= 1, 'a fraction in (0, 1]'),
    gpus: numberOption(values, 'gpus', (x) => Number.isInteger(x) && x >= 1, 'a whole number ≥ 1'),
    pricePerGpuHour: numberOption(values, 'price', (x) => x >= 0, 'a price ≥ 0'),
    pue: numberOption(values, 'pue', (x) => x >= 1, 'a number ≥ 1'),
    gridIntensity: numberOption(values, 'grid-intensity', (x) => x >= 0, 'kg CO2e per kWh ≥ 0'),
  });
  if (values.json) return toJson(c);
  return [
    `${flops.toExponential(3)} FLOPs on ${c.gpus} × ${c.hardware.name} at ${Math.round(c.mfu * 100)}% MFU:`,
    `  ${count(c.gpuHours)} GPU-hours = ${sig(c.days, 4)} days; $${count(c.dollars)} at $${c.pricePerGpuHour}/GPU-hour`,
    `  ${count(c.kWh)} kWh (PUE ${c.pue}), ${count(c.co2eKg / 1000)} t CO2e at ${c.gridIntensity} kg/kWh`,
  ].join('\n');
}
