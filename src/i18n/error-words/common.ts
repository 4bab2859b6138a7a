/**
 * The words of errors every area raises (an option that is not an object, not
 * a positive number, not an integer in range, …): English, which is also the
 * error's `message`, and Simplified Chinese, key for key. A leaf: it imports
 * nothing; each area's raisers (./read.ts, ./options.ts, …) include these keys.
 */

export const EN = {
  'not-an-object': 'invalid {option}; expected an object: {got}',
  'bad-integer': 'invalid {option}; expected an integer ≥ {min}: {got}',
  'option-not-positive': 'invalid {option}; expected a positive finite number: {got}',
  'option-not-positive-flops': 'invalid {option}; expected a positive finite number of FLOPs: {got}',
  'option-not-finite': 'invalid {option}; expected a finite number: {got}',
  'option-negative': 'invalid {option}; expected a finite number ≥ 0: {got}',
  'option-integer-range': 'invalid {option}; expected an integer in [{min}, {max}]: {got}',
  'theta-not-object': 'invalid {option}; expected an object with {names}',
  'level-not-in-unit': 'invalid level; expected a number in (0, 1): {got}',
} as const;

export const ZH: { readonly [K in keyof typeof EN]: string } = {
  'not-an-object': '{option} 无效：应为对象，实际为 {got}',
  'bad-integer': '{option} 无效：应为不小于 {min} 的整数，实际为 {got}',
  'option-not-positive': '{option} 无效：应为有限正数，实际为 {got}',
  'option-not-positive-flops': '{option} 无效：应为以 FLOPs 计的有限正数，实际为 {got}',
  'option-not-finite': '{option} 无效：应为有限数，实际为 {got}',
  'option-negative': '{option} 无效：应为不小于 0 的有限数，实际为 {got}',
  'option-integer-range': '{option} 无效：应为 [{min}, {max}] 内的整数，实际为 {got}',
  'theta-not-object': '{option} 无效：应为含 {names} 的对象',
  'level-not-in-unit': 'level 无效：应为 (0, 1) 内的数，实际为 {got}',
};
