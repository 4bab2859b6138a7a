// Cost arithmetic against published anchors (docs/laws.md, "Hardware and cost") and the
// formula worked here from the raw hardware constants.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COST_DEFAULTS, HARDWARE, costOfGpuHours, trainingCost } from '../../../src/core/cost.js';
import { OptionError } from '../../../src/errors.js';

const near = (got: number, want: number, rtol: number, what: string) =>
  assert.ok(Math.abs(got - want) <= rtol * Math.abs(want), `${what}: ${got}, expected ≈ ${want} (rtol ${rtol})`);

test('DeepSeek-V3 anchor: 2.788M H800-hours ≈ $5.576M at $2 per GPU-hour', () => {
  const c = costOfGpuHours(2.788e6, { pricePerGpuHour: 2 });
  near(c.dollars, 5.576e6, 1e-12, 'dollars');
  assert.equal(c.gpuHours, 2.788e6);
});

test('Llama 3 405B: 3.8e25 FLOPs on 16K H100s at 40% MFU take about 70 days', () => {
  const c = trainingCost(3.8e25, { hardware: 'h100-sxm', mfu: 0.4, gpus: 16384 });
  // 989.4 TFLOP/s dense BF16 × 0.4 × 3600 s per GPU-hour; then 16,384 GPUs × 24 h per day.
  const gpuHours = 3.8e25 / (989.4e12 * 0.4 * 3600);
  near(c.gpuHours, gpuHours, 1e-14, 'GPU-hours');
  near(c.days, gpuHours / 16384 / 24, 1e-14, 'days');
  assert.ok(c.days > 65 && c.days < 72, `about 70 days: ${c.days}`);
  near(c.dollars, gpuHours * 2, 1e-14, 'dollars at the $2 default');
});

test('H100 and A100 presets use the dense BF16 peaks, not the 2:4-sparse figures', () => {
  assert.equal(HARDWARE['h100-sxm'].peakFlops, 989.4e12);
  assert.notEqual(HARDWARE['h100-sxm'].peakFlops, 1978.9e12);
  assert.equal(HARDWARE['h100-sxm'].watts, 700);
  assert.equal(HARDWARE['a100-sxm'].peakFlops, 312e12);
  assert.equal(HARDWARE['a100-sxm'].watts, 400);
  assert.equal(COST_DEFAULTS.mfu, 0.4);
  assert.equal(COST_DEFAULTS.pricePerGpuHour, 2);
});

test('energy and emissions: kWh = GPU-hours × watts × PUE / 1000, CO2e = kWh × grid intensity', () => {
  const c = trainingCost(1e23, { hardware: 'a100-sxm', mfu: 0.5, gpus: 1024, pue: 1.1, gridIntensity: 0.3, pricePerGpuHour: 1.5 });
  const gpuHours = 1e23 / (312e12 * 0.5 * 3600);
  near(c.gpuHours, gpuHours, 1e-14, 'GPU-hours');
  near(c.kWh, gpuHours * 0.4 * 1.1, 1e-14, 'kWh');
  near(c.co2eKg, gpuHours * 0.4 * 1.1 * 0.3, 1e-14, 'kg CO2e');
  near(c.dollars, gpuHours * 1.5, 1e-14, 'dollars');
  near(c.days, gpuHours / 1024 / 24, 1e-14, 'days');
  // GPU-hours back to FLOPs at the same MFU.
  near(costOfGpuHours(gpuHours, { hardware: 'a100-sxm', mfu: 0.5 }).flops, 1e23, 1e-14, 'round trip');
});

test('your own hardware figures, and undefined options take their defaults', () => {
  const tpu = { id: 'custom', name: 'Custom', peakFlops: 459e12, watts: 300, source: 'test' };
  near(trainingCost(1e22, { hardware: tpu, mfu: 0.5 }).gpuHours, 1e22 / (459e12 * 0.5 * 3600), 1e-14, 'custom');
  const d = trainingCost(1e22, { mfu: undefined, hardware: undefined });
  near(d.gpuHours, 1e22 / (989.4e12 * 0.4 * 3600), 1e-14, 'defaults');
  assert.equal(d.hardware.id, 'h100-sxm');
});

test('bad options are named', () => {
  const cases: [() => unknown, string][] = [
    [() => trainingCost(1e22, { mfu: 1.2 }), 'mfu'],
    [() => trainingCost(1e22, { mfu: 0 }), 'mfu'],
    [() => trainingCost(1e22, { gpus: 1.5 }), 'gpus'],
    [() => trainingCost(1e22, { pricePerGpuHour: -1 }), 'pricePerGpuHour'],
    [() => trainingCost(1e22, { pue: 0.9 }), 'pue'],
    [() => trainingCost(1e22, { gridIntensity: Number.NaN }), 'gridIntensity'],
    [() => trainingCost(1e22, { hardware: 'tpu-v4' as never }), 'hardware'],
    [() => trainingCost(1e22, { hardware: { id: 'x', name: 'x', peakFlops: 0, watts: 1, source: '' } }), 'hardware.peakFlops'],
    [() => trainingCost(0), 'C'],
    [() => costOfGpuHours(Number.POSITIVE_INFINITY), 'gpuHours'],
  ];
  for (const [f, option] of cases) assert.throws(f, (e: unknown) => e instanceof OptionError && e.option === option, option);
  assert.throws(() => trainingCost(1e22, { mfu: 1.2 }), { message: 'invalid mfu; not in (0, 1]: 1.2' });
});
