// The oracles of scripts/fuzz.mjs: every front end run on one input, and what must hold of each.
// `lib` is dist/index.mjs (the published API); `h` is a bundle of the internal entry points that
// the library does not export (fmt, convert, the LSP service, the in-process CLI; see fuzz.mjs).
// A failure is { front, oracle, message }; `message` has numbers masked so that one bug found at
// many offsets is one signature.

import { rng } from './fuzz-mutations.mjs';

const DIALECTS = ['auto', 'xl', 'xm'];
const SLOW_MS = 2000;

/** Line starts of `text` as the product defines them: LF, CRLF and a lone CR end a line. */
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Length of line `i` (0-based) without its break (LF, CRLF or CR; the last line has none). */
function lineLength(text, starts, i) {
  if (i + 1 >= starts.length) return text.length - starts[i];
  const next = starts[i + 1];
  const brk = text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13 && next - 2 >= starts[i] ? 2 : 1;
  return next - brk - starts[i];
}

/** 1-based line and UTF-16 column of an offset, computed here (not by the product's LineIndex). */
function positionOf(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/** A masked message: digits become N, so one bug at many places is one signature. */
export function mask(s) {
  return String(s).split(/(XM\d{4})/).map((p, i) => (i % 2 ? p : p.replace(/\d+/g, 'N'))).join('').slice(0, 160);
}

/** Problems with one public (1-based) range against `text`. */
function badRange(d, text, starts) {
  for (const [l, c] of [[d.line, d.column], [d.endLine, d.endColumn]]) {
    if (!Number.isInteger(l) || !Number.isInteger(c) || l < 1 || c < 1) return `non-positive position ${l}:${c}`;
    if (l > starts.length) return `line ${l} past the last line ${starts.length}`;
    if (c - 1 > lineLength(text, starts, l - 1)) return `column ${c} past the end of line ${l} (length ${lineLength(text, starts, l - 1)})`;
  }
  if (d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column)) return 'end before start';
  return null;
}

/** Problems with LSP (0-based) positions anywhere inside `value` (ranges of hovers, edits, symbols). */
function badLspPositions(value, text, starts, depth = 0) {
  if (value === null || typeof value !== 'object' || depth > 12) return null;
  if (typeof value.line === 'number' && typeof value.character === 'number' && Object.keys(value).length === 2) {
    if (value.line < 0 || value.line >= starts.length) return `LSP line ${value.line} outside 0..${starts.length - 1}`;
    if (value.character < 0 || value.character > lineLength(text, starts, value.line)) return `LSP character ${value.character} past line ${value.line} (length ${lineLength(text, starts, value.line)})`;
    return null;
  }
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    const bad = badLspPositions(v, text, starts, depth + 1);
    if (bad) return bad;
  }
  return null;
}

/** Runs the front ends on one input and collects failures, per-front-end call counts and times. */
export class Oracles {
  constructor(lib, h) {
    this.lib = lib;
    this.h = h;
    this.codes = new Set(lib.allCodes().map((c) => c.code));
    this.counts = {};
    /** False while minimising: the counts are of the campaign's inputs only. */
    this.counting = true;
  }

