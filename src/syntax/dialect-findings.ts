/**
 * @fileoverview Finds the constructs that only one dialect accepts, in a parsed tree. Both
 * `detectDialect` (first xm-only construct wins) and `dialectDiagnostics` (every construct the
 * chosen dialect rejects) are built on this one list, so they can never disagree.
 */
import { quoteText } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { LexFact, Tok, type AssignStmt, type Expr, type Name, type Stmt, type SyntaxTree } from './tree.js';
import { checkEscapes } from './libxlu.js';
import { blockIndentFindings } from './block-indent.js';
import { Py2Lines } from './py2-lines.js';
import { PY2_STACK } from './py2-frames.js';

/** A construct only one dialect accepts (`only`), the RFC spelling `numa = on` (`rfc`), or number
 * text neither reads (`none`: libxlu's lexer and Python both reject it). */
export interface Finding {
  /** `xl-warning`: a construct xl accepts that deserves a warning when the file is read as xl. */
  only: 'xl' | 'xm' | 'rfc' | 'none' | 'xl-warning';
  code: string;
  span: Span;
  /** Plain words: what the construct is ("a float", "a dotted key"). */
  what: string;
  message: string;
  hint?: string;
  /** Counts for dialect detection only: another diagnostic (XM0020) already reports it. */
  detectOnly?: boolean;
}

