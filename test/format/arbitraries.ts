/** fast-check generators of config texts: plain xl/xm statements with random layout, and xm-only values. */
import fc from 'fast-check';

const KEYS = ['name', 'memory', 'maxmem', 'vcpus', 'cpus', 'disk', 'vif', 'on_crash', 'extra', 'kernel', 'vnuma', 'acpi', 'pci', 'foo_bar'];
const ws = fc.constantFrom('', ' ', '  ', '\t');
const comment = fc.constantFrom('# c', '#x  ', '# [not, a, list]', '#');
const str = fc
  .string({ unit: fc.constantFrom('a', 'b', ' ', ',', '=', ':', '/', '#', '[', '0', 'é'), maxLength: 8 })
  .chain((body) => fc.constantFrom(`"${body}"`, `'${body}'`));
const num = fc.oneof(fc.nat(99999).map(String), fc.nat(4095).map((n) => '0x' + n.toString(16)));
const scalar = fc.oneof(str, num);

/** A list with random spacing, newlines, comments and trailing comma. */
const list = (item: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.array(fc.tuple(item, ws, fc.boolean(), fc.option(comment, { nil: undefined })), { maxLength: 4 }), fc.boolean(), ws)
    .map(([items, trailing, pad]) => {
      let out = '[' + pad;
      items.forEach(([v, w, nl, c], i) => {
        out += v + (i < items.length - 1 || trailing ? ',' : '') + w;
        if (c !== undefined) out += c + '\n';
        else if (nl) out += '\n';
      });
      return out + ']';
    });
export const value = fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 2, arbitrary: list(scalar) }, { weight: 1, arbitrary: list(fc.oneof(scalar, list(scalar))) });

/** Statements separated by newlines (sometimes blank lines, comments) or `;`. */
export const config = fc
  .array(fc.tuple(fc.constantFrom(...KEYS), ws, ws, value, fc.option(comment, { nil: undefined }), fc.constantFrom('\n', '\n\n', '\n\n\n', '; ', '\n# own line\n')), {
    minLength: 1,
    maxLength: 12,
  })
  .map((stmts) =>
    stmts
      .map(([k, a, b, v, c, sep], i) => {
        const last = i === stmts.length - 1;
        // A comment must end the line, so a `;` separator after it becomes a newline.
        const s = c !== undefined && sep === '; ' ? '\n' : sep;
        return `${k}${a}=${b}${v}${c !== undefined ? ' ' + c : ''}${last ? '\n' : s}`;
      })
      .join(''),
  );

/** xm-only values: tuples, booleans, expressions, triple quotes. */
const xmValue = fc.oneof(
  fc.tuple(scalar, scalar).map(([a, b]) => `(${a},${b})`),
  fc.tuple(num, num).map(([a, b]) => `${a},  ${b}`),
  fc.constantFrom('True', 'False', 'None', '256*2', '"a"+"b"', '"vm%d" % 3', '-1', '"""x\n y"""', '(1,)', '(  [1, 2] )', '[1,\n (2, 3),\n]'),
);
export const xmConfig = fc
  .array(fc.tuple(fc.constantFrom(...KEYS), ws, fc.oneof(value, xmValue), fc.option(comment, { nil: undefined })), { minLength: 1, maxLength: 8 })
  .map((stmts) => stmts.map(([k, w, v, c]) => `${k}${w}=${w}${v}${c !== undefined ? '  ' + c : ''}\n`).join(''));

