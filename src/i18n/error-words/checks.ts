/**
 * The words of option checks shared by several areas (an option that is not
 * an object, not one of its choices, a count over its limit, a list of
 * budgets, planning's options): English, which is also each error's `message`, and Simplified
 * Chinese, key for key. A leaf like ./common.ts: the areas that raise these
 * (./options.ts, ./isoflop.ts, ./planning.ts, ./cost.ts) include them in their raisers.
 */

export const EN = {
  'option-not-object': 'invalid {option}; expected an object',
  'option-not-one-of': 'invalid {option}; expected one of {allowed}: {got}',
  'option-not-number': 'invalid {option}; expected a number: {got}',
  'option-not-function': 'invalid {option}; expected a function',
  'option-count-limit': 'invalid {option}; expected an integer from 1 to {max} (a fixed limit): {got}',
  'too-many-budgets': 'invalid {option}; at most {max} budgets (a fixed limit): {count} given',
  'budgets-not-array': 'invalid budgets; expected a non-empty array of FLOP budgets',
  'plan-options': 'invalid options; expected an object: {got}',
} as const;

export const ZH: { readonly [K in keyof typeof EN]: string } = {
  'option-not-object': '{option} 无效：应为对象',
  'option-not-one-of': '{option} 无效：应为 {allowed} 之一，实际为 {got}',
  'option-not-number': '{option} 无效：应为数值，实际为 {got}',
  'option-not-function': '{option} 无效：应为函数',
  'option-count-limit': '{option} 无效：应为 1 到 {max}（固定上限）之间的整数，实际为 {got}',
  'too-many-budgets': '{option} 无效：最多 {max} 个计算预算（固定上限），实际给出 {count} 个',
  'budgets-not-array': 'budgets 无效：应为由计算预算（FLOPs）组成的非空数组',
  'plan-options': 'options 无效：应为对象，实际为 {got}',
};
