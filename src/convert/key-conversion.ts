/**
 * @fileoverview Per statement, what `convert --to xl` does about the xm → xl differences of keys
 * and values (xm-keys.ts, xm-values.ts): rename the key, change the value, keep the statement as
 * a comment that says why, or leave it to the plain syntax rewrite.
 */
import type { CheckResult } from '../check/check.js';
import type { TextEdit } from '../diagnostics/diagnostic.js';
import type { AssignStmt } from '../syntax/tree.js';
import type { Setting } from '../syntax/value.js';
import { isXlKey, type StatementChange } from './rewrite.js';
import { xlLiteral } from './xl-literal.js';
import { keyPlan } from './xm-keys.js';
import { xlKeyFor, xlMustNotRead, xlValue, xmGuestKind } from './xm-values.js';

/**
 * A statement kept as a comment: `why` heads the comment; `ignored` ones share one note per file:
 * 'xl' those xl would ignore, 'xm' those xm ignored (an HVM option of a PV guest, XM0244).
 */
export interface CommentPlan {
  key: string;
  why: string;
  ignored: false | 'xl' | 'xm';
}

/** What becomes of one statement. */
export type StatementPlan = CommentPlan | StatementChange;

/** The RFC NUMA keys: convert keeps them as written (or replaces them by a plan) and reports them itself. */
const NUMA_KEYS = new Set(['numa', 'numanodes', 'numanode']);

const XM_ONLY = 'xm only, xl ignores it';
const XM_PV_IGNORED = 'xm ignored it: an HVM option, and this guest is PV (builder is not "hvm")';

/** The key and value conversions of one file. */
export class KeyConversion {
  private readonly byKey = new Map<number, Setting>();
  private readonly kind: 'pv' | 'pvh' | 'hvm';
  /** Keys xm did not read whose value a renamed key now sets (type ← builder), with that key. */
  private readonly superseded = new Map<string, string>();
  private readonly ignored: string[] = [];
  private readonly xmIgnored: string[] = [];
  /** HVM options xm never handed to xend for this PV guest (check's XM0244): xl must not read them either. */
  private readonly pvIgnored = new Set<string>();
  private readonly xl: boolean;
  /** The name one statement writes whatever its text says ({@link setName}). */
  private name: { keyStart: number; change: StatementChange } | null = null;

  constructor(private readonly res: CheckResult) {
    for (const s of res.settings) if (!this.byKey.has(s.keySpan.start)) this.byKey.set(s.keySpan.start, s);
    this.kind = xmGuestKind(res.config as Record<string, unknown>, res.dialect);
    // A file read as xl means what xl reads (decision 015): an HVM kernel is a direct kernel boot,
    // not xend's firmware, and xl's own refusals (timer_mode on PV) stay for `check` to report.
    this.xl = res.dialect === 'xl';
    if (this.xl) return;
    // Only when the output stays PV: a `type = "hvm"` xm ignored (XM0553) is written as its author
    // meant it, and xl then reads the HVM options of that HVM guest.
    if (this.kind === 'pv') {
      for (const d of res.diagnostics) {
        const key = d.code === 'XM0244' ? this.byKey.get(d.span.start)?.key : undefined;
        if (key !== undefined) this.pvIgnored.add(key);
      }
    }
    for (const s of res.settings) {
      const to = this.renamed(s)?.key;
      if (to !== undefined) this.superseded.set(to, s.key);
    }
  }

  /** The key and value a setting is written with when xl reads it under another key, or null. */
  private renamed(s: Setting): { key: string; value: Setting['value'] } | null {
    if (NUMA_KEYS.has(s.key)) return null;
    const config = this.res.config as Record<string, unknown>;
    const to = xlKeyFor(s.key, config, this.kind);
    if (to !== null) return { key: to, value: s.value };
    const p = keyPlan(s.key);
    const v = p.kind === 'rename' ? p.carry(s.value) : null;
    return p.kind === 'rename' && v !== null ? { key: p.to, value: xlValue(p.to, v, this.res.dialect) ?? v } : null;
  }

  /** The plan for the statement that assigns `key` at offset `keyStart`. */
  statement(key: string, keyStart: number): StatementPlan {
    const s = this.byKey.get(keyStart);
    return s ? this.plan(key, s) : {};
  }

  /**
   * The name the statement whose `name` key starts at `keyStart` writes, whatever its text says: xm's
   * for an empty name (the file's base name, or "" from standard input, whose note XM0106 says so;
   * `--define name=` wins over the file's own value).
   */
  setName(keyStart: number, name: string): void {
    this.name = { keyStart, change: { value: { kind: 'string', value: name, span: { start: keyStart, end: keyStart } }, whole: true } };
  }

