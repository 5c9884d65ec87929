/**
 * @fileoverview How deep Python 2's parser stack gets on a logical line (decision 055). Python 2's
 * pgen parser pushes one entry per nonterminal it enters and holds 1,500 (MAXSTACK, Parser/parser.h);
 * one more push is "s_push: parser stack overflow" and a MemoryError, so xm cannot read the file.
 * A value `x = 1` is 20 entries deep (file_input, stmt, simple_stmt, small_stmt, expr_stmt,
 * testlist, test, or_test, and_test, not_test, comparison, expr, xor_expr, and_expr, shift_expr,
 * arith_expr, term, factor, power, atom); a bracket adds 15 (its list node, then test … atom again),
 * a call or subscript 16 (trailer, arglist/subscriptlist, argument/subscript, test … atom), a unary
 * `-` `+` `~` or a `not` 1 until its operand ends, `**` 2, `lambda` 2 and `else` 1 to the end of
 * the test, a block 4 (stmt, compound_stmt, if_stmt, suite). Each number was measured with Python
 * 2.7.18 (scripts/py2-cases-deep.mjs holds the boundary cases py2-diff compares). The machine
 * below follows the tokens of one logical line with those rules; where Python's grammar is not
 * modelled (parameter sublists of `def` and `lambda`, `yield` in brackets, a decorated definition's
 * extra level) it counts no more than Python does, so it can miss an overflow there but never
 * reports one Python does not have.
 */
import { Tok } from './tree.js';
import { DECORATOR_BASE, depth, endDefault, EXPR_BASE, F, HEADERS, lambdaDefault, newFrame, PY2_STACK, STMT_BASE, type Frame } from './py2-frames.js';

/** Whether text[start, end) could be one of the keywords {@link Py2Stack} reads (not in is and or if else lambda for as). */
function mayBeKeyword(text: string, start: number, end: number): boolean {
  const n = end - start;
  if (n < 2 || n > 6) return false;
  const c = text.charCodeAt(start);
  // a(nd, s) e(lse) f(or) i(f, n, s) l(ambda) n(ot) o(r)
  return c === 97 || c === 101 || c === 102 || c === 105 || c === 108 || c === 110 || c === 111;
}

/** Follows one logical line's tokens; {@link Py2Stack.step} says where the stack overflows. */
export class Py2Stack {
  private frames: Frame[] = [];
  /** The previous significant token ended an operand (a name, number, string or closing bracket). */
  private ended = false;
  /** The previous token was `.`: the name after it is a trailer's, not an atom. */
  private dot = false;
  private prevString = false;
  /** The previous token was `not` after an operand (`not in`) or `is` (`is not`). */
  private notIn = false;
  private afterIs = false;
  /** The next token starts a small statement. */
  private first = true;
  /** The statement is a compound statement's header: its `:` ends it. */
  private header = false;
  /** Depth the line's statements start from: 4 a block, 3 more after a header's `:`. */
  private blockOffset = 0;
  private offset = 0;

  /** Start a logical line `blocks` blocks deep. */
  line(blocks: number): void {
    this.blockOffset = 4 * blocks;
    this.offset = this.blockOffset;
    this.frames = [newFrame(F.Stmt, this.offset + EXPR_BASE, 0, 0, 0)];
    this.ended = this.dot = this.prevString = this.notIn = this.afterIs = this.header = false;
    this.first = true;
  }

  /** The innermost open bracket's span, or null at the statement's own level. */
  innermost(): { start: number; end: number } | null {
    const f = this.frames[this.frames.length - 1]!;
    return f.kind === F.Stmt ? null : { start: f.start, end: f.end };
  }

