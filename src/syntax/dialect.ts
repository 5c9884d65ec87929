/**
 * @fileoverview Dialect detection and dialect rules. `detectDialect` picks xm when the file uses a
 * construct only xm accepts (the first one is the reason), else xl. `dialectDiagnostics` reports
 * every construct the chosen dialect rejects (XM05xx); for xl it also consults the libxlu
 * re-implementation so the verdict and first error line are exactly libxlu's.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { LineIndex, lineOf } from '../diagnostics/line-index.js';
import type { Dialect } from './value.js';
import type { SyntaxTree } from './tree.js';
import { collectFindings, type Finding } from './dialect-findings.js';
import { libxluCheck, type XluError } from './libxlu.js';
import { sourceEncodingDiagnostics } from './source-encoding.js';

/** The dialect of a file and why it was chosen. */
export interface DialectDetection {
  dialect: Dialect;
  reason: string;
  /** The construct that decided it (absent when nothing xm-only was found). */
  span?: Span;
}

/** Findings per tree: `parse` asks for them twice (detection, then rules). */
const cache = new WeakMap<SyntaxTree, Finding[]>();
function findings(tree: SyntaxTree): Finding[] {
  let f = cache.get(tree);
  if (!f) cache.set(tree, (f = collectFindings(tree)));
  return f;
}

/** Use `all` (what collectFindings returns for `tree`, made while parsing it) as the tree's findings. */
export function rememberFindings(tree: SyntaxTree, all: Finding[]): void {
  cache.set(tree, all);
}

/** Pick xm when the file uses a construct only xm accepts, else xl. */
export function detectDialect(tree: SyntaxTree): DialectDetection {
  return detectDialectFrom(findings(tree), tree.text);
}

const toDiag = (f: Finding, severity: Diagnostic['severity']): Diagnostic => {
  const d: Diagnostic = { code: f.code, severity, message: f.message, span: f.span };
  if (f.hint) d.hint = f.hint;
  return d;
};

/**
 * Diagnostics for the constructs `dialect` does not accept. `syntaxDiagnostics` (parseTree's) lets
 * the xl check avoid a duplicate when libxlu's first error is already reported. `complete`: they
 * are all of the parse's syntax findings (or the ones a cap kept of them), so libxlu's reader runs
 * only when they and the dialect findings leave it something to reject ({@link libxluMayReject}).
 * `invalidUtf8`: where the file's UTF-8 decoder met invalid bytes (ParseOptions.invalidUtf8).
 */
export function dialectDiagnostics(tree: SyntaxTree, dialect: Dialect, syntaxDiagnostics: readonly Diagnostic[] = [], complete = false, invalidUtf8: readonly number[] = []): Diagnostic[] {
  const all = findings(tree);
  return dialectDiagnosticsFrom(all, tree.text, dialect, syntaxDiagnostics, complete ? libxluUnlessAccepted(all, tree.text, syntaxDiagnostics) : undefined, invalidUtf8);
}

/**
 * libxlu's verdict on `text` for {@link dialectDiagnosticsFrom}, given every dialect finding and
 * every syntax finding of its parse (or the ones a cap kept): null without running the reader when
 * those prove it accepts the text.
 */
export function libxluUnlessAccepted(all: readonly Finding[], text: string, syntaxDiagnostics: readonly Diagnostic[]): () => XluError | null {
  return () => (libxluMayReject(all, text, syntaxDiagnostics) ? libxluCheck(text) : null);
}

/** {@link detectDialect} over findings already collected (a streaming parse has no whole tree). */
export function detectDialectFrom(all: readonly Finding[], text: string): DialectDetection {
  const first = all.find((f) => f.only === 'xm');
  if (!first) return { dialect: 'xl', reason: 'no construct that only xm accepts' };
  const line = lineOf(text, first.span.start);
  return { dialect: 'xm', reason: `uses ${first.what} (line ${line}), which only xm accepts`, span: first.span };
}

