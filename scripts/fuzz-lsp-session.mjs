// LSP edit sessions for scripts/fuzz.mjs: the real server (src/lsp/server.ts, attachServer) over
// in-memory streams, as an editor drives it: didOpen of the unmutated file, random incremental
// didChange edits (ranges past a line's end or the document's, inside a surrogate pair, next to a
// CR whose LF the edit removes or brings, text with CR, LF, CRLF and lone surrogates), and after
// each a request at a random position (hover, completion, documentSymbol, formatting, codeAction,
// prepareRename, rename). Oracles: no internal error logged, every position of a reply inside the
// document the edits make, and the last publication equal to that of the final text opened fresh.
//
// The document the edits make is computed here as LSP defines it (each change's range in the text
// the changes before it made; a position past a line's end is at its end, before the line break),
// from a TextDocument made afresh for every edit, so an incremental line table that went wrong in
// the server shows as diagnostics or positions that differ.
import { PassThrough } from 'node:stream';

const WAIT_MS = 60000;
const INSERTS = ['', 'x', ' ', '\n', '\r', '\r\n', '\n\r', '#', '"', '[', ']', '=', 'memory = 1', '\ud83d', '\ude00', '\ud83d\ude00', 'é', '\t', '\\', '"""', "'", 'vcpus', '\u2028'];