  /** Run `fn` as front end `front`: a throw is a failure, the time is recorded. */
  step(out, front, fn) {
    if (this.counting) this.counts[front] = (this.counts[front] ?? 0) + 1;
    const t0 = performance.now();
    try {
      return fn();
    } catch (e) {
      const top = String(e?.stack ?? '').split('\n').slice(1, 3).map((l) => l.trim().replace(/\(.*\//, '(')).join(' ');
      out.failures.push({ front, oracle: 'throws', message: mask(`${e?.name}: ${e?.message} ${top}`), detail: String(e?.stack).slice(0, 1500) });
      return undefined;
    } finally {
      const ms = performance.now() - t0;
      out.times[front] = (out.times[front] ?? 0) + ms;
      if (ms > SLOW_MS) out.failures.push({ front, oracle: 'slow', message: `over ${SLOW_MS} ms`, ms: Math.round(ms) });
    }
  }

  /** Async `step` (the in-process CLI). */
  async stepAsync(out, front, fn) {
    if (this.counting) this.counts[front] = (this.counts[front] ?? 0) + 1;
    const t0 = performance.now();
    try {
      return await fn();
    } catch (e) {
      out.failures.push({ front, oracle: 'throws', message: mask(`${e?.name}: ${e?.message}`) });
      return undefined;
    } finally {
      const ms = performance.now() - t0;
      out.times[front] = (out.times[front] ?? 0) + ms;
      if (ms > SLOW_MS) out.failures.push({ front, oracle: 'slow', message: `over ${SLOW_MS} ms`, ms: Math.round(ms) });
    }
  }

  /** Every oracle on the input `bytes` (`r`: the input's generator, for LSP positions); `base` is the unmutated text. */
  async run(bytes, r, base, only, extra = {}) {
    const out = { failures: [], times: {} };
    const fail = (front, oracle, message) => out.failures.push({ front, oracle, message: mask(message), detail: String(message).slice(0, 400) });
    const read = this.h.fromBytes(bytes);
    const text = read.text;
    const starts = lineStarts(text);
    const want = (f) => !only || only.includes(f);
    const internal = {};
    if (want('check')) {
      for (const dialect of DIALECTS) {
        const res = this.step(out, `check:${dialect}`, () => this.h.checkText(text, { dialect }));
        const pub = this.step(out, `check:${dialect}`, () => this.lib.check(text, { dialect }));
        if (!res || !pub) continue;
        internal[dialect] = res;
        this.checkDiagnostics(fail, `check:${dialect}`, res.diagnostics, pub.diagnostics, text, starts);
      }
      this.step(out, 'parse', () => {
        const p = this.lib.parse(text);
        for (const d of p.diagnostics) if (!this.codes.has(d.code)) fail('parse', 'unknown-code', d.code);
        const t = p.tree.tokens;
        for (let i = 0; i < t.count; i++) if (t.starts[i] > t.ends[i] || t.ends[i] > text.length || (i > 0 && t.starts[i] < t.ends[i - 1])) return fail('parse', 'token-span', `token ${i} ${t.starts[i]}..${t.ends[i]} of ${text.length}`);
        for (const s of p.settings) for (const sp of [s.keySpan, s.valueSpan, s.span]) if (sp && (sp.start < 0 || sp.start > sp.end || sp.end > text.length)) return fail('parse', 'setting-span', `${s.key} ${sp.start}..${sp.end} of ${text.length}`);
      });
    }
    // fmt and convert as `--dialect` gives them (auto most often); drawn first so LSP positions stay the same.
    const fmtDialect = r.pick(['auto', 'auto', 'xl', 'xm']);
    const convDialect = r.pick(['auto', 'auto', 'xm']);
    if (want('fmt')) this.fmt(out, fail, text, fmtDialect);
    if (want('convert')) this.convert(out, fail, text, starts, internal, convDialect);
    if (want('lsp')) this.lsp(out, fail, text, starts, r, base, internal.auto);
    if (want('cli')) await this.cli(out, fail, bytes, text, starts);
    // The host, placement and command oracles (./fuzz-place.mjs), with this input's own host.
    if (want('place') && this.place && extra.hostSeed !== undefined) {
      const host = this.place.makeHost(rng(extra.hostSeed));
      out.host = host;
      await this.place.run(out, fail, bytes, text, starts, host, rng(extra.hostSeed ^ 0x51ed27), badRange, lineStarts);
    }
    // An editor session against the real server (./fuzz-lsp-session.mjs): base, then edits to this input.
    if (want('lspedit') && this.sessions && extra.editSeed !== undefined) {
      if (this.counting) this.counts['lsp-edit'] = (this.counts['lsp-edit'] ?? 0) + 1;
      try {
        const er = rng(extra.editSeed);
        // UTF-16 (the default) most often, the other encodings a client may negotiate the rest of the time.
        const session = this.sessions[er.pick(['utf-16', 'utf-16', 'utf-8', 'utf-32'])];
        out.edits = await session.run(base, text, er, fail);
      } catch (e) {
        fail('lsp-edit:session', 'throws', `${e?.name}: ${e?.message}`);
      }
    }
    return out;
  }

  /** Diagnostics: registered codes, spans inside the text, and the public positions those spans give. */
  checkDiagnostics(fail, front, diags, pub, text, starts) {
    for (const d of diags) {
      if (!this.codes.has(d.code)) fail(front, 'unknown-code', d.code);
      const { start, end } = d.span;
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) fail(front, 'span-outside', `${d.code} span ${start}..${end} of ${text.length}`);
      for (const rel of d.related ?? []) if (rel.span && (rel.span.start < 0 || rel.span.start > rel.span.end || rel.span.end > text.length)) fail(front, 'span-outside', `${d.code} related ${rel.span.start}..${rel.span.end} of ${text.length}`);
    }
    // The public positions, computed again here from the spans: the same multiset.
    // Between a CR and its LF no position exists: a start goes before the CR, an end after the LF.
    const mid = (o) => o > 0 && o < text.length && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10;
    const mine = diags.map((d) => {
      const a = Math.min(Math.max(d.span.start, 0), text.length);
      const b = Math.min(Math.max(d.span.end, 0), text.length);
      const s = positionOf(starts, mid(a) ? a - 1 : a);
      const e = b === a ? s : positionOf(starts, mid(b) ? b + 1 : b);
      return `${d.code} ${s.line}:${s.column}-${e.line}:${e.column}`;
    }).sort();
    const theirs = pub.map((d) => `${d.code} ${d.line}:${d.column}-${d.endLine}:${d.endColumn}`).sort();
    if (mine.join('|') !== theirs.join('|')) fail(front, 'positions', `public positions differ from spans: ${theirs.find((x, i) => x !== mine[i]) ?? 'count'}`);
    for (const d of pub) {
      const bad = badRange(d, text, starts);
      if (bad) fail(front, 'range', `${d.code} ${bad}`);
    }
  }

  /** fmt: idempotent, the same config as its input, the fast and the full path agreeing. */
  fmt(out, fail, text, dialect) {
    const f = this.step(out, 'fmt', () => this.h.formatText(text, { dialect }));
    if (!f || f.refused) return;
    for (const d of f.diagnostics) if (!this.codes.has(d.code)) fail('fmt', 'unknown-code', d.code);
    const again = this.step(out, 'fmt', () => this.h.formatText(f.text, { dialect }));
    if (again && (again.refused || again.text !== f.text)) fail('fmt', 'idempotence', again.refused ? `fmt(fmt(x)) refused: ${again.refused}` : 'fmt(fmt(x)) != fmt(x)');
    const slow = this.step(out, 'fmt', () => this.h.formatText(text, { dialect, fast: false }));
    if (slow && !slow.refused && slow.text !== f.text) fail('fmt', 'fast-vs-full', 'the fast path and the full path format differently');
    if (slow && slow.refused && !f.refused) fail('fmt', 'fast-vs-full', `the full path refuses (${slow.refused}) what the fast path formats`);
    if (!f.changed) return;
    const before = this.step(out, 'fmt', () => this.h.checkText(text, { dialect }));
    const after = this.step(out, 'fmt', () => this.h.checkText(f.text, { dialect }));
    if (before && after) {
      // The detected dialect may change (CR line ends of an xl file): fmt then proves the config the same.
      if (stable(before.config) !== stable(after.config)) fail('fmt', 'config', `fmt changed the normalised config: ${firstDiff(before.config, after.config)}`);
    }
  }

  /** convert --to xl and --to json: an xl output checks without new errors as xl. */
  convert(out, fail, text, starts, internal, dialect) {
    const xl = this.step(out, 'convert:xl', () => this.h.convertToXl(text, { fileName: 'fuzz.cfg', dialect }));
    if (xl) {
      // One index for all: a LineIndex per finding made a 200 KB input of 20,000 findings take minutes.
      const index = new this.lib.LineIndex(text);
      this.checkDiagnostics(fail, 'convert:xl', xl.diagnostics, xl.diagnostics.map((d) => ({ code: d.code, ...index.range(d.span) })), text, starts);
      if (xl.ok) {
        const back = this.step(out, 'convert:xl', () => this.h.checkText(xl.text, { dialect: 'xl' }));
        // "New": neither the conversion nor a check of the input (in any reading) reported it.
        const input = DIALECTS.map((d) => internal[d] ?? this.h.checkText(text, { dialect: d }));
        // xm reads a lone CR as a line end, libxlu as a character, and the conversion writes LF: the
        // statements xm sees behind a CR are checked as xl only in the input with LF line ends (seed
        // 301 found four such inputs, vcpus = 1025 or viridian = "" behind a CR, each an error of
        // that text read as xl).
        if (text.includes('\r')) input.push(this.h.checkText(text.replace(/\r\n?/g, '\n'), { dialect: 'xl' }));
        const had = new Set([xl, ...input].flatMap((x) => x.diagnostics).filter((d) => d.severity === 'error').map((d) => d.code));
        // xm's and xl's findings of one problem: a PV guest with nothing to boot (XM0241 is xm's XM0227),
        // or whose bootloader has no disk to read (xm's XM0241 too, xl's XM0252: seed 406 input 52,
        // `builder = "linux"` and `bootloader = "b"`, whose builder xl refuses, so no xl check saw it).
        if (had.has('XM0241')) had.add('XM0227').add('XM0252');
        for (const d of back?.diagnostics ?? []) if (d.severity === 'error' && !had.has(d.code)) fail('convert:xl', 'new-error', `the xl output has ${d.code}, which the conversion did not report`);
      }
    }
    const js = this.step(out, 'convert:json', () => this.h.convertToJson(text, { fileName: 'fuzz.cfg', dialect }));
    if (js) {
      const index = new this.lib.LineIndex(text);
      this.checkDiagnostics(fail, 'convert:json', js.diagnostics, js.diagnostics.map((d) => ({ code: d.code, ...index.range(d.span) })), text, starts);
      if (js.ok && (js.json === null || typeof js.json !== 'object')) fail('convert:json', 'no-json', 'ok without a JSON object');
      if (js.ok) this.step(out, 'convert:json', () => JSON.stringify(js.json));
    }
  }

  /** The LSP service at random positions, and the incremental checker against a fresh check. */
  lsp(out, fail, text, starts, r, base, fresh) {
    const s = this.h.lsp;
    const res = this.step(out, 'lsp', () => s.analyze(text));
    if (!res) return;
    const index = new this.lib.LineIndex(text);
    // Offsets as the server makes them from a client's position (never between a CR and its LF).
    const offsets = [0, text.length, ...Array.from({ length: 6 }, () => r.int(text.length + 1))].map((o) => s.toOffset(index, s.toPosition(index, o), text));
    const probe = (what, fn) => {
      const v = this.step(out, `lsp:${what}`, fn);
      const bad = badLspPositions(v, text, starts);
      if (bad) fail(`lsp:${what}`, 'position', bad);
    };
    for (const o of offsets) {
      probe('hover', () => s.hoverAt(res, o, text));
      probe('completion', () => s.completeAt(text, index, o, res.dialect, res.tree.statements));
      probe('spec-hover', () => s.specHoverAt(text, index, o, res.dialect));
      probe('actions', () => s.codeActions(res, { uri: 'file:///tmp/fuzz.cfg', span: { start: o, end: Math.min(text.length, o + r.int(20)) } }));
    }
    // Hover at every offset of a few values (session 23's value hover): positions inside, and a
    // hover's range around the caret (value-hover.ts answers for the value under it).
    const before = (a, b) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    let budget = 240;
    for (const st of (res.settings ?? []).filter(() => r.chance(0.3)).slice(0, 4)) {
      for (let o = st.valueSpan.start; o <= st.valueSpan.end && budget-- > 0; o++) {
        const at = s.toOffset(index, s.toPosition(index, o), text);
        const h = this.step(out, 'lsp:value-hover', () => s.hoverAt(res, at, text));
        const bad = badLspPositions(h, text, starts);
        if (bad) fail('lsp:value-hover', 'position', bad);
        else if (h?.range) {
          const p = s.toPosition(index, at);
          if (!before(h.range.start, p) || !before(p, h.range.end)) fail('lsp:value-hover', 'range', `hover range ${JSON.stringify(h.range)} does not hold the caret ${JSON.stringify(p)}`);
        }
      }
    }
    probe('symbols', () => s.documentSymbols(res));
    probe('formatting', () => s.formatDocument(text));
    probe('diagnostics', () => s.toLspDiagnostics(res.diagnostics, index, 'file:///tmp/fuzz.cfg'));
    // The editor's incremental check of an edit must equal a fresh check of the edited text.
    const inc = this.step(out, 'lsp:incremental', () => {
      const c = new s.IncrementalChecker();
      c.check(base);
      return c.check(text);
    });
    const whole = fresh ?? res;
    if (inc) {
      const key = (d) => `${d.code} ${d.severity} ${d.span.start}-${d.span.end}`;
      const a = inc.diagnostics.map(key).sort().join('|');
      const b = whole.diagnostics.map(key).sort().join('|');
      if (a !== b) fail('lsp:incremental', 'differs', `incremental diagnostics differ: ${inc.diagnostics.map(key).sort().find((x, i) => x !== whole.diagnostics.map(key).sort()[i]) ?? 'count'}`);
      else if (stable(inc.config) !== stable(whole.config)) fail('lsp:incremental', 'differs', `incremental config differs: ${firstDiff(whole.config, inc.config)}`);
    }
  }

  /** The CLI in process on `argv` with `stdin` as standard input: no internal error, exit 0, 1 or 2; { code, so, se }. */
  async cliRun(out, fail, front, argv, stdin, env = {}) {
    const io = { so: '', se: '' };
    const code = await this.stepAsync(out, front, () => this.h.run(argv, {
      stdout: (t) => { io.so += t; }, stderr: (t) => { io.se += t; },
      readStdin: async () => ({ bytes: new Uint8Array(stdin), over: false }),
      cwd: '/tmp', env, stdoutIsTTY: false, stderrIsTTY: false,
    }));
    const internal = io.se.split('\n').find((l) => /internal error/.test(l));
    if (internal) fail(front, 'internal-error', internal);
    if (code !== undefined && ![0, 1, 2].includes(code)) fail(front, 'exit', `exit status ${code}`);
    return code === undefined ? undefined : { code, ...io };
  }

  /** The in-process CLI on the bytes (its own UTF-8 decoding): JSON carries version, no internal error. */
  async cli(out, fail, bytes, text, starts) {
    const call = (front, argv) => this.cliRun(out, fail, front, argv, bytes);
    const c = (await call('cli:check-json', ['check', '-', '--format', 'json'])) ?? { so: '' };
    try {
      const j = JSON.parse(c.so);
      if (j.version !== 1) fail('cli:check-json', 'version', `version ${j.version}`);
      for (const f of j.files ?? []) for (const d of f.diagnostics ?? []) {
        if (!this.codes.has(d.code)) fail('cli:check-json', 'unknown-code', d.code);
        const bad = badRange(d, text, starts);
        if (bad) fail('cli:check-json', 'range', `${d.code} ${bad}`);
      }
    } catch (e) {
      fail('cli:check-json', 'json', `stdout is not JSON: ${e.message}`);
    }
    await call('cli:fmt', ['fmt', '-']);
    await call('cli:convert-json', ['convert', '-', '--to', 'json']);
  }
}

/** The first key where two configs differ, for the failure message. */
function firstDiff(a, b) {
  for (const k of new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])) {
    if (JSON.stringify(a?.[k]) !== JSON.stringify(b?.[k])) return `${k}: ${JSON.stringify(a?.[k])?.slice(0, 60)} vs ${JSON.stringify(b?.[k])?.slice(0, 60)}`;
  }
  return 'order';
}

/** JSON with object keys sorted: configs compare by content, not by the order keys were set in. */
function stable(v) {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable(v[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}
