/**
 * Test helper: the findings the canonical layout removes on purpose (docs/format.md, decision 026):
 * the BOM note (XM0030), xl's layout errors (a `\` continuation, a CR line end, a final comment
 * without newline, a BOM: XM0510–XM0512, XM0514) and Python's (an empty or indented statement:
 * XM0530, XM0532). Every other finding must stay on its statement.
 */
export const LAYOUT_CODES: ReadonlySet<string> = new Set(['XM0030', 'XM0510', 'XM0511', 'XM0512', 'XM0514', 'XM0530', 'XM0532']);
