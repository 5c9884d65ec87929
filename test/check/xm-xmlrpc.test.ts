/**
 * XM0261: xm create sends the config to xend over XML-RPC, and a byte string that is not UTF-8 or
 * holds a control character XML forbids makes the request not well-formed (Python 2.7.18:
 * xmlrpclib.loads(xmlrpclib.dumps((['name', '\xe9'],))) raises "not well-formed (invalid token)").
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';

const xm = (body: string, encoding = '') => `${encoding}name = "t"\nkernel = "/boot/vmlinuz"\n${body}\n`;
const found = (text: string | Uint8Array) => check(text, { dialect: 'xm' }).diagnostics.filter((d) => d.code === 'XM0261').map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);

describe('XM0261: an xm value xend cannot receive', () => {
  it('a \\xe9 escape (not UTF-8) in a string', () => {
    expect(found(xm('extra = "x=\\xe9"'))).toEqual(['3:9-3:17']);
  });
  it('a control character', () => {
    expect(found(xm('extra = "a\\x01b"'))).toEqual(['3:9-3:17']);
  });
  it('the first such item of a list', () => {
    expect(found(xm('disk = ["phy:/dev/a,xvda,w", "file:/\\xe9,xvdb,w", "file:/\\xe8,xvdc,w"]'))).toEqual(['3:30-3:49']);
  });
  it('Latin-1 bytes of a file that declares latin-1, given as bytes', () => {
    expect(found(Buffer.from(xm('extra = "x=\xe9"', '# -*- coding: latin-1 -*-\n'), 'latin1'))).toEqual(['4:9-4:14']);
  });
  it('UTF-8 text, tabs and newlines are sent fine', () => {
    expect(found(xm('extra = "caf\u00e9\\tx\\n"', '# -*- coding: utf-8 -*-\n'))).toEqual([]);
    expect(found(xm('extra = "x=\\xc3\\xa9"'))).toEqual([]);
  });
  it('xl is not judged (libxl takes the bytes)', () => {
    expect(check('name = "t"\nkernel = "/k"\nextra = "x\\u00e9"\n', { dialect: 'xl' }).diagnostics.map((d) => d.code)).not.toContain('XM0261');
  });
});