const XL_KEY = /^[a-z][a-z0-9_.]*$/;
const XL_NUMBER = /^[0-9][0-9a-fx]*$/;
/** Python 2 numeric literals (ints incl. old octal and L suffix, floats, imaginary). */
const PY2_NUMBER = /^(?:(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)[lL]?|(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[jJ]?|[0-9]+[eE][+-]?[0-9]+[jJ]?|[0-9]+[jJ])$/;
/** Python 2's keywords: xm cannot assign to one (the language server's rename refuses them too). */
export const PY_KEYWORDS: ReadonlySet<string> = new Set(
  'and as assert break class continue def del elif else except exec finally for from global if import in is lambda not or pass print raise return try while with yield'.split(' '),
);

/** Collect every dialect-specific construct of the tree, in source order. */
export function collectFindings(tree: SyntaxTree): Finding[] {
  const out: Finding[] = [];
  scanTokens(tree, out);
  statementFindings(tree, tree.statements, out);
  return sortFindings(out);
}

/** Findings in source order (a stable sort: ties keep token findings before statement ones). */
export function sortFindings(out: Finding[]): Finding[] {
  out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return out;
}

/**
 * The token-level findings of {@link collectFindings} (the tree's statements are not read); true
 * when the scan ends as it starts a text (outside brackets, after a line end), so the findings of a
 * text cut there are the findings of its pieces (the language server's per-chunk findings).
 */
export function tokenFindings(tree: SyntaxTree, out: Finding[]): boolean {
  return scanTokens(tree, out);
}

/**
 * The statement-level findings of {@link collectFindings} for some top-level statements (with their
 * blocks); only `tree.text` is read, so a streaming parse can pass statements chunk by chunk.
 */
export function statementFindings(tree: Pick<SyntaxTree, 'text'>, stmts: readonly Stmt[], out: Finding[], top = true): void {
  if (top) blockIndentFindings(tree.text, stmts, out);
  for (const s of stmts) {
    if (s.kind === 'assign') assignFindings(tree, s, top, out);
    else if (s.kind === 'unsupported') {
      out.push({
        only: 'xm',
        code: 'XM0515',
        span: s.span,
        what: s.keyword === 'expression' ? 'a value used as a statement' : 'a Python statement',
        message: s.keyword === 'expression' ? 'xl does not accept a value standing alone as a statement' : 'xl does not accept Python statements',
        detectOnly: s.keyword !== 'expression',
      });
      if (top) indentFinding(tree, s.span, out);
      statementFindings(tree, s.body, out, false);
    } else if (top) indentFinding(tree, s.span, out);
  }
}

/** Token-level constructs: strings, numbers, continuation, CR, final comment, `;;`, BOM. */
function scanTokens(tree: SyntaxTree, out: Finding[]): boolean {
  const { kinds, starts, ends, count, facts } = tree.tokens;
  return scanTokenRange(tree.text, kinds, starts, ends, count, out, facts ?? LexFact.All);
}

/** XM0022 where Python 2's parser stack overflows (./py2-lines.ts). */
function py2TooDeep(span: Span): Finding {
  return { only: 'xl', code: 'XM0022', span, what: 'nesting too deep for Python 2', message: `nested too deep for Python 2: its parser stack (${PY2_STACK} entries) overflows here ("s_push: parser stack overflow", MemoryError), so xm cannot read the file`, hint: 'flatten the value' };
}

/**
 * The loop of {@link scanTokens}, on plain arguments. Trees reach it in several object shapes (a
 * parse's, the language server's joined chunks); read from the tree inside the loop function, a
 * shape change threw away its optimised code and the editor's check of 5,000 lines spent ~35 ms per
 * keystroke here in V8's baseline tier (1 ms optimised). See test/bench/latest.md, LSP row.
 * `facts`: what the lexer recorded (LexFact); the checks it rules out are skipped, as the lexer has
 * already read those characters (a string's escapes were a second loop over every string).
 */
function scanTokenRange(text: string, kinds: Uint8Array, starts: Int32Array, ends: Int32Array, count: number, out: Finding[], facts: number): boolean {
  const vt = (facts & LexFact.VerticalTab) !== 0;
  const numbers = (facts & LexFact.OddNumber) !== 0;
  const escapes = (facts & LexFact.StringBackslash) !== 0;
  let prevSig = -1; // kind of the previous significant token (-1: start of file)
  let depth = 0;
  // Python 2's parser stack, per logical line (XM0022).
  const py2 = new Py2Lines(text, kinds, starts, ends);
  // Most files have no CR at all: one search here spares a scan of every string and comment.
  const hasCr = text.includes('\r');
  const hasFf = text.includes('\f');
  for (let i = 0; i < count; i++) {
    const k = kinds[i]!;
    // The span object is made only for a token that gets a finding: most tokens are trivia.
    const start = starts[i]!;
    const end = ends[i]!;
    switch (k) {
      case Tok.Whitespace:
        if (start === 0 && text.charCodeAt(0) === 0xfeff)
          out.push({ only: 'xm', code: 'XM0514', span: { start, end }, what: 'a byte-order mark', message: 'xl reads the UTF-8 byte-order mark as invalid characters', hint: 'save the file without BOM' });
        if (hasFf) formFeedIn(text, start, end, out);
        // The grammar skips a vertical tab as a blank, but neither tool does: Python's tokenizer
        // skips only space, tab and form feed (SyntaxError), libxlu only space and tab.
        // Only the token's own characters: indexOf('\v', start) ran to the file's end when the token
        // had none, once per blank (a 20 MB file took minutes).
        // Without the fact, no whitespace of the text has one.
        if (!vt) continue;
        for (let v = start; v < end; v++) {
          if (text.charCodeAt(v) !== 11) continue;
          out.push({ only: 'none', code: 'XM0001', span: { start: v, end: v + 1 }, what: 'a vertical tab', message: 'invalid character U+000B (vertical tab): neither Python (xm) nor xl reads it as a blank', hint: 'replace it with a space' });
        }
        continue;
      case Tok.Comment:
        if (hasCr) crInside(text, start, end, 'comment', out);
        if (i === count - 1)
          out.push({ only: 'xm', code: 'XM0512', span: { start, end }, what: 'a final comment without newline', message: 'xl rejects a comment on the last line unless the line ends with a newline', hint: 'add a newline at the end of the file' });
        continue;
      case Tok.Continuation:
        out.push({ only: 'xm', code: 'XM0510', span: { start, end }, what: 'a backslash line continuation', message: 'xl has no backslash line continuation', hint: 'join the lines, or use a list, which may span lines' });
        continue;
      case Tok.Newline:
        // libxlu's comment rule `#.*\n` swallows a CR before the LF, so `# c\r\n` is fine for xl.
        if (text.charCodeAt(start) === 13 && !(i > 0 && kinds[i - 1] === Tok.Comment && end - start === 2))
          out.push({ only: 'xm', code: 'XM0511', span: { start, end }, what: 'a CR line ending', message: 'xl rejects carriage returns (CRLF or CR line endings)', hint: 'convert the file to LF line endings (dos2unix)' });
        if (depth === 0) {
          prevSig = Tok.Newline;
          py2.lineEnd();
        }
        continue;
      case Tok.String:
        if (hasCr) crInside(text, start, end, 'string', out);
        stringFindings(text, start, end, out, escapes);
        break;
      case Tok.Number: {
        // Without the fact, every number of the text is one both dialects read alike (no finding).
        if (!numbers) break;
        const span = { start, end };
        const t = text.slice(start, end);
        const xl = XL_NUMBER.test(t);
        const py = PY2_NUMBER.test(t);
        if (!xl && py) {
          const bad = t.search(/[^0-9a-fx]/);
          out.push({ only: 'xm', code: 'XM0501', span, what: `the number ${t}`, message: `xl does not read the number ${t} (${numberKind(t)})`, hint: bad >= 0 ? `xl numbers are decimal, 0x-hex with lowercase digits or 0-octal` : undefined });
        } else if (!xl && !py) {
          out.push({ only: 'none', code: 'XM0004', span, what: `the number text ${t}`, message: `${t} is not a number in xl or xm`, hint: 'quote it if it is meant as text' });
        } else if (xl && !py) out.push({ only: 'xl', code: 'XM0533', span, what: `the number text ${quoteText(t)}`, message: `${quoteText(t)} is not a Python number (xm rejects it; xl keeps it as text)`, hint: 'quote it if it is meant as text' });
        break;
      }
      case Tok.Semicolon:
        if (depth === 0 && (prevSig === -1 || prevSig === Tok.Newline || prevSig === Tok.Semicolon))
          out.push({ only: 'xl', code: 'XM0530', span: { start, end }, what: 'an empty statement', message: "Python (xm) rejects an empty statement (';' with nothing before it)", hint: "remove the extra ';'" });
        break;
      case Tok.LBracket:
      case Tok.LParen:
        depth++;
        break;
      case Tok.RBracket:
      case Tok.RParen:
        if (depth > 0) depth--;
        break;
      case Tok.Punct:
        if (text.charCodeAt(start) === 123) depth++; // {
        else if (text.charCodeAt(start) === 125 && depth > 0) depth--; // }
        break;
    }
    prevSig = k;
    const at = py2.token(i, k, start, end);
    if (at >= 0) out.push(py2TooDeep(py2.spanAt(at)));
  }
  // prevSig is read only by the ';' rule, which treats these three alike.
  return depth === 0 && (prevSig === -1 || prevSig === Tok.Newline || prevSig === Tok.Semicolon);
}

/**
 * The first form feed of a blank: Python's tokenizer skips it as a blank (an Emacs page break),
 * libxlu's lexer skips only space and tab and stops with "lexical error". So it is a construct only
 * xm accepts, and `auto` reads the file as xm, as it does for a CR line end or a byte-order mark.
 * Detection only: read as xl, libxlu's reader reports it where it stops (XM0549). Only the token's
 * own characters are read (indexOf would run to the file's end for every blank without one).
 */
function formFeedIn(text: string, start: number, end: number, out: Finding[]): void {
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) !== 12) continue;
    out.push({ only: 'xm', code: 'XM0549', span: { start: i, end: i + 1 }, what: 'a form feed', message: 'xl rejects a form feed (libxlu skips only spaces and tabs)', detectOnly: true });
    return;
  }
}

