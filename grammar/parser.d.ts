/**
 * @fileoverview The Chevrotain grammar of the superset language, as an EmbeddedActionsParser that
 * builds the tree of src/syntax/tree.ts directly.
 *
 * The parser is fed ONE statement at a time: src/syntax/split.ts cuts the token stream into
 * statements (newline or `;` outside brackets) and drops trivia, so a broken statement can never
 * swallow the next one, and recursion is bounded by the bracket-depth pre-scan. Expressions follow
 * Python's precedence; calls, attributes, subscripts, dicts, comparisons, lambdas and
 * comprehensions are parsed only so they can be reported precisely (`unsupported` exprs).
 */
import { EmbeddedActionsParser, type IToken, type TokenType } from 'chevrotain';
import type { Span } from '../src/diagnostics/span.js';
import type { AssignStmt, Expr, StringPart, UnsupportedStmt } from '../src/syntax/tree.js';
/** A plain-words description of a token for error messages. */
export declare function describeToken(t: IToken | undefined): string;
/** The superset parser. Use the shared instance `xmParser` (building one costs milliseconds). */
export declare class XmParser extends EmbeddedActionsParser {
    /** Offset of the current chunk in the whole text: token offsets are chunk-relative. */
    base: number;
    constructor();
    /**
     * After an error, recovery may hand actions undefined values; the statement becomes an ErrorStmt
     * anyway, so an action that trips over one just yields an error expression.
     */
    protected ACTION<T>(impl: () => T): T;
    private tspan;
    private join;
    private err;
    private unsupported;
    /** Entry: one statement (no terminator). */
    statement: import("chevrotain").ParserMethod<[], AssignStmt | UnsupportedStmt>;
    /** `key = value`, `key += value`, chained `a = b = value`. */
    assignment: import("chevrotain").ParserMethod<[], AssignStmt>;
    /** Errors found by actions (invalid assignment targets); reset with the input. */
    targetErrors: {
        span: Span;
        message: string;
    }[];
    /** `import os`, `def f():`, `if x: ...`: a keyword and the rest of the statement, not parsed further. */
    pythonStatement: import("chevrotain").ParserMethod<[], UnsupportedStmt>;
    /** An expression used as a statement (a call...) or assigned to something that is not a key. */
    exprStatement: import("chevrotain").ParserMethod<[], UnsupportedStmt>;
    /** `a` or a tuple `a, b` / `a, b,` without parentheses. */
    testlist: import("chevrotain").ParserMethod<[], Expr>;
    /** A full expression: lambda, or a conditional expression. */
    test: import("chevrotain").ParserMethod<[], Expr>;
    private lambdef;
    private orTest;
    private andTest;
    private notTest;
    private comparison;
    private bitExpr;
    private binary;
    private arith;
    private term;
    private factor;
    private power;
    /** An atom followed by calls `()`, subscripts `[]` and attributes `.x`. */
    private atomExpr;
    private callArgs;
    private argument;
    private subscripts;
    private subscript;
    private sliceRest;
    /** `for x in xs` (`if cond`)* inside a comprehension. */
    private compFor;
    private atom;
    /** One or more adjacent string literals (xm concatenates them). */
    private strings;
    /** `( )`, `(a)`, `(a,)`, `(a, b)`, generator `(x for x in y)`. */
    private parenExpr;
    /** `[a, b,]` with newlines and comments allowed anywhere inside; list comprehensions are unsupported. */
    private listExpr;
    /** `{k: v, ...}` or a set `{a, b}`: parsed, never evaluated. */
    private dictExpr;
    private dictItem;
}
/** Split a string literal's text into prefix and quote. */
export declare function stringPart(image: string, span: Span): StringPart;
/** The one parser instance of the process, built on first use. */
export declare function getParser(): XmParser;
/** Token types for the lexer-facing modules (re-exported for convenience). */
export declare const tokenTypes: readonly TokenType[];