  /** The plan for one setting of `key` (also one the file does not write: an xm create option given with --define). */
  plan(key: string, s: Setting): StatementPlan {
    if (key === 'name' && this.name?.keyStart === s.keySpan.start) return this.name.change;
    if (NUMA_KEYS.has(key) || this.xl) return {};
    const by = this.superseded.get(key);
    if (by !== undefined) return { key, why: `xm did not read ${key}; ${by} sets it`, ignored: false };
    const p = keyPlan(key);
    // Before xl's own refusals (timer_mode on PV): xm never read the value, so nothing is lost (an
    // xm-only key keeps its own comment below: xl ignores it whatever the guest type).
    if (this.pvIgnored.has(key) && p.kind !== 'xm-only') return { key, why: XM_PV_IGNORED, ignored: 'xm' };
    const must = xlMustNotRead(key, this.res.config as Record<string, unknown>, this.kind);
    if (must) return { key, why: must.why, ignored: must.ignored ? 'xl' : false };
    const renamed = this.renamed(s);
    if (renamed) return renamed;
    if (p.kind === 'xm-only' || (p.kind === 'rename' && p.xmOnly)) return { key, why: XM_ONLY, ignored: 'xl' };
    const v = xlValue(key, s.value, this.res.dialect);
    return v ? { value: v } : {};
  }

  /** Keys whose statements this conversion rewrites or comments out: convert reports nothing more about them. */
  handles(key: string): boolean {
    return !this.xl && !NUMA_KEYS.has(key) && (keyPlan(key).kind !== 'keep' || this.pvIgnored.has(key));
  }

  /**
   * A chained assignment (`a = b = v`, xm) naming a key that is renamed, changed or commented out:
   * the statement written out, comment lines first; null when no name needs it (or one is not an
   * xl key: the plain rewrite comments the whole statement out).
   */
  chain(text: string, st: AssignStmt): { edit: TextEdit; comments: CommentPlan[] } | null {
    const names = [st.key, ...(st.chained ?? [])];
    if (names.some((n) => !isXlKey(n.name))) return null;
    const plans = names.map((n) => this.statement(n.name, n.span.start));
    if (plans.every((p) => !('why' in p) && p.key === undefined && p.value === undefined)) return null;
    const lines: string[] = [];
    const kept: string[] = [];
    const comments: CommentPlan[] = [];
    for (let i = 0; i < names.length; i++) {
      const n = names[i]!;
      const p = plans[i]!;
      const s = this.byKey.get(n.span.start);
      if (!s) return null;
      if ('why' in p) {
        const shown = xlLiteral(s.value, this.res.dialect) ?? text.slice(st.value.span.start, st.value.span.end);
        lines.push(`# ${p.why}: ${n.name} = ${shown.split(/\r\n|\r|\n/).join('\n# ')}`);
        comments.push(p);
        continue;
      }
      const literal = xlLiteral(p.value ?? s.value, this.res.dialect);
      if (literal === null) return null;
      kept.push(`${p.key ?? n.name} = ${literal}`);
    }
    if (kept.length) lines.push(kept.join('; '));
    // Whatever follows on the same line (`; next = 1`) must not end up inside a final comment.
    let i = st.span.end;
    while (text[i] === ' ' || text[i] === '\t') i++;
    const more = !kept.length && i < text.length && text[i] !== '\n' && text[i] !== '\r' && text[i] !== '#';
    return { edit: { span: st.span, text: lines.join('\n') + (more ? '\n' : '') }, comments };
  }

  /**
   * Note a commented-out statement: in the file's one note when xl would have ignored it, else a
   * line of its own; returns that line's text after `line N: ` (null for an ignored key), for the finding.
   */
  record(c: CommentPlan, line: number, notes: string[]): string | null {
    if (c.ignored) {
      (c.ignored === 'xl' ? this.ignored : this.xmIgnored).push(`${c.key} (line ${line})`);
      return null;
    }
    const what = `"${c.key}" commented out: ${c.why}`;
    notes.push(`line ${line}: ${what}`);
    return what;
  }

  /** The file's notes about the statements kept as comments because xl would have ignored them, and because xm did (one each, when any). */
  ignoredNotes(): string[] {
    const out: string[] = [];
    if (this.ignored.length) out.push(`kept as comments (xl would ignore them): ${this.ignored.join(', ')}`);
    if (this.xmIgnored.length) out.push(`kept as comments (HVM options xm ignored for this PV guest; builder = "hvm" would read them): ${this.xmIgnored.join(', ')}`);
    return out;
  }
}