/** One server and one client over PassThrough streams, for the whole worker. */
export class LspSession {
  constructor(h, encoding = 'utf-16') {
    this.h = h;
    this.encoding = encoding;
    this.uriN = 0;
    this.logs = [];
    this.waiters = [];
    this.published = new Map();
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    const conn = h.createConnection(new h.StreamMessageReader(toServer), new h.StreamMessageWriter(fromServer));
    h.attachServer(conn, { warmUp: false });
    this.client = h.createMessageConnection(new h.StreamMessageReader(fromServer), new h.StreamMessageWriter(toServer));
    this.client.onNotification('textDocument/publishDiagnostics', (p) => {
      this.published.set(p.uri, p);
      for (const w of [...this.waiters]) if (w.uri === p.uri && w.version === p.version) this.waiters.splice(this.waiters.indexOf(w), 1), w.resolve(p);
    });
    this.client.onNotification('window/logMessage', (p) => this.logs.push(p.message));
    this.client.listen();
    this.ready = this.client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { general: { positionEncodings: [encoding] }, textDocument: { rename: { prepareSupport: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } } } }).then(() => this.client.sendNotification('initialized', {}));
  }

  /** The publication of `uri` at `version` (null after WAIT_MS). */
  diagnostics(uri, version) {
    const p = this.published.get(uri);
    if (p && p.version === version) return Promise.resolve(p);
    return new Promise((resolve) => {
      const w = { uri, version, resolve };
      this.waiters.push(w);
      setTimeout(() => {
        const i = this.waiters.indexOf(w);
        if (i >= 0) this.waiters.splice(i, 1), resolve(null);
      }, WAIT_MS).unref();
    });
  }

  /** One session: open `base`, apply `edits` random edits (the last one brings `target` in whole or by ranges), check the oracles. */
  async run(base, target, r, fail) {
    await this.ready;
    const bad = (v, t) => badPositions(v, t, this.encoding, this.h.TextDocument);
    const n = ++this.uriN;
    const uri = `file:///fuzz/a${n}/guest.cfg`;
    const fresh = `file:///fuzz/b${n}/guest.cfg`;
    this.logs.length = 0;
    const { TextDocument } = this.h;
    let text = base;
    let version = 1;
    await this.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xen-config', version, text } });
    // First the mutated input as one range edit (its common prefix and suffix kept), then random edits.
    const edits = [diffEdit(TextDocument, text, target)];
    for (let i = r.int(6); i > 0; i--) edits.push(null);
    const trail = [];
    for (const e of edits) {
      const doc = TextDocument.create(uri, 'xen-config', version, text);
      const change = e ?? randomEdit(doc, text, r);
      // Positions the client's encoding can name (a UTF-16 position inside a surrogate pair is at the pair's start in UTF-8 and UTF-32).
      const range = { start: this.snap(doc, text, change.range.start), end: this.snap(doc, text, change.range.end) };
      const a = doc.offsetAt(range.start);
      const b = doc.offsetAt(range.end);
      const [s, t] = a <= b ? [a, b] : [b, a];
      const sent = { range: { start: this.toClient(doc, text, range.start), end: this.toClient(doc, text, range.end) }, text: change.text };
      text = text.slice(0, s) + change.text + text.slice(t);
      trail.push(sent);
      await this.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [sent] });
      await this.requests(uri, text, r, fail, bad);
    }
    await this.valueHovers(uri, text, r, fail, bad);
    const got = await this.diagnostics(uri, version);
    await this.client.sendNotification('textDocument/didOpen', { textDocument: { uri: fresh, languageId: 'xen-config', version: 1, text } });
    const want = await this.diagnostics(fresh, 1);
    for (const u of [uri, fresh]) await this.client.sendNotification('textDocument/didClose', { textDocument: { uri: u } }), this.published.delete(u);
    for (const m of this.logs) if (/internal error/.test(m)) fail('lsp-edit:server', 'internal-error', m.split('\n').slice(0, 2).join(' '));
    if (!got || !want) return fail('lsp-edit:diagnostics', 'no-publication', `no diagnostics for version ${got ? 1 : version}`), trail;
    const key = (d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
    const a = got.diagnostics.map(key).sort();
    const b = want.diagnostics.map(key).sort();
    if (a.join('|') !== b.join('|')) fail('lsp-edit:diagnostics', 'differs', `after edits ${a.find((x, i) => x !== b[i]) ?? 'count'} vs fresh ${b.find((x, i) => x !== a[i]) ?? 'count'}`);
    const badPos = bad(got.diagnostics, text);
    if (badPos) fail('lsp-edit:diagnostics', 'position', badPos);
    return trail;
  }

  /** A random request at a random position; every position in its reply must be inside `text`. */
  async requests(uri, text, r, fail, bad) {
    const doc = this.h.TextDocument.create(uri, 'xen-config', 1, text);
    const at = () => this.toClient(doc, text, this.snap(doc, text, randomPosition(doc, text, r)));
    const position = at();
    const td = { uri };
    const what = r.pick(['hover', 'completion', 'documentSymbol', 'formatting', 'codeAction', 'prepareRename', 'rename']);
    const params = {
      hover: { textDocument: td, position },
      completion: { textDocument: td, position },
      documentSymbol: { textDocument: td },
      formatting: { textDocument: td, options: { tabSize: 4, insertSpaces: true } },
      codeAction: { textDocument: td, range: { start: position, end: at() }, context: { diagnostics: this.published.get(uri)?.diagnostics ?? [] } },
      prepareRename: { textDocument: td, position },
      rename: { textDocument: td, position, newName: r.pick(['x', 'memory', 'a b', '', '1x', 'é', 'vcpus2']) },
    }[what];
    let reply;
    try {
      reply = await this.client.sendRequest(`textDocument/${what}`, params);
    } catch (e) {
      // A refusal (rename of what is not a name) is an answer; an internal error is not.
      if (e?.code !== -32803 && e?.code !== -32602 && !/cannot be renamed|not a name|rename/i.test(e?.message ?? '')) fail(`lsp-edit:${what}`, 'error-reply', `${e?.code} ${e?.message}`);
      return;
    }
    // A code action names the diagnostics it resolves as the client sent them (the last publication,
    // which may be of an earlier version: seed 405 input 761): those ranges are the client's, not judged.
    const judged = what === 'codeAction' && Array.isArray(reply) ? reply.map(({ diagnostics, ...a }) => a) : reply;
    const badPos = bad(judged, text);
    if (badPos) fail(`lsp-edit:${what}`, 'position', badPos);
  }

  /**
   * Hover at every position of one or two values of the final text (session 23's value hover, in the
   * session's encoding): every position of a reply inside the document, and a hover's range around
   * the position asked about (the server converts both ways: a wrong conversion shows as a range
   * beside the caret).
   */
  async valueHovers(uri, text, r, fail, bad) {
    let res;
    try {
      res = this.h.lsp.analyze(text);
    } catch {
      return; // the service oracle reports a throw
    }
    const doc = this.h.TextDocument.create(uri, 'xen-config', 1, text);
    const before = (a, b) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    const low = (i) => (text.charCodeAt(i) & 0xfc00) === 0xdc00 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
    let budget = 60;
    for (const st of (res.settings ?? []).filter(() => r.chance(0.2)).slice(0, 2)) {
      for (let o = st.valueSpan.start; o <= st.valueSpan.end && budget > 0; o++) {
        // Offsets the client cannot name: inside a surrogate pair (UTF-8/UTF-32) or between a CR and its LF.
        if ((this.encoding !== 'utf-16' && low(o)) || (text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10)) continue;
        budget--;
        const position = this.toClient(doc, text, doc.positionAt(o));
        let reply;
        try {
          reply = await this.client.sendRequest('textDocument/hover', { textDocument: { uri }, position });
        } catch (e) {
          fail('lsp-edit:value-hover', 'error-reply', `${e?.code} ${e?.message}`);
          return;
        }
        const badPos = bad(reply, text);
        if (badPos) fail('lsp-edit:value-hover', 'position', badPos);
        else if (reply?.range && !(before(reply.range.start, position) && before(position, reply.range.end))) {
          fail('lsp-edit:value-hover', 'range', `hover range ${JSON.stringify(reply.range)} does not hold ${JSON.stringify(position)} (${this.encoding})`);
        }
      }
    }
  }

  /** `p` (UTF-16) at its code point's start, as the server reads a UTF-8 or UTF-32 position inside one. */
  snap(doc, text, p) {
    if (this.encoding === 'utf-16' || p.line >= doc.lineCount) return p;
    const start = doc.offsetAt({ line: p.line, character: 0 });
    const off = start + p.character;
    const high = (i) => i >= 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xd800;
    const low = (i) => i >= 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00;
    return off <= lineEnd(doc, p.line) && high(off - 1) && low(off) ? { line: p.line, character: p.character - 1 } : p;
  }

  /** A UTF-16 position of `text` in the session's encoding (past the end of its line: as far past the end). */
  toClient(doc, text, p) {
    if (this.encoding === 'utf-16' || p.line >= doc.lineCount) return p;
    const start = doc.offsetAt({ line: p.line, character: 0 });
    const end = lineEnd(doc, p.line);
    const off = start + p.character;
    if (off > end) return { line: p.line, character: unitsOf(text.slice(start, end), this.encoding) + (off - end) };
    return { line: p.line, character: unitsOf(text.slice(start, off), this.encoding) };
  }
}