/**
 * XM0521 at the first CR inside a comment or string that something follows. Only a tree lexed as xl
 * has one (src/syntax/lex.ts): xl reads it as a character, while editors (and xm) show a line break,
 * so the text after it looks like a line of its own. A CR ending the token (`# c` + CRLF) is harmless.
 */
function crInside(text: string, start: number, end: number, what: 'comment' | 'string', out: Finding[]): void {
  // Only this token's text: an indexOf over the rest of the file made every string and comment of a
  // file without a CR cost a scan to its end (10 MB took 27 s instead of 2.6 s).
  let cr = start;
  while (cr < end - 1 && text.charCodeAt(cr) !== 13) cr++;
  if (cr >= end - 1) return;
  const message =
    what === 'comment'
      ? 'this comment contains a carriage return (CR): editors show the text after it as a new line, but xl reads it as part of the comment'
      : 'this string contains a carriage return (CR): xl keeps it in the value, but editors show it as a line break';
  const hint = what === 'comment' ? 'replace the CR with a newline (LF) if the text after it is meant as a setting' : 'remove the CR, or write it as \\r if it is meant';
  out.push({ only: 'xl-warning', code: 'XM0521', span: { start: cr, end: cr + 1 }, what: `a CR inside a ${what}`, message, hint });
}

