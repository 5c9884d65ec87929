/**
 * A strict XML 1.0 well-formedness check for the JUnit report (no XML parser is a dependency):
 * legal characters only, a declaration, balanced elements with well-formed attributes, known or
 * numeric entity references, no `]]>` in text. Returns the problems found (empty when well-formed).
 */
const NAME = /^[A-Za-z_:][\w.:-]*$/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/g;

/** Problems of `xml` as an XML 1.0 document; [] when it is well-formed. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  for (let i = 0; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && xml.charCodeAt(i + 1) >= 0xdc00 && xml.charCodeAt(i + 1) <= 0xdfff) {
      i++;
      continue;
    }
    const ok = c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd);
    if (!ok) problems.push(`illegal character U+${c.toString(16).padStart(4, '0')} at ${i}`);
  }
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) problems.push('no XML declaration');
  const body = xml.replace(/^<\?xml[^?]*\?>/, '');
  const stack: string[] = [];
  let roots = 0;
  const tag = /<(\/?)([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
  let pos = 0;
  while (pos < body.length) {
    const lt = body.indexOf('<', pos);
    const text = body.slice(pos, lt < 0 ? body.length : lt);
    if (text.includes(']]>')) problems.push(`']]>' in text at ${pos}`);
    if (text.replace(ENTITY, '').includes('&')) problems.push(`bad entity reference in text at ${pos}`);
    if (stack.length === 0 && text.trim() !== '') problems.push(`text outside the root element at ${pos}`);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(body);
    if (!m) {
      problems.push(`malformed tag at ${lt}: ${JSON.stringify(body.slice(lt, lt + 40))}`);
      break;
    }
    const [, close, name, attrs, selfClose] = m;
    if (!NAME.test(name!)) problems.push(`bad element name ${name}`);
    const names = new Set<string>();
    for (const a of attrs!.matchAll(/([^\s=]+)\s*=\s*("[^"]*"|'[^']*')/g)) {
      if (!NAME.test(a[1]!)) problems.push(`bad attribute name ${a[1]}`);
      if (names.has(a[1]!)) problems.push(`duplicate attribute ${a[1]}`);
      names.add(a[1]!);
      if (a[2]!.slice(1, -1).replace(ENTITY, '').includes('&')) problems.push(`bad entity reference in attribute ${a[1]}`);
    }
    if (close) {
      if (stack.pop() !== name) problems.push(`unbalanced </${name}> at ${lt}`);
    } else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
    pos = tag.lastIndex;
  }
  if (stack.length) problems.push(`unclosed elements: ${stack.join(', ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
