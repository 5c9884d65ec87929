import { describe, expect, it } from 'vitest';
import { pointer, pointerSegment } from '../../src/normalize/context.js';

describe('JSON pointers without regex passes for plain keys', () => {
  it('escapes ~ and / (RFC 6901) and leaves plain keys as they are', () => {
    expect(pointerSegment('memory')).toBe('memory');
    expect(pointerSegment(3)).toBe('3');
    expect(pointerSegment('a/b~c')).toBe('a~1b~0c');
    expect(pointerSegment('~1')).toBe('~01');
    expect(pointer('disk', 0, 'vdev')).toBe('/disk/0/vdev');
    expect(pointer('a/b', 'c~d')).toBe('/a~1b/c~0d');
    expect(pointer()).toBe('');
  });
});