  /** Feed one significant token of the line; true when Python 2's stack overflows at it. */
  step(text: string, kind: number, start: number, end: number): boolean {
    const f = this.frames[this.frames.length - 1]!;
    const wasString = this.prevString;
    const wasIs = this.afterIs;
    this.prevString = false;
    this.afterIs = false;
    if (this.first && f.kind === F.Stmt) {
      this.first = false;
      if (this.statementWord(f, text, kind, start, end)) return false;
    }
    if (f.kind === F.Params) return this.inParams(kind, text, start, end);
    switch (kind) {
      case Tok.Number:
      case Tok.String:
        this.prevString = kind === Tok.String;
        if (kind === Tok.String && wasString) return false; // adjacent strings: one atom
        return this.operand(f);
      case Tok.Identifier:
        // Most names are not keywords: no string is made for them (long statements run through here).
        return mayBeKeyword(text, start, end) ? this.word(f, text.slice(start, end), wasIs) : this.operand(f);
      case Tok.LParen:
      case Tok.LBracket:
        return this.open(f, kind === Tok.LParen ? F.Paren : F.List, start, end);
      case Tok.RParen:
      case Tok.RBracket:
        this.close();
        return false;
      case Tok.Operator:
        return this.operator(f, text.slice(start, end));
      case Tok.Equals:
      case Tok.PlusEquals:
        if (f.lambdas > 0) {
          lambdaDefault(f);
          this.ended = false;
          return false;
        }
        if (f.defParams) f.defaultValue = true;
        this.endTest(f);
        return false;
      case Tok.Comma:
        if (f.defaults.length > 0 && f.conds === 0) endDefault(f);
        if (f.lambdas > 0) return false;
        f.defaultValue = false;
        this.endTest(f);
        if (f.kind === F.Sub && f.colons >= 2) f.base--;
        f.colons = 0;
        return false;
      case Tok.Colon:
        return this.colon(f);
      case Tok.Semicolon:
        if (f.kind === F.Stmt) this.nextStatement(f);
        return false;
      case Tok.Punct: {
        const c = text.charCodeAt(start);
        if (c === 123) return this.open(f, F.Brace, start, end); // {
        if (c === 125) this.close(); // }
        else if (c === 96) {
          // A backquote closes the one open after an operand, else opens a repr.
          if (f.kind === F.Backquote && this.ended) this.close();
          else return this.open(f, F.Backquote, start, end);
        } else if (c === 46) {
          this.dot = this.ended; // a trailer's `.name`
          this.ended = false;
        }
        return false;
      }
      default:
        return false;
    }
  }

  /** The first token of a small statement: its keyword sets where its expression starts; true when consumed. */
  private statementWord(f: Frame, text: string, kind: number, start: number, end: number): boolean {
    if (kind === Tok.Punct && text.charCodeAt(start) === 64) {
      f.base = f.elem = this.offset + DECORATOR_BASE; // @
      return true;
    }
    const word = kind === Tok.Identifier ? text.slice(start, end) : '';
    const base = STMT_BASE.get(word);
    if (base === undefined) {
      f.base = f.elem = this.offset + EXPR_BASE;
      return false;
    }
    this.header = HEADERS.has(word);
    // Nothing of an import or global statement is counted: a base of 0 keeps every depth small.
    f.base = f.elem = base === 0 ? 0 : this.offset + base;
    f.target = word === 'for';
    if (word === 'def') f.defParams = true; // taken over by the `(` after the name
    return true;
  }

  /** A new small statement after `;` or after a header's `:` (a simple statement on its line). */
  private nextStatement(f: Frame): void {
    this.endTest(f);
    f.lambdas = 0;
    f.target = f.defParams = f.defaultValue = false;
    this.first = true;
    this.ended = false;
  }

  /** An atom (name, number, string): true when its chain of pushes overflows. */
  private operand(f: Frame): boolean {
    const trailerName = this.dot;
    this.dot = false;
    this.ended = true;
    // A parameter's or a trailer's name, or a name of an import: no atom is pushed for it.
    if (trailerName || f.lambdas > 0 || f.base === 0 || (f.defParams && f.kind !== F.Stmt && !f.defaultValue)) return false;
    const d = depth(f);
    f.atom = d;
    return d > PY2_STACK;
  }