function numberKind(t: string): string {
  if (/^0[xX]/.test(t)) return 'xl needs lowercase hex digits';
  if (/^0[oObB]/.test(t)) return 'no 0o/0b literals in xl';
  if (/[lL]$/.test(t)) return 'no long suffix in xl';
  if (/[jJ]$/.test(t)) return 'no imaginary numbers in xl';
  return 'xl has no floats';
}

/** r R u U b B: a string prefix character. */
function isPrefixChar(c: number): boolean {
  return c === 114 || c === 82 || c === 117 || c === 85 || c === 98 || c === 66;
}

/** The offset of the first backslash followed by a line break in [from, to), or -1. */
function escapedNewline(text: string, from: number, to: number): number {
  // A loop bounded by the string's end: text.indexOf('\\', from) would scan past it, to the end of
  // the whole file when no backslash follows (quadratic on a 10 MB file of strings).
  for (let at = from; at < to; at++) {
    if (text.charCodeAt(at) !== 92) continue;
    const c = at + 1 < to ? text.charCodeAt(at + 1) : -1;
    if (c === 10 || c === 13) return at;
    // Skip the escaped character: in `"\\⏎` the line break follows an escaped backslash.
    at++;
  }
  return -1;
}

/** The findings of one string token; `escapes` false: the lexer saw no backslash in any string of the text. */
function stringFindings(text: string, start: number, end: number, out: Finding[], escapes: boolean): void {
  let i = start;
  while (i < start + 2 && isPrefixChar(text.charCodeAt(i))) i++;
  const q = text[i];
  if (i > start)
    out.push({ only: 'xm', code: 'XM0507', span: { start, end }, what: `a '${text.slice(start, i)}' string prefix`, message: 'xl has no string prefixes (r, u, b)', hint: 'remove the prefix and double any backslash' });
  // Three quote characters from i on (the test once made a string q + q + q per string token).
  const qc = text.charCodeAt(i);
  if (text.charCodeAt(i + 1) === qc && text.charCodeAt(i + 2) === qc) {
    out.push({ only: 'xm', code: 'XM0506', span: { start, end }, what: 'a triple-quoted string', message: 'xl has no triple-quoted strings', hint: 'use one pair of quotes on one line' });
    return;
  }
  // Both checks below start at a backslash.
  if (i > start || !escapes) return;
  const bodyEnd = text[end - 1] === q && end - 1 > i ? end - 1 : end;
  const at = escapedNewline(text, i + 1, bodyEnd);
  if (at >= 0) {
    out.push({ only: 'xm', code: 'XM0516', span: { start: at, end: at + 2 }, what: 'a string continued on the next line', message: 'an xl string must end on the line where it starts', hint: 'write the string on one line' });
    return;
  }
  const esc = checkEscapes(text, i + 1, bodyEnd);
  if (esc)
    out.push({
      only: 'xm',
      code: 'XM0508',
      span: { start: esc.offset, end: Math.min(esc.offset + esc.length, bodyEnd) },
      what: `the escape ${text.slice(esc.offset, esc.offset + 2)}`,
      message: `xl rejects the escape ${text.slice(esc.offset, esc.offset + 2)} (${esc.message})`,
      hint: 'xl knows \\" \\\' \\\\ \\a \\b \\f \\n \\r \\t \\v; write other characters as they are',
    });
}

/** `  key = 1` at top level: Python's "unexpected indent". */
function indentFinding(tree: Pick<SyntaxTree, 'text'>, span: Span, out: Finding[]): void {
  const text = tree.text;
  let i = span.start;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\f')) i--;
  if (i === span.start) return;
  const before = i === 0 ? '\n' : text[i - 1];
  if (before !== '\n' && before !== '\r' && !(i === 1 && text.charCodeAt(0) === 0xfeff)) return;
  // Python's tokenizer sets the column back to 0 at a form feed ("For Emacs users"): a statement
  // after one (`^L` then `vcpus = 2`, a page break) is not indented.
  // The blanks after the last form feed are the indentation (a loop over the blanks only: lastIndexOf
  // would scan back through the file for every indented statement).
  for (let j = span.start - 1; j >= i; j--) {
    if (text[j] === '\f') {
      i = j + 1;
      break;
    }
  }
  if (i === span.start) return;
  out.push({ only: 'xl', code: 'XM0532', span: { start: i, end: span.start }, what: 'an indented statement', message: 'Python (xm) rejects an indented statement at the top level ("unexpected indent")', hint: 'remove the leading whitespace' });
}

