/**
 * @fileoverview The domain name a conversion cannot carry over. xl refuses a config without a name
 * ("Domain name must be specified."), so when the statement xm took the name from is commented out
 * (its value reads a name an `if` block may set, holds a NUL character, …) or is inside a Python
 * block the conversion does not run, the converted file would be refused: that is reported as
 * XM0105 at the original assignment, as `check` reports a file without a name.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { AssignStmt, Name, Stmt, UnsupportedStmt } from '../syntax/tree.js';
import type { Setting } from '../syntax/value.js';
import { blockBoundNames } from './block-bound.js';

/** The statement xm took the domain name from: the last top-level one that sets (or may set) `name`. */
export type NameSetter = { kind: 'assign'; st: AssignStmt; key: Name } | { kind: 'block'; st: UnsupportedStmt };

/** The name target of an assignment (`name = …`, or `name` in a chained `a = name = …`), if any. */
export function nameTarget(st: AssignStmt): Name | undefined {
  return [st.key, ...(st.chained ?? [])].find((t) => t.name === 'name');
}

/** The last top-level statement that sets `name`, or a not-run block after it that may set it. */
export function lastNameSetter(text: string, statements: readonly Stmt[]): NameSetter | null {
  let last: NameSetter | null = null;
  for (const st of statements) {
    if (st.kind === 'assign') {
      const key = nameTarget(st);
      if (key) last = { kind: 'assign', st, key };
    } else if (st.kind === 'unsupported' && blockBoundNames(text, st).has('name')) last = { kind: 'block', st };
  }
  return last;
}

/** The span to report a block at: its last assignment of `name` (nested blocks included), else its header. */
function blockNameSpan(st: UnsupportedStmt): Span {
  let span: Span | null = null;
  const walk = (body: readonly Stmt[]): void => {
    for (const b of body) {
      if (b.kind === 'assign') span = nameTarget(b)?.span ?? span;
      else if (b.kind === 'unsupported') walk(b.body);
    }
  };
  walk(st.body);
  return span ?? st.span;
}

/** XM0105 at the assignment xm took the name from, which the converted file no longer has. */
export function lostNameDiagnostic(setter: NameSetter): Diagnostic {
  const block = setter.kind === 'block';
  return {
    code: 'XM0105',
    severity: 'error',
    message: block
      ? 'the converted file has no name: xm may have set it here, in a Python block xl cannot run (xl refuses a config without a name)'
      : 'the converted file has no name: this assignment is commented out (xl refuses a config without a name)',
    span: block ? blockNameSpan(setter.st) : setter.key.span,
    hint: 'write the name xm gave the domain as name = "…" in the converted file',
  };
}

/**
 * Whether the converted file lost the name xm gave the guest: the assignment xm took it from is
 * commented out, or a Python block may have set it and no usable name assignment stands before it.
 */
export function lostName(setter: NonNullable<ReturnType<typeof lastNameSetter>>, statements: readonly Stmt[], settings: readonly Setting[], isCommented: (s: Span) => boolean): boolean {
  if (setter.kind === 'assign') return isCommented(setter.st.span);
  const kept = statements.filter((st): st is AssignStmt => st.kind === 'assign' && st.span.start < setter.st.span.start && !!nameTarget(st) && !isCommented(st.span)).pop();
  if (!kept) return true;
  // name = "" names no guest (xm read it as no name; xl's guest cannot be addressed).
  const value = settings.find((s) => s.keySpan.start === nameTarget(kept)!.span.start)?.value;
  return value?.kind === 'string' && value.value === '';
}
