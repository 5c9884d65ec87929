/**
 * @fileoverview Python statements xmcfg does not run (`if`, `for`, `def`, `import`, `a, b = ...`, `x -= 1`):
 * their settings are not read (one info per block), and the names they bind are remembered as
 * "set by code that is not evaluated", so a later use is a precise error instead of "not defined".
 */
import { plural } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { EvalCode } from '../diagnostics/codes/evaluate.js';
import type { AssignStmt, Expr, Stmt, UnsupportedStmt } from './tree.js';
import type { UnreadAssignment } from './value.js';
import { report, type EvalContext } from './evaluate-expr.js';
import { partExprs } from './evaluate-access.js';

/** Assignments anywhere inside an unsupported block's body (nested blocks included). */
export function assignmentsIn(body: Stmt[], out: AssignStmt[] = []): AssignStmt[] {
  for (const s of body) {
    if (s.kind === 'assign') out.push(s);
    else if (s.kind === 'unsupported') assignmentsIn(s.body, out);
  }
  return out;
}

interface Lexeme {
  kind: 'name' | 'punct';
  text: string;
  depth: number;
}

/** Identifiers and punctuation of a statement's first line (strings skipped), with bracket depth. */
function lexHeader(text: string, span: Span): Lexeme[] {
  const out: Lexeme[] = [];
  let depth = 0;
  let i = span.start;
  const end = span.end;
  while (i < end) {
    const c = text[i]!;
    if (c === '\n' && depth === 0) break;
    if (c === '#') {
      while (i < end && text[i] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < end && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_') {
      let k = i + 1;
      while (k < end && /[A-Za-z0-9_]/.test(text[k]!)) k++;
      out.push({ kind: 'name', text: text.slice(i, k), depth });
      i = k;
    } else {
      if (c === '(' || c === '[' || c === '{') depth++;
      if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
      // Augmented operators (`-=`, `**=`, ...) and `=` (not `==`, `<=`, `>=`, `!=`) separate targets.
      let k = i + 1;
      if (c !== '=' && text[k] === '=' && '+-*/%&|^'.includes(c)) k++;
      else if ((c === '*' || c === '/' || c === '<' || c === '>') && text[k] === c && text[k + 1] === '=') k += 2;
      else if (c === '=' && text[k] === '=') k++;
      else if ('<>!'.includes(c) && text[k] === '=') k++;
      const op = text.slice(i, k);
      if (op.trim() !== '') out.push({ kind: 'punct', text: op, depth });
      i = k;
    }
  }
  return out;
}

/** Keywords of the statements boundNames finds names in (the cases of its switch). */
const BINDING_KEYWORDS = new Set(['import', 'from', 'def', 'class', 'for', 'assignment', 'del']);

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '//=', '%=', '**=', '&=', '|=', '^=', '>>=', '<<=']);

/** Plain names (not `a.b`, `a[i]`, `f(x)`) among lexemes, at bracket depth 0 or inside `( )`/`[ ]` unpacking. */
function plainNames(lx: Lexeme[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < lx.length; k++) {
    const t = lx[k]!;
    if (t.kind !== 'name') continue;
    const prev = lx[k - 1];
    const next = lx[k + 1];
    if (prev?.text === '.' || next?.text === '.' || next?.text === '[' || next?.text === '(') continue;
    out.push(t.text);
  }
  return out;
}

/** Names an unsupported statement binds, and how (for the message of a later use). */
export function boundNames(text: string, stmt: UnsupportedStmt): { names: string[]; how: string } {
  // Other statements (a bare expression, `if`, `while`, ...) bind nothing: return before lexing, as
  // lexHeader reads the whole statement while a bracket is open — all 46 KB of a host JSON checked
  // as a config, ~10% of that check's CPU, to answer "no names".
  if (!BINDING_KEYWORDS.has(stmt.keyword)) return { names: [], how: '' };
  const lx = lexHeader(text, stmt.span);
  const words = lx.map((l) => l.text);
  switch (stmt.keyword) {
    case 'import': {
      // import a.b, c as d  -> a, d
      const names: string[] = [];
      let k = 1;
      while (k < lx.length) {
        const first = lx[k]!.text;
        let j = k + 1;
        while (j < lx.length && lx[j]!.text !== ',') j++;
        const asAt = words.slice(k, j).lastIndexOf('as');
        names.push(asAt > 0 ? words[k + asAt + 1]! : first);
        k = j + 1;
      }
      return { names, how: 'imported by a statement that is not evaluated' };
    }
    case 'from': {
      const at = words.indexOf('import');
      const names: string[] = [];
      for (let k = at + 1; k > 0 && k < lx.length; k++) {
        if (lx[k]!.kind !== 'name' || words[k] === 'as') continue;
        if (words[k + 1] === 'as') continue;
        names.push(words[k]!);
      }
      return { names, how: 'imported by a statement that is not evaluated' };
    }
    case 'def':
    case 'class':
      return { names: lx[1]?.kind === 'name' ? [lx[1].text] : [], how: `defined by a ${stmt.keyword} statement, which is not evaluated` };
    case 'for': {
      const at = words.indexOf('in');
      return { names: plainNames(lx.slice(1, at < 0 ? lx.length : at)), how: 'a loop variable of a for statement, which is not evaluated' };
    }
    case 'assignment': {
      let last = -1;
      lx.forEach((l, k) => {
        if (l.kind === 'punct' && l.depth === 0 && ASSIGN_OPS.has(l.text)) last = k;
      });
      return { names: last < 0 ? [] : plainNames(lx.slice(0, last).filter((l) => !(l.kind === 'punct' && ASSIGN_OPS.has(l.text)))), how: 'assigned by a statement that is not evaluated' };
    }
    case 'del':
      return { names: plainNames(lx.slice(1)), how: 'deleted by a del statement, which is not evaluated' };
    default:
      return { names: [], how: '' };
  }
}

