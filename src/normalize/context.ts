/**
 * @fileoverview The state one normalisation run shares between the per-option readers: the
 * dialect, the span map being built, and the diagnostics found so far.
 */
import type { Span } from '../diagnostics/span.js';
import type { Diagnostic, Fix, RelatedSpan } from '../diagnostics/diagnostic.js';
import { codeInfo } from '../diagnostics/codes/index.js';
import type { Dialect, Setting } from '../syntax/value.js';

/** Source spans of one field of the normalised config. */
export interface FieldSpans {
  key: Span;
  value: Span;
}

/**
 * JSON Pointer of the normalised config (`/memory`, `/disk/0/vdev`, `/numa`) → spans. A Map, not an
 * object: every file adds ~40 freshly built pointer strings in its own order, and as object keys
 * each store went through V8's megamorphic keyed-store path (internalise the string, walk or grow
 * the hidden-class transition tree, turn the object into a dictionary past a dozen keys); `mark` was
 * the largest self time of `check` over the 2,000-file corpus.
 */
export type SpanMap = Map<string, FieldSpans>;

/** Escape one JSON Pointer segment (RFC 6901). */
export function pointerSegment(s: string | number): string {
  const t = String(s);
  // Nearly every key needs no escaping: skip the two regex passes (a 10 MB file has 250,000 keys).
  if (t.indexOf('~') < 0 && t.indexOf('/') < 0) return t;
  return t.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Build a pointer from segments. */
export function pointer(...segs: (string | number)[]): string {
  // A loop, not map/join: pointers are built for every field of every file.
  let out = '';
  for (let i = 0; i < segs.length; i++) out += '/' + pointerSegment(segs[i]!);
  return out;
}

/** Make a diagnostic with the registry's default severity for its code. */
export function makeDiag(code: string, span: Span, message: string, extra: { hint?: string; related?: RelatedSpan[]; severity?: Diagnostic['severity']; fixes?: Fix[] } = {}): Diagnostic {
  const d: Diagnostic = { code, severity: extra.severity ?? codeInfo(code)?.severity ?? 'error', message, span };
  if (extra.hint !== undefined) d.hint = extra.hint;
  if (extra.fixes !== undefined) d.fixes = extra.fixes;
  if (extra.related !== undefined) d.related = extra.related;
  return d;
}

/** Per-run state handed to the option readers. */
export class NormalizeContext {
  readonly spans: SpanMap = new Map();
  readonly diagnostics: Diagnostic[] = [];
  /**
   * xl's b_info->max_vcpus when it reads cpus and cpus_soft (maxvcpus, else vcpus, else 1): the
   * per-vCPU lists past it are never parsed. null when not known (xm, vnuma, a value that does not read).
   */
  maxVcpus: number | null = null;
  /** xm: maxvcpus when it is a whole number above 0, which create.py sends as vcpus when vcpus is 0 (XM0260); else null. */
  xmMaxVcpus: number | null = null;
  /** xm: the CPU of `cpu` when it is a whole number, which xend reads in front of a cpus string; else null. */
  xmCpu: number | null = null;
  /** xm: whether `cpuid` is true in Python, without which create.py leaves `cpuid_check` unread. */
  xmCpuidSet = false;
  constructor(readonly dialect: Dialect) {}

  /** Record the spans of a field. */
  mark(ptr: string, setting: Setting, value: Span): void {
    this.spans.set(ptr, { key: setting.keySpan, value });
  }

  /** Report a finding. */
  report(code: string, span: Span, message: string, extra?: Parameters<typeof makeDiag>[3]): void {
    this.diagnostics.push(makeDiag(code, span, message, extra));
  }
}