  /** A bracket opening: a trailer after an operand, else an atom; true when the atom overflows. */
  private open(f: Frame, kind: F, start: number, end: number): boolean {
    this.dot = false;
    // A lambda's or a def's parameters in brackets (sublists): not counted.
    if (f.lambdas > 0 || (f.defParams && !f.defaultValue && !this.ended)) {
      this.frames.push(newFrame(F.Params, 0, 0, start, end));
      this.ended = false;
      return false;
    }
    if (this.ended && (kind === F.Paren || kind === F.List)) {
      // trailer (at the atom's depth), arglist/subscriptlist, argument/subscript, test … atom.
      const t = f.atom;
      const child = newFrame(kind === F.Paren ? F.Call : F.Sub, t + 16, t, start, end);
      // `def name(`: the parameters; the def header's own flag is done.
      if (f.defParams && f.kind === F.Stmt) {
        child.defParams = true;
        f.defParams = false;
      }
      this.frames.push(child);
      this.ended = false;
      return false;
    }
    const d = f.base === 0 ? 0 : depth(f);
    // testlist_comp/listmaker/dictorsetmaker/testlist1, test … atom: 15 below the bracket.
    this.frames.push(newFrame(kind, d === 0 ? 0 : d + 15, d, start, end));
    this.ended = false;
    return d > PY2_STACK;
  }

  /** A closing bracket: back to the frame around it, after an operand. */
  private close(): void {
    if (this.frames.length > 1) {
      const child = this.frames.pop()!;
      this.frames[this.frames.length - 1]!.atom = child.self;
    }
    this.ended = true;
    this.dot = false;
  }

  /** Tokens inside parameter sublists: only brackets matter, to find the sublist's end. */
  private inParams(kind: number, text: string, start: number, end: number): boolean {
    const c = kind === Tok.Punct ? text.charCodeAt(start) : 0;
    if (kind === Tok.LParen || kind === Tok.LBracket || c === 123) this.frames.push(newFrame(F.Params, 0, 0, start, end));
    else if (kind === Tok.RParen || kind === Tok.RBracket || c === 125) this.close();
    else this.ended = false;
    return false;
  }

  /** An operator token. */
  private operator(f: Frame, op: string): boolean {
    if (f.lambdas > 0) return false;
    if (op === '-' || op === '+' || op === '~') {
      if (op !== '~' && this.ended) return this.binary(f);
      // factor: (unary) factor: the operator is read by a factor two above the atom.
      const d = depth(f) - 2;
      f.factor++;
      this.ended = false;
      return f.base !== 0 && d > PY2_STACK;
    }
    if (op === '**' || op === '*') {
      if (this.ended) {
        // power: atom trailer* ['**' factor]: the exponent's factor, power, atom are 2 deeper.
        if (op === '**') f.factor += 2;
        else f.factor = 0;
        this.ended = false;
        return false;
      }
      // `f(*args)`, `f(**kw)`: arglist's '*' test sits one above an argument's test.
      if (f.kind === F.Call && !f.defParams) f.test--;
      return false;
    }
    if (op.length >= 2 && op.endsWith('=') && !['==', '!=', '<=', '>='].includes(op)) {
      this.endTest(f); // augmented assignment
      return false;
    }
    return this.binary(f);
  }

  /** A binary operator: the unary prefixes of the operand before it are done. */
  private binary(f: Frame): boolean {
    f.factor = 0;
    this.ended = false;
    return false;
  }

  /** The end of a test (`,` `=` `:` …): its prefixes are done. */
  private endTest(f: Frame): void {
    f.test = f.not = f.factor = f.conds = 0;
    this.ended = false;
  }