/** The offset of the end of `line` of `doc`, before its line break. */
function lineEnd(doc, line) {
  return doc.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
}

/** The length of `s` in `encoding` (a lone surrogate is U+FFFD, three UTF-8 bytes, as the server counts it). */
function unitsOf(s, encoding) {
  if (encoding === 'utf-16') return s.length;
  let n = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.codePointAt(i);
    n += encoding === 'utf-32' ? 1 : c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += c > 0xffff ? 2 : 1;
  }
  return n;
}

/**
 * Problems with LSP positions anywhere inside `value`, in `encoding`, for the document `text`. Each
 * line's length is counted once per reply (`lens`): counted for every position, the oracle itself
 * took most of a session with 20,000 findings on one 280 KB line (seed 128 input 32: 4.6 s of 7.5 s).
 */
function badPositions(value, text, encoding, TextDocument, depth = 0, doc = TextDocument.create('file:///x', 'x', 1, text), lens = new Map()) {
  if (value === null || typeof value !== 'object' || depth > 12) return null;
  if (typeof value.line === 'number' && typeof value.character === 'number' && Object.keys(value).length === 2) {
    if (!Number.isInteger(value.line) || value.line < 0 || value.line >= doc.lineCount) return `LSP line ${value.line} outside 0..${doc.lineCount - 1}`;
    const start = doc.offsetAt({ line: value.line, character: 0 });
    let len = lens.get(value.line);
    if (len === undefined) lens.set(value.line, (len = unitsOf(text.slice(start, lineEnd(doc, value.line)), encoding)));
    if (!Number.isInteger(value.character) || value.character < 0 || value.character > len) return `LSP character ${value.character} past line ${value.line} (length ${len}, ${encoding})`;
    return null;
  }
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    const bad = badPositions(v, text, encoding, TextDocument, depth + 1, doc, lens);
    if (bad) return bad;
  }
  return null;
}

/** The edit that turns `a` into `b`: their common prefix and suffix kept. */
function diffEdit(TextDocument, a, b) {
  let p = 0;
  while (p < a.length && p < b.length && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  const doc = TextDocument.create('file:///x', 'x', 1, a);
  // A range boundary between a CR and its LF is not a position: widen the range over the pair.
  while (p > 0 && a.charCodeAt(p - 1) === 13 && a.charCodeAt(p) === 10) p--;
  while (q > 0 && a.charCodeAt(a.length - q - 1) === 13 && a.charCodeAt(a.length - q) === 10) q--;
  // A position before a line break that the edit's start would land on after clamping: keep it exact.
  return { range: { start: doc.positionAt(p), end: doc.positionAt(a.length - q) }, text: b.slice(p, b.length - q) };
}

/** A random edit of `text`: a range (often near a CR, an LF or a surrogate) and text to put there. */
function randomEdit(doc, text, r) {
  const start = randomPosition(doc, text, r);
  const end = r.chance(0.4) ? start : randomPosition(doc, text, r);
  const ins = Array.from({ length: r.int(3) }, () => r.pick(INSERTS)).join('');
  return { range: { start, end }, text: ins };
}

/** A position: an offset's, next to a line break or surrogate more often, or one past a line's or the document's end. */
function randomPosition(doc, text, r) {
  const k = r.int(10);
  const lines = doc.lineCount;
  if (k === 0) return { line: r.int(lines + 2), character: r.int(200) }; // past the end of a line or of the document
  let o = r.int(text.length + 1);
  if (k <= 4) {
    // Next to a CR, an LF or a surrogate: search forward for one.
    const m = /[\r\n\ud800-\udfff]/g;
    m.lastIndex = o;
    const hit = m.exec(text);
    if (hit) o = hit.index + r.int(2);
  }
  const p = doc.positionAt(o);
  // positionAt puts an offset between a CR and its LF before the CR: name the character past the line's end instead.
  if (o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10) return { line: p.line, character: p.character + 1 };
  return p;
}