/**
 * {@link dialectDiagnostics} over findings already collected (every finding of the text, sorted).
 * `xlu`: libxlu's verdict on the text, asked for only when the dialect is xl (the editor's comes
 * from its chunks). `invalidUtf8`: where the file's UTF-8 decoder met invalid bytes (XM0049 in xm).
 */
export function dialectDiagnosticsFrom(all: readonly Finding[], text: string, dialect: Dialect, syntaxDiagnostics: readonly Diagnostic[] = [], xlu: () => XluError | null = () => libxluCheck(text), invalidUtf8: readonly number[] = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  const rejected = dialect === 'xl' ? 'xm' : 'xl';
  for (const f of all) {
    if (f.detectOnly) continue;
    if (f.only === rejected || f.only === 'none') out.push(toDiag(f, 'error'));
    else if (f.only === 'rfc') out.push(toDiag(f, 'info'));
    else if (f.only === 'xl-warning' && dialect === 'xl') out.push(toDiag(f, 'warning'));
  }
  // Python 2 reads the text itself before any statement: a file it cannot decode runs nothing.
  if (dialect === 'xm') out.push(...sourceEncodingDiagnostics(text, invalidUtf8));
  if (dialect === 'xl') {
    const xe = xlu();
    if (xe) {
      // Whatever the rules above say, xl's verdict and first error line must be libxlu's.
      const lines = new LineIndex(text);
      const line = lines.position(xe.offset).line;
      const rfc = all.some((f) => f.only === 'rfc' && f.span.start === xe.offset);
      const covered = [...syntaxDiagnostics, ...out].some((d) => d.severity === 'error' && lines.position(d.span.start).line <= line && !openedOnly(d, xe));
      if (!covered && !rfc) {
        const span = { start: xe.offset, end: xe.offset + xe.length };
        out.push({ code: 'XM0549', severity: 'error', message: `xl (libxlu) rejects the file here: ${xe.message}`, span });
      }
    }
  }
  return out;
}

/**
 * An XM0013 of a bracket left open to the end of the file points at the bracket (its primary span
 * is the opener); libxlu instead stops at the first token inside that its list grammar refuses (a
 * missing comma, a name), often lines later. Such an XM0013 does not stand for that stop, so
 * XM0549 still reports it; when libxlu only reaches the end of the file ("unexpected $end") the
 * XM0013 says it all.
 */
function openedOnly(d: Diagnostic, xe: XluError): boolean {
  return d.code === 'XM0013' && d.related?.[0]?.span.start === d.span.start && !xe.message.startsWith('syntax error, unexpected $end');
}

/**
 * Whether libxlu's reader (libxluCheck, a second lexer and parser over the whole text) could reject
 * the text, from what the first pass found; false only when it provably accepts it, so the reader
 * need not run. It accepts every text with no syntax finding (no invalid character, unterminated
 * string, NUL, statement the grammar rejects...) and no dialect finding that xl rejects or that
 * libxlu reads another way (`none`, `xm`, `rfc`): every statement is then `key = value` or
 * `key += value` with a key libxlu's IDENT matches, whose value is one plain string (no prefix, no
 * escape libxlu refuses, not triple-quoted, on one line), a number libxlu's NUMBER reads whole, or a
 * list of such values, statements being ended by newlines (comments included) or `;`, outside
 * strings and comments only spaces and tabs, and no comment last without its newline: libxlu's
 * grammar. The one character the lexer and Python skip as a blank and libxlu does not, the form
 * feed, makes the reader run. test/syntax/libxlu-skip.test.ts checks this claim on the corpus and
 * on many mutated texts.
 */
export function libxluMayReject(all: readonly Finding[], text: string, syntaxDiagnostics: readonly Diagnostic[]): boolean {
  if (syntaxDiagnostics.length > 0 || text.includes('\f')) return true;
  for (const f of all) if (f.only === 'xm' || f.only === 'none' || f.only === 'rfc') return true;
  return false;
}
