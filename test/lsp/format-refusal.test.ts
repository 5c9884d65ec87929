/**
 * textDocument/formatting on a document `fmt` refuses: the request succeeds with no edits and the
 * client is told why in one `window/showMessage` (type 2, Warning) per request, naming the code and
 * line of the finding that stopped it; a document that formats gets no message.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ShowMessageParams, TextEdit } from 'vscode-languageserver/node';
import type { TestClient } from './client.js';
import { openOnServer } from './open-server.js';

let client: TestClient | undefined;
afterEach(() => client?.dispose());

const URI = 'file:///guests/r.cfg';

/** Open `text` on a fresh server (settings `init`), ask for formatting `times` times; the edits of the last answer and every message shown. */
async function format(text: string, init: Record<string, unknown> = {}, times = 1): Promise<{ edits: TextEdit[]; shown: ShowMessageParams[] }> {
  const { c, shown } = await openOnServer(URI, text, {}, init);
  client = c;
  let edits: TextEdit[] = [];
  for (let i = 0; i < times; i++) edits = (await c.conn.sendRequest('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 4, insertSpaces: true } })) as TextEdit[];
  // A notification sent before the answer arrives before it; one more round trip makes sure no second one follows.
  await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } });
  return { edits, shown };
}

describe('formatting refusals are shown', () => {
  it('a syntax error: no edits, one Warning naming the code and line (1-based) of the first error', async () => {
    const { edits, shown } = await format('name = "a"\nkernel = "/k"\nmemory = [1,\n', { dialect: 'xl' });
    expect(edits).toEqual([]);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.type).toBe(2);
    expect(shown[0]!.message).toMatch(/XM00\d\d on line 3\)/);
    expect(shown[0]!.message).toContain('r.cfg');
  });

  it('a Python statement in xm: one Warning naming XM0020 and its line', async () => {
    const { edits, shown } = await format('name = "a"\nkernel = "/k"\nif 1:\n    memory = 512\n', { dialect: 'xm' });
    expect(edits).toEqual([]);
    expect(shown.map((m) => m.type)).toEqual([2]);
    expect(shown[0]!.message).toContain('XM0020 on line 3');
  });

  it('a file xm only by its layout (the dialect would change): one Warning', async () => {
    const { edits, shown } = await format('name = "web"\nkernel = "/k"\ndisk = ["a", \\\n "b"]\n');
    expect(edits).toEqual([]);
    expect(shown.map((m) => m.type)).toEqual([2]);
  });

  it('one message per request, and none when the document formats or is formatted already', async () => {
    const { shown } = await format('memory = [1,\n', { dialect: 'xl' }, 3);
    expect(shown).toHaveLength(3);
    const changed = await format('name = "a"\nkernel="/k"\n', { dialect: 'xl' });
    expect(changed.edits).toHaveLength(1);
    expect(changed.shown).toEqual([]);
    const same = await format('name = "a"\nkernel = "/k"\n', { dialect: 'xl' });
    expect(same.edits).toEqual([]);
    expect(same.shown).toEqual([]);
  });
});
