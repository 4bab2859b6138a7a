/**
 * The global that dist/scaling-kit.min.js defines when loaded with a plain
 * <script>: the public API (src/index.ts) and the element classes, with every
 * <scaling-*> tag already defined. Copied to dist/ by scripts/build.mjs.
 */
import type * as Api from './types/index.js';
import type * as Elements from './types/elements/index.js';

declare global {
  var ScalingKit: typeof Api & typeof Elements;
}

export {};