  /** A `:`: a lambda's parameters end, a header ends, a slice goes on, a dict value starts. */
  private colon(f: Frame): boolean {
    this.ended = false;
    if (f.lambdas === 0 && f.defaults.length > 0 && f.conds === 0) endDefault(f);
    if (f.lambdas > 0) {
      f.lambdas--;
      return false;
    }
    if (f.kind === F.Stmt) {
      if (this.header) {
        this.header = false;
        this.offset = this.blockOffset + 3; // suite, simple_stmt on the header's line
        f.base = f.elem = this.offset + EXPR_BASE;
        this.nextStatement(f);
      } else this.endTest(f);
      return false;
    }
    this.endTest(f);
    if (f.kind !== F.Sub) return false;
    // subscript: [test] ':' [test] [sliceop]: the second colon pushes sliceop, a level deeper.
    f.colons++;
    if (f.colons === 2) f.base++;
    return f.self + 2 + (f.colons >= 2 ? 1 : 0) > PY2_STACK;
  }

  /** A name or keyword. */
  private word(f: Frame, w: string, wasIs: boolean): boolean {
    switch (w) {
      case 'not':
        if (f.lambdas > 0) return false;
        if (this.ended) {
          this.notIn = true; // `not in`
          return this.binary(f);
        }
        if (wasIs) return false; // `is not`
        {
          // not_test: 'not' not_test: read ten above the atom (comparison … power, atom below it).
          const d = depth(f) - 10;
          f.not++;
          this.ended = false;
          return f.base !== 0 && d > PY2_STACK;
        }
      case 'in':
        if (f.lambdas > 0) return false;
        if (this.notIn) {
          this.notIn = false;
          return false;
        }
        if (f.target) {
          f.target = false;
          this.endTest(f);
          // for statement: testlist, test … atom; comp_for: or_test … atom; list_for: testlist_safe, old_test, or_test … atom.
          if (f.kind === F.Stmt) f.base = this.offset + 19;
          else f.base = f.clause + (f.kind === F.List ? 15 : 13);
          return false;
        }
        return this.binary(f);
      case 'is':
        this.afterIs = true;
        return f.lambdas > 0 ? false : this.binary(f);
      case 'and':
      case 'or':
        if (f.lambdas > 0) return false;
        f.factor = f.not = 0;
        this.ended = false;
        return false;
      case 'if':
        if (f.lambdas > 0) return false;
        if (f.clause >= 0) {
          // comp_iter/list_iter, comp_if/list_if: two below the clause before; old_test, or_test … atom.
          f.clause += 2;
          this.endTest(f);
          f.base = f.clause + 14;
          return false;
        }
        f.factor = f.not = 0;
        f.conds++;
        this.ended = false;
        return false;
      case 'else':
        if (f.lambdas > 0 || f.conds === 0) return false;
        // test: or_test 'if' or_test 'else' test: the else part is a test inside the test.
        f.conds--;
        f.factor = f.not = 0;
        f.test++;
        this.ended = false;
        return false;
      case 'lambda': {
        if (f.lambdas > 0) {
          f.lambdas++; // a lambda inside a default value: only its `:` matters
          return false;
        }
        // lambdef under test, then its body's test: two deeper; lambdef is twelve above the atom.
        const d = depth(f) - 12;
        f.test += 2;
        f.lambdas++;
        this.ended = false;
        return f.base !== 0 && d > PY2_STACK;
      }
      case 'for':
        if (f.kind === F.Stmt || f.kind === F.Sub || f.lambdas > 0) return false;
        // The element's node (testlist_comp, listmaker, argument, dictorsetmaker) is 14 above its atoms;
        // the first comp_for/list_for is below it, each later clause two below the one before.
        f.clause = f.clause < 0 ? f.elem - 13 : f.clause + 2;
        this.endTest(f);
        f.target = true;
        // exprlist, expr … atom.
        f.base = f.clause + 10;
        return false;
      case 'as':
        if (f.kind === F.Stmt && f.base !== 0) {
          // with_item's / except's target: an expr, not a test.
          this.endTest(f);
          f.base = this.offset + 14;
        }
        return false;
      default:
        return this.operand(f);
    }
  }
}
