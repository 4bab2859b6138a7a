/** What the Chromium half of the bench runs inside the page. */
import { measureGrid, measureKernels } from './measure.js';
import { measureBootstrap, measureDefaultFit } from './fast.js';

(globalThis as Record<string, unknown>).scalingKitBench = async (csv: string) => ({
  kernels: measureKernels(csv),
  grid: await measureGrid(csv),
  defaultFit: measureDefaultFit(csv),
  bootstrap: await measureBootstrap(csv),
  threads: navigator.hardwareConcurrency,
  userAgent: navigator.userAgent,
});
