/**
 * `scaling-kit cost --budget C`: GPU-hours, days, dollars, energy and CO₂e of a
 * training run, each figure written as <scaling-calculator> writes it
 * (src/format/numbers.ts): "26.7M GPU-hours = 67.8 days; $53.3M …", "22.4 GWh …, 10.8 kt CO₂e".
 */

import { trainingCost, type HardwareId } from '../core/cost.js';
import { parse, numberOption, choiceOption, renamedOption, UsageError } from './args.js';
import type { CommandOutput } from './run.js';
import { countText, emissionsText, energyText, moneyText, sig } from '../format/numbers.js';
import { toJson } from './json.js';

const GPU_ALIASES: Record<string, HardwareId> = { h100: 'h100-sxm', 'h100-sxm': 'h100-sxm', a100: 'a100-sxm', 'a100-sxm': 'a100-sxm' };

export const COST_USAGE = `scaling-kit cost --budget C [--gpu h100|a100] [--mfu 0.4] [--gpus K] [--price 2] [--pue 1.2]
                [--grid-intensity 0.48] [--json]
  GPU-hours = C / (dense peak × MFU × 3600) on the GPU's dense BF16 peak (H100 SXM 989.4, A100 312 TFLOP/s),
  then days on K GPUs, dollars at --price per GPU-hour, kWh (GPU power × hours × PUE) and kg CO₂e.
  --flops, the old name of --budget, is read until the next release.
  Examples: scaling-kit cost --budget 5.76e23
            scaling-kit cost --budget 3.8e25 --gpu h100 --gpus 16384 --mfu 0.4 --price 2.5`;

export function costCommand(argv: string[]): CommandOutput {
  const { values } = parse(argv, {
    budget: { type: 'string' }, flops: { type: 'string' }, gpu: { type: 'string' }, mfu: { type: 'string' }, gpus: { type: 'string' },
    price: { type: 'string' }, pue: { type: 'string' }, 'grid-intensity': { type: 'string' }, json: { type: 'boolean' },
  }, 0);
  const stderr = renamedOption(values, 'budget', 'flops');
  const flops = numberOption(values, 'budget', (x) => x > 0, 'a positive number of FLOPs');
  if (flops === undefined) throw new UsageError('option --budget is required');
  const gpu = choiceOption(values, 'gpu', Object.keys(GPU_ALIASES));
  const c = trainingCost(flops, {
    hardware: gpu ? GPU_ALIASES[gpu] : undefined,
    mfu: numberOption(values, 'mfu', (x) => x > 0 && x <= 1, 'a fraction in (0, 1]'),
    gpus: numberOption(values, 'gpus', (x) => Number.isInteger(x) && x >= 1, 'a whole number ≥ 1'),
    pricePerGpuHour: numberOption(values, 'price', (x) => x >= 0, 'a price ≥ 0'),
    pue: numberOption(values, 'pue', (x) => x >= 1, 'a number ≥ 1'),
    gridIntensity: numberOption(values, 'grid-intensity', (x) => x >= 0, 'kg CO₂e per kWh ≥ 0'),
  });
  const out = (stdout: string): CommandOutput => (stderr ? { stdout, stderr } : stdout);
  if (values.json) return out(toJson(c));
  return out([
    `${flops.toExponential(3)} FLOPs on ${c.gpus} × ${c.hardware.name} at ${Math.round(c.mfu * 100)}% MFU:`,
    `  ${countText(c.gpuHours)} GPU-hours = ${sig(c.days, 3)} days; ${moneyText(c.dollars)} at $${c.pricePerGpuHour}/GPU-hour`,
    `  ${energyText(c.kWh)} (PUE ${c.pue}), ${emissionsText(c.co2eKg)} at ${c.gridIntensity} kg CO₂e/kWh`,
  ].join('\n'));
}
