/**
 * The JUnit report checked against the structure of the Jenkins xUnit plugin's JUnit schema
 * (jenkinsci/xunit-plugin, src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/junit-10.xsd,
 * MIT): which elements nest where, which attributes each may have and which it must have; that
 * plugin refuses a report that does not validate. No XSD validator is a dependency, so the schema's
 * rules are written out here. Also the counts consumers show: each suite's tests, failures, errors
 * and skipped are those of its test cases, and the root's are the sums.
 */

/** One element of a parsed (well-formed) document. */
interface El {
  name: string;
  attrs: Map<string, string>;
  children: El[];
}

/** Children and attributes junit-10.xsd allows per element (required attributes marked with `!`). */
const SCHEMA: Record<string, { children: string[]; attrs: string[]; text?: boolean }> = {
  testsuites: { children: ['testsuite'], attrs: ['name', 'time', 'tests', 'failures', 'errors'] },
  testsuite: {
    children: ['testsuite', 'properties', 'testcase', 'system-out', 'system-err'],
    attrs: ['name!', 'tests!', 'failures!', 'errors!', 'group', 'time', 'skipped', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url'],
  },
  properties: { children: ['property'], attrs: [] },
  property: { children: [], attrs: ['name!', 'value!'] },
  testcase: {
    children: ['skipped', 'error', 'failure', 'rerunFailure', 'rerunError', 'flakyFailure', 'flakyError', 'system-out', 'system-err'],
    attrs: ['name!', 'time', 'classname', 'group'],
  },
  failure: { children: [], attrs: ['type', 'message'], text: true },
  error: { children: [], attrs: ['type', 'message'], text: true },
  skipped: { children: [], attrs: ['type', 'message'], text: true },
  'system-out': { children: [], attrs: [], text: true },
  'system-err': { children: [], attrs: [], text: true },
};
/** SUREFIRE_TIME of the schema. */
const TIME = /^(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\.[0-9]*)?$/;

/** Parse a well-formed document (check it with xmlProblems first) into elements. */
export function parseXml(xml: string): El {
  const tag = /<(\/?)([^\s/>?!]+)((?:\s+[^\s=]+\s*=\s*"[^"]*")*)\s*(\/?)>/g;
  const stack: El[] = [{ name: '#document', attrs: new Map(), children: [] }];
  for (const m of xml.matchAll(tag)) {
    const [, close, name, attrs, selfClose] = m;
    if (close) {
      stack.pop();
      continue;
    }
    const el: El = { name: name!, attrs: new Map([...attrs!.matchAll(/([^\s=]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1]!, decode(a[2]!)])), children: [] };
    stack[stack.length - 1]!.children.push(el);
    if (!selfClose) stack.push(el);
  }
  return stack[0]!.children[0]!;
}

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#[0-9]+);/g, (_, e: string) =>
    e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!,
  );
}

/** Problems of a JUnit report against junit-10.xsd's structure and its own counts; [] when it conforms. */
export function junitSchemaProblems(xml: string): string[] {
  const problems: string[] = [];
  const root = parseXml(xml);
  if (root.name !== 'testsuites') problems.push(`root element is <${root.name}>, not <testsuites>`);
  const visit = (el: El, where: string): void => {
    const rule = SCHEMA[el.name];
    if (!rule) {
      problems.push(`${where}: unknown element <${el.name}>`);
      return;
    }
    const allowed = new Set(rule.attrs.map((a) => a.replace('!', '')));
    for (const a of el.attrs.keys()) if (!allowed.has(a)) problems.push(`${where}: <${el.name}> may not have attribute ${a}`);
    for (const a of rule.attrs) if (a.endsWith('!') && !el.attrs.has(a.slice(0, -1))) problems.push(`${where}: <${el.name}> needs attribute ${a.slice(0, -1)}`);
    const time = el.attrs.get('time');
    if (time !== undefined && (el.name === 'testsuite' || el.name === 'testsuites') && !TIME.test(time)) problems.push(`${where}: bad time ${time}`);
    for (const c of el.children) {
      if (!rule.children.includes(c.name)) problems.push(`${where}: <${c.name}> may not be inside <${el.name}>`);
      visit(c, `${where}/${c.name}[${c.attrs.get('name') ?? ''}]`);
    }
  };
  visit(root, 'testsuites');
  // The counts GitLab, Jenkins and the GitHub reporters show.
  const sum = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const suite of root.children) {
    const cases = suite.children.filter((c) => c.name === 'testcase');
    const count = (kind: string): number => cases.filter((c) => c.children.some((k) => k.name === kind)).length;
    const want = { tests: cases.length, failures: count('failure'), errors: count('error'), skipped: count('skipped') };
    for (const [k, v] of Object.entries(want)) {
      const got = suite.attrs.get(k);
      if (got !== undefined && Number(got) !== v) problems.push(`suite ${suite.attrs.get('name')}: ${k}="${got}" but ${v} test cases`);
      sum[k as keyof typeof sum] += v;
    }
    const names = cases.map((c) => `${c.attrs.get('classname')}\u0000${c.attrs.get('name')}`);
    if (new Set(names).size !== names.length) problems.push(`suite ${suite.attrs.get('name')}: two test cases with the same classname and name`);
  }
  for (const k of ['tests', 'failures', 'errors'] as const) {
    const got = root.attrs.get(k);
    if (got !== undefined && Number(got) !== sum[k]) problems.push(`testsuites: ${k}="${got}" but ${sum[k]} in the suites`);
  }
  return problems;
}