/** The first line of a statement, without trailing blanks. */
export function headerSpan(text: string, span: Span): Span {
  let end = span.start;
  while (end < span.end && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  while (end > span.start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return { start: span.start, end };
}

/** Names xm put into every config's namespace: modules and helpers, never plain values. */
export const XM_PRESET = ['os', 'sys', 'xm_vars', 'xm_file', 'xm_help'];

/**
 * Every name a statement that is not run may bind, pushed to `out` in source order: the targets of
 * the assignments in its block (at their own spans), then what the statement and its nested blocks
 * bind themselves (`a, b = ...`, `for x in ...`, `import m`; at the header line).
 */
function unreadNames(text: string, stmt: UnsupportedStmt, inner: AssignStmt[], out: UnreadAssignment[]): void {
  for (const a of inner) {
    for (const t of [a.key, ...(a.chained ?? [])]) out.push({ key: t.name, keySpan: { start: t.span.start, end: t.span.end }, at: a.span.start, why: 'not-read' });
  }
  boundUnread(text, stmt, out);
}

/** The names `stmt` and the statements nested in its block bind themselves, at each one's header line. */
function boundUnread(text: string, stmt: UnsupportedStmt, out: UnreadAssignment[]): void {
  const header = headerSpan(text, stmt.span);
  for (const name of boundNames(text, stmt).names) out.push({ key: name, keySpan: header, at: stmt.span.start, why: 'not-read' });
  for (const b of stmt.body) if (b.kind === 'unsupported') boundUnread(text, b, out);
}

/**
 * A statement that is not run: one info if its block holds assignments, and (xm) the names it binds
 * become opaque. A certain rebinding (`import`, `a, b = ...`) replaces the old value; names assigned
 * only inside a conditional block keep an earlier value when they had one. Every name it may bind
 * goes to `unread`: whatever value such a name ends up with, it is not known.
 */
export function unsupportedStatement(stmt: UnsupportedStmt, ctx: EvalContext, xm: boolean, unread: UnreadAssignment[]): void {
  const inner = assignmentsIn(stmt.body);
  unreadNames(ctx.text, stmt, inner, unread);
  if (inner.length > 0) {
    // Point at the block's header line (`if x == 1:`), not the whole body: the keys are related spans.
    report(ctx, EvalCode.blockNotRead, headerSpan(ctx.text, stmt.span), `settings inside this block are not read (${plural(inner.length, 'assignment')})`);
    const d = ctx.diagnostics[ctx.diagnostics.length - 1]!;
    d.related = inner.slice(0, 20).map((a) => ({ message: `'${a.key.name}' is not read`, span: { start: a.key.span.start, end: a.key.span.end } }));
  }
  if (!xm) return;
  const own = boundNames(ctx.text, stmt);
  const certain = stmt.keyword === 'import' || stmt.keyword === 'from' || stmt.keyword === 'def' || stmt.keyword === 'class' || stmt.keyword === 'assignment' || stmt.keyword === 'del';
  for (const name of own.names) {
    if (certain || !ctx.env.has(name)) ctx.env.set(name, { state: 'opaque', how: own.how });
  }
  const conditional = new Set<string>();
  for (const a of inner) for (const t of [a.key, ...(a.chained ?? [])]) conditional.add(t.name);
  const walk = (body: Stmt[]) => {
    for (const s of body) {
      if (s.kind !== 'unsupported') continue;
      for (const n of boundNames(ctx.text, s).names) conditional.add(n);
      walk(s.body);
    }
  };
  walk(stmt.body);
  for (const name of conditional) {
    if (!ctx.env.has(name)) ctx.env.set(name, { state: 'opaque', how: 'only assigned inside a block that is not evaluated' });
  }
}

/**
 * Add every name `e` reads to `out`, left to right (calls and the like are never evaluated, so
 * they read nothing). Iterative: long operator chains must not recurse. `stack` is scratch space,
 * left empty.
 */
export function namesRead(e: Expr, out: { add(name: string): unknown }, stack: Expr[] = []): void {
  stack.push(e);
  while (stack.length > 0) {
    const x = stack.pop()!;
    switch (x.kind) {
      case 'name':
        out.add(x.name);
        break;
      case 'list':
      case 'tuple':
        for (let i = x.items.length - 1; i >= 0; i--) stack.push(x.items[i]!);
        break;
      case 'paren':
        stack.push(x.inner);
        break;
      case 'unary':
        stack.push(x.operand);
        break;
      case 'binary':
        stack.push(x.right, x.left);
        break;
      case 'unsupported':
        // The operands the evaluator reads (len(), subscripts, comparisons, and/or/not/if: evaluate-access.ts).
        if (x.parts !== undefined) for (const p of partExprs(x.parts).reverse()) stack.push(p);
        break;
      default:
        break;
    }
  }
}
