/** @fileoverview xm → xl conversion and the libxl-style JSON view (`xmcfg convert`). */
export { convertToXl, type ConvertOptions, type ConvertResult } from './to-xl.js';
export { planLines } from './plan-lines.js';
export { toLibxlJson, cpuIds } from './to-json.js';
export { rewriteStatement, commentOut, isXlKey, type StatementRewrite, type Unconvertible } from './rewrite.js';
export { xlString, xlLiteral, isXlLiteral, isXlNumberText } from './xl-literal.js';
export { xlKnowsKey } from './xl-keys.js';
export { convertToJson, type JsonConversionResult } from './convert-json.js';
