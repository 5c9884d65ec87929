/**
 * The framing filter of the server's input (src/lsp/framing.ts): well-formed frames pass unchanged
 * however they are cut into chunks; after a malformed frame the next well-formed one is found.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConnection, StreamMessageWriter } from 'vscode-languageserver/node';
import { contentLength, frameFilter, MAX_BODY } from '../../src/lsp/framing.js';
import { attachServer, messageReader } from '../../src/lsp/server.js';

const frame = (o: object): string => {
  const body = JSON.stringify({ jsonrpc: '2.0', ...o });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
};
const A = frame({ id: 1, method: 'a', params: { text: 'é😀 Content-Length: 3\r\n\r\n' } });
const B = frame({ id: 2, method: 'b' });

/** What the filter passes on for `chunks` written one after the other. */
async function filtered(chunks: (string | Buffer)[]): Promise<string> {
  const f = frameFilter();
  const out: Buffer[] = [];
  f.on('data', (d: Buffer) => out.push(d));
  for (const c of chunks) f.write(typeof c === 'string' ? Buffer.from(c) : c);
  f.end();
  await new Promise((r) => f.on('end', r));
  return Buffer.concat(out).toString();
}

describe('frameFilter', () => {
  it('passes well-formed frames unchanged, whole or a byte at a time', async () => {
    expect(await filtered([A + B])).toBe(A + B);
    const bytes = Buffer.from(A + B);
    expect(await filtered([...bytes].map((b) => Buffer.from([b])))).toBe(A + B);
  });
  it.each([
    ['a value that is not a number, its body, then a frame', ['Content-Length: abc\r\n\r\n{}', B]],
    ['no Content-Length', ['Hello: world\r\n\r\n{}' + B]],
    ['garbage before a frame', ['xyz{}' + B]],
    ['garbage with a colon before a frame', ['{"a":1}' + B]],
    ['a header name cut by the chunk boundary after garbage', ['junk\r\n\r\njunkContent-Len', B.slice('Content-Len'.length)]],
    ['a megabyte of blank lines', ['\r\n'.repeat(1 << 19), B]],
    ['a megabyte without a blank line', ['x'.repeat(1 << 20), B]],
    // Each skip searched the rest of the buffer for the other spelling of the header: quadratic,
    // about a minute for these 12 MB (linear: about a second).
    ['12 MB of malformed headers', ['Content-Length: x\r\n\r\n'.repeat(600_000), B]],
    ['12 MB of malformed lower-case headers', ['content-length: x\r\n\r\n'.repeat(600_000), B]],
    // A body that long decodes into no string: read as a frame, it swallowed every later message.
    ['a Content-Length no message can have', ['Content-Length: 99999999999\r\n\r\n', B]],
    ['a Content-Length one past the longest body', [`Content-Length: ${MAX_BODY + 1}\r\n\r\n`, B]],
  ])('drops %s and passes the next frame', async (_what, chunks) => {
    expect(await filtered(chunks)).toBe(B);
  });
  it('reads the Content-Length of a header block, null for anything else', () => {
    const h = (s: string) => contentLength(Buffer.from(s));
    expect(h('Content-Length: 12')).toBe(12);
    expect(h(`Content-Length: ${MAX_BODY}`)).toBe(MAX_BODY);
    expect(h('content-length:7\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8')).toBe(7);
    for (const bad of ['', 'Content-Length: abc', 'Content-Length: 12abc', 'Content-Length: -1', 'Content-Type: x', 'Content-Length 12', '{}Content-Length: 12']) expect(h(bad), bad).toBeNull();
  });
});

/** A server reading through messageReader: write raw bytes to it, wait for the answer to an id. */
function rawServer() {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  attachServer(createConnection(messageReader(toServer), new StreamMessageWriter(fromServer)), { warmUp: false });
  let output = '';
  fromServer.on('data', (d: Buffer) => (output += d.toString()));
  const until = async (id: string) => {
    const deadline = Date.now() + 3000;
    while (!output.includes(`"id":"${id}"`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return output.includes(`"id":"${id}","result"`);
  };
  return { write: (s: string) => toServer.write(s), until };
}
const INIT = frame({ id: 'first', method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

describe('the server after malformed frames', () => {
  it('answers requests sent after a frame whose Content-Length is not a number (later chunks)', async () => {
    const s = rawServer();
    s.write('Content-Length: abc\r\n\r\n{}');
    s.write(INIT);
    expect(await s.until('first')).toBe(true);
    s.write(frame({ id: 'second', method: 'shutdown' }));
    expect(await s.until('second')).toBe(true);
  });

  it('answers requests sent after a header that declares a body longer than any message', async () => {
    const s = rawServer();
    s.write('Content-Length: 99999999999\r\n\r\n');
    s.write(INIT);
    expect(await s.until('first')).toBe(true);
  });
});
