/** xl's strtol-based number reading and the per-dialect readers. */
import { describe, it, expect } from 'vitest';
import { strtol0, readInt, readBool, readString, pyInt } from '../../src/normalize/values.js';
import type { Value } from '../../src/syntax/value.js';

const sp = { start: 0, end: 0 };
const num = (text: string, value: number | null): Value => ({ kind: 'number', text, value, span: sp });
const str = (value: string): Value => ({ kind: 'string', value, span: sp });

describe('strtol0 (C strtol, base 0, whole text)', () => {
  const ok: [string, number][] = [['0', 0], ['512', 512], ['0x1f', 31], ['0X1F', 31], ['010', 8], ['-5', -5], [' 7', 7], ['+3', 3], ['00', 0]];
  for (const [t, v] of ok) it(`"${t}" → ${v}`, () => expect(strtol0(t)).toEqual({ ok: true, value: v }));
  const bad = ['', '12abc', '1.5', '08', '0x', 'abc', '5 ', '0b101', '1e5'];
  for (const t of bad) it(`"${t}" is invalid`, () => expect(strtol0(t)).toEqual({ ok: false, why: 'invalid' }));
  it('out of range', () => expect(strtol0('99999999999999999999')).toEqual({ ok: false, why: 'range' }));
});

describe('readers', () => {
  it('xl: quoted numbers are numbers', () => expect(readInt(str('512'), 'xl')).toEqual({ ok: true, value: 512 }));
  it('xl: quoted hex', () => expect(readInt(str('0x10'), 'xl')).toEqual({ ok: true, value: 16 }));
  it('xl: NUMBER text that is not a number', () => expect(readInt(num('12abc', null), 'xl')).toEqual({ ok: false, why: 'invalid' }));
  it('xl: bool is not a number', () => expect(readInt({ kind: 'bool', value: true, span: sp }, 'xl')).toEqual({ ok: false, why: 'type' }));
  it('xm: bool is 0/1', () => expect(readInt({ kind: 'bool', value: true, span: sp }, 'xm')).toEqual({ ok: true, value: 1 }));
  it('xm: float is not an int', () => expect(readInt(num('1.5', 1.5), 'xm')).toEqual({ ok: false, why: 'type' }));
  it('xm: decimal strings', () => expect(pyInt(' 42 ')).toEqual({ ok: true, value: 42 }));
  it('xl BOOLEAN: any non-zero number is true', () => expect(readBool(num('2', 2), 'xl')).toEqual({ ok: true, value: true }));
  it('xl BOOLEAN: 0 is false', () => expect(readBool(str('0'), 'xl')).toEqual({ ok: true, value: false }));
  it('xl: unquoted NUMBER read as a string', () => expect(readString(num('42', 42), 'xl')).toEqual({ ok: true, value: '42' }));
  it('xm: a number is not a string', () => expect(readString(num('42', 42), 'xm')).toEqual({ ok: false, why: 'type' }));
  it('a list is never a number', () => expect(readInt({ kind: 'list', items: [], tuple: false, span: sp }, 'xl').ok).toBe(false));
});