function assignFindings(tree: Pick<SyntaxTree, 'text'>, s: AssignStmt, top: boolean, out: Finding[]): void {
  const key = s.key.name;
  if (!XL_KEY.test(key)) {
    out.push({ only: 'xm', code: 'XM0500', span: s.key.span, what: `the key ${key}`, message: `xl keys are lowercase letters, digits, '_' and '.', starting with a letter: "${key}" is not one`, hint: `write "${key.toLowerCase().replace(/^_+/, '')}"` });
  }
  if (key.includes('.')) out.push({ only: 'xl', code: 'XM0531', span: s.key.span, what: 'a dotted key', message: `Python (xm) rejects the dotted key "${key}"`, hint: 'dotted keys only make sense in xl.conf' });
  if (PY_KEYWORDS.has(key)) out.push({ only: 'xl', code: 'XM0534', span: s.key.span, what: 'a Python keyword as key', message: `"${key}" is a Python keyword: xm cannot assign to it` });
  // Python 2 compiles `True = 1` but not `None = 1` ("cannot assign to None"): xm refused the file.
  // The key, then each chained target (no array of them per statement: this runs for every one).
  noneTarget(s.key, out);
  if (s.chained) for (const t of s.chained) noneTarget(t, out);
  if (s.chained?.length) out.push({ only: 'xm', code: 'XM0513', span: s.span, what: 'a chained assignment', message: 'xl has no chained assignment (a = b = value)', hint: 'write one assignment per key' });
  if (top) indentFinding(tree, s.span, out);
  valueFindings(s.value, key, out);
}

/** XM0065 for an assignment to None or __debug__. */
function noneTarget(t: Name, out: Finding[]): void {
  if (t.name === 'None' || t.name === '__debug__') out.push({ only: 'xl', code: 'XM0065', span: t.span, what: `an assignment to ${t.name}`, message: `Python 2 (xm) cannot assign to ${t.name}` });
}

function valueFindings(e: Expr, key: string, out: Finding[]): void {
  switch (e.kind) {
    case 'string':
      if (e.parts.length > 1)
        out.push({ only: 'xm', code: 'XM0509', span: e.span, what: 'adjacent strings', message: 'xl does not join adjacent strings', hint: 'write one string' });
      return;
    case 'number':
    case 'error':
      return;
    case 'name':
      // The RFC's switch, spelt as the hypervisor's own `numa=on|off` boot option (decision 069).
      if (key === 'numa' && (e.name === 'on' || e.name === 'off')) {
        out.push({ only: 'rfc', code: 'XM0520', span: e.span, what: `the bare word ${e.name}`, message: `numa = ${e.name}: the NUMA RFC's spelling, read as "${e.name}" (xl and Python would both reject the bare word)`, hint: `write numa = "${e.name}"` });
        return;
      }
      if (e.name === 'True' || e.name === 'False' || e.name === 'None')
        out.push({ only: 'xm', code: 'XM0505', span: e.span, what: e.name, message: `xl has no ${e.name}`, hint: e.name === 'None' ? 'leave the key out' : `write ${e.name === 'True' ? 1 : 0}` });
      else out.push({ only: 'xm', code: 'XM0505', span: e.span, what: `the name ${quoteText(e.name)}`, message: `xl values are never names: quote "${quoteText(e.name)}" if it is text`, hint: `write "${quoteText(e.name)}"` });
      return;
    case 'list':
      for (const it of e.items) valueFindings(it, key, out);
      return;
    case 'tuple':
      out.push({ only: 'xm', code: 'XM0504', span: e.span, what: 'a tuple', message: 'xl has no tuples', hint: 'use a list [..] or a quoted string' });
      return;
    case 'unary':
      out.push({ only: 'xm', code: 'XM0502', span: e.span, what: e.op === '-' ? 'a negative number' : 'a unary plus', message: e.op === '-' ? 'xl has no negative numbers' : 'xl has no unary plus', hint: 'quote the value if the option accepts a string' });
      return;
    default:
      out.push({ only: 'xm', code: 'XM0503', span: e.span, what: 'an expression', message: 'xl does not evaluate expressions', hint: 'write the computed value' });
  }
}
