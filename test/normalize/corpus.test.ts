/**
 * Every corpus file that xl (or xm) accepts normalises with zero error-severity findings from
 * normalize, validateConfig and runRules; the schemaJson() output, compiled by Ajv strict here,
 * validates every normalised config.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from '../../src/syntax/index.js';
import { normalize } from '../../src/normalize/index.js';
import { validateConfig, schemaJson, AJV_OPTIONS, XMCFG_KEYWORD } from '../../src/schema/index.js';
import { runRules } from '../../src/check/rules/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { CORPUS_DIR } from '../shared-dir.js';

const CORPUS = CORPUS_DIR;

/** xen-examples that xl or Python rejects (SOURCES.md "xl ok" = no): parse errors expected, not ours to assert. */
const XEN_REJECTED = new Set([
  'xmexample2@RELEASE-4.4.4', 'xmexample2@RELEASE-4.1.0', 'xmexample3@RELEASE-4.4.4', 'xmexample3@RELEASE-4.1.0',
  'xmexample.vti@RELEASE-4.3.4', 'xmexample.vmx@RELEASE-3.0.0', 'xmexample@9f4db893ec89', 'xmnetbsd@09e78c2eb23e', 'xmnetbsd-example@9f4db893ec89',
]);

/**
 * Findings of error severity that are right, per file: code → why.
 */
const POD = 'libvirt writer output: an HVM guest with memory < maxmem (populate-on-demand) and passthrough, which libxl refuses';
const EXPECTED_ERRORS: Record<string, Record<string, string>> = {
  'libvirt/xmconfigdata/test-pci-dev-syntax.cfg': { XM0212: POD },
  'libvirt/xmconfigdata/test-pci-devs.cfg': { XM0212: POD },
  'libvirt/xlconfigdata/test-fullvirt-pci.cfg': { XM0212: POD },
  'libvirt/xlconfigdata/test-fullvirt-hypervisor-features.cfg': { XM0212: POD + ' (passthrough = "share_pt")' },
  // Writer-only test output (reference: libvirt-peer §1b): 6 vnodes of 2048 MiB but maxmem = 8192.
  'libvirt/xlconfigdata/test-fullvirt-vnuma-autocomplete.cfg': { XM0208: 'vnode sizes add up to 12288 MiB, maxmem is 8192' },
  // No name: these are read as xl (auto), and xl refuses a config without a name.
  'xen-examples/stubdom-ExampleHVMDomain@7a65b19d09e2': { XM0105: 'stub-domain template without name' },
  'xen-examples/xmexample.hvm-dm@a5db2986d47f': { XM0105: 'stub-domain template without name' },
  // Read as xl (auto): xl exits "Invalid domain type vmx." on the 2005 VMX builder name.
  'xen-examples/xmexample.vmx.in@2c0ba8d07535': { XM0104: 'builder = "vmx"' },
  // libvirt's escaping test (xm: a triple-quoted string): xend's _checkName refuses "&" ("Invalid VM Name").
  'libvirt/xmconfigdata/test-escape-paths.cfg': { XM0234: 'name = "XenGuest2&test": xend refuses "&" in a domain name' },
  // Xen 2.0's defaults, read as xl (auto): libxl refuses the vdev "xda1" ("Invalid or unsupported virtual disk identifier"; decision 109).
  'xen-examples/xmdefaults@9f4db893ec89': { XM0213: 'vdev "xda1", a name no libxl reads' },
  'xen-examples/xmdefconfig@44d83c02b85f': { XM0213: 'vdev "xda1", a name no libxl reads' },
  'xen-examples/xl.conf': { XM0105: 'xl.conf is the global xl settings file, not a domain config', XM0227: 'the same: as a domain config it has nothing to boot' },
  // cpupool configs (xlcpupool.cfg(5)), not domain configs: as a domain config, a PV guest with no kernel or bootloader.
  'xen-examples/cpupool': { XM0227: 'cpupool config: "Neither kernel nor bootloader specified" if created as a domain' },
  'xen-examples/pool1.cfg@RELEASE-4.4.4': { XM0227: 'cpupool config (name only): "Neither kernel nor bootloader specified" if created as a domain' },
};

/**
 * Warnings that are right, by code: why, and which files have them: a fact about the file's text
 * (for the large groups of libvirt writer output) or its name. Every other file must be without
 * that warning, so a warning that appears or goes away on the corpus is a test failure.
 */
type Expect = { why: string; has: (name: string, text: string, dialect: string) => boolean };
const line = (re: RegExp) => (_n: string, text: string, dialect: string) => dialect === 'xl' && re.test(text);
const named = (...names: string[]) => (n: string) => names.includes(n);
const EXPECTED_WARNINGS: Record<string, Expect> = {
  XM0224: {
    why: 'device_model_override without device_model_version: xl_parse.c warns "device model override given without specific DM version" (libvirt writes the override alone)',
    has: (_n, text, dialect) => dialect === 'xl' && /^device_model_override\s*=/m.test(text) && !/^device_model_version\s*=/m.test(text),
  },
  XM0107: {
    why: 'builder, deprecated since Xen 4.10 for type (xl.cfg(5); xl_parse.c reads it silently), and tsc_mode as an integer (xl warns "specifying \\"tsc_mode\\" as an integer is deprecated")',
    has: line(/^(builder\s*=|tsc_mode\s*=\s*\d)/m),
  },
  XM0223: {
    why: 'an HVM kernel named hvmloader (the xm way to name the firmware): xl warns and drops it',
    has: line(/^kernel\s*=\s*["'][^"']*\bhvmloader["']/m),
  },
  XM0552: {
    why: 'device_model and vncviewer: xl reads them only to warn that they are ignored',
    has: line(/^(device_model|vncviewer)\s*=/m),
  },
  XM0551: {
    why: 'xm options xl does not read: bootargs (xl: bootloader_args), parallel = "tcp:…" (xl makes no parallel port), dhcp and hostname (xm kernel IP autoconfig)',
    has: named('libvirt/xmconfigdata/sexpr2xml-pv-bootloader.cfg', 'libvirt/xmconfigdata/test-fullvirt-parallel-tcp.cfg', 'xen-examples/xmexample.nbd@RELEASE-4.4.4'),
  },
  XM0219: {
    why: 'libvirt "bogus" inputs: xl ignores root and extra when cmdline is set, with a warning',
    has: named('libvirt/xlconfigdata/test-fullvirt-direct-kernel-boot-bogus-extra.cfg', 'libvirt/xlconfigdata/test-paravirt-cmdline-bogus-extra-root.cfg'),
  },
  XM0218: {
    why: 'vfb = [ "type=sdl" ] read as xl: xl has no type=, and the guest gets VNC (libxl\'s default), not SDL',
    has: named('xen-examples/stubdom-ExampleHVMDomain@7a65b19d09e2'),
  },
  XM0236: {
    why: 'vif type=netfront read as xl (libvirt\'s xm writer): parse_nic_config knows type=vif and type=ioemu only, warns "Invalid parameter `type\'." and leaves the type to libxl',
    has: line(/^vif\s*=.*\btype=(?!vif\b|ioemu\b)/m),
  },
  XM0101: {
    why: 'keys xl does not know: memmap (a Xen 3.0 xm option, not in the catalogue), sched (a cpupool key, xlcpupool.cfg(5))',
    has: named('xen-examples/xmexample.vmx.in@2c0ba8d07535', 'xen-examples/cpupool'),
  },
  XM0204: {
    why: 'cpupool config: its cpus list names the pool\'s CPUs; as a domain config it is one CPU list per vCPU, for 1 vCPU',
    has: named('xen-examples/cpupool'),
  },
};

function files(): { path: string; name: string }[] {
  const out: { path: string; name: string }[] = [];
  for (const dir of ['libvirt/xmconfigdata', 'libvirt/xlconfigdata']) {
    for (const f of readdirSync(join(CORPUS, dir)).filter((f) => f.endsWith('.cfg')).sort()) out.push({ path: join(CORPUS, dir, f), name: `${dir}/${f}` });
  }
  for (const f of readdirSync(join(CORPUS, 'xen-examples')).sort()) {
    if (f === 'SOURCES.md' || XEN_REJECTED.has(f)) continue;
    out.push({ path: join(CORPUS, 'xen-examples', f), name: `xen-examples/${f}` });
  }
  return out;
}

const ajv = new Ajv({ ...AJV_OPTIONS });
ajv.addKeyword({ ...XMCFG_KEYWORD });
const compiled = ajv.compile(schemaJson());

function run(text: string) {
  const parsed = parse(text, { dialect: 'auto' });
  const norm = normalize(parsed.settings, { dialect: parsed.dialect });
  const diags: Diagnostic[] = [
    ...norm.diagnostics,
    ...validateConfig(norm.config, norm.spans, { dialect: parsed.dialect }),
    ...runRules(norm.config, norm.spans, parsed.settings, { dialect: parsed.dialect }),
  ];
  return { parsed, norm, diags };
}

describe('corpus', () => {
  for (const f of files()) {
    it(f.name, () => {
      const { parsed, norm, diags } = run(readFileSync(f.path, 'utf8'));
      const errors = diags.filter((d) => d.severity === 'error').map((d) => `${d.code} ${parsed.lineIndex.position(d.span.start).line}: ${d.message}`);
      const expected = EXPECTED_ERRORS[f.name] ?? {};
      expect(errors.filter((e) => !(e.slice(0, 6) in expected))).toEqual([]);
      // Each expected finding must really be there (so this list cannot go stale).
      for (const code of Object.keys(expected)) expect(errors.some((e) => e.startsWith(code))).toBe(true);
      // Warnings: exactly the codes EXPECTED_WARNINGS gives this file.
      const text = readFileSync(f.path, 'utf8');
      const warned = [...new Set(diags.filter((d) => d.severity === 'warning').map((d) => d.code))].sort();
      const wanted = Object.keys(EXPECTED_WARNINGS).filter((c) => EXPECTED_WARNINGS[c]!.has(f.name, text, parsed.dialect)).sort();
      expect(warned).toEqual(wanted);
      // Strip the keys the schema does not know (reported as XM0101 warnings) before the strict schema check.
      const known = Object.fromEntries(Object.entries(norm.config).filter(([k]) => !diags.some((d) => d.code === 'XM0101' && d.message.includes(`"${k}"`))));
      if (!('name' in known)) (known as Record<string, unknown>).name = 'from-file-name';
      const ok = compiled(known);
      expect(ok ? [] : compiled.errors).toEqual([]);
    });
  }
});

describe('robustness: every corpus file in both dialects', () => {
  const all: string[] = [];
  for (const dir of ['libvirt/xmconfigdata', 'libvirt/xlconfigdata', 'libvirt/virconfdata', 'xen-examples']) {
    for (const f of readdirSync(join(CORPUS, dir)).sort()) if (!f.endsWith('.md')) all.push(join(CORPUS, dir, f));
  }
  for (const dialect of ['xl', 'xm'] as const) {
    it(`${dialect}: ${all.length} files normalise, validate and pass the rules without throwing`, () => {
      for (const p of all) {
        const parsed = parse(readFileSync(p, 'utf8'), { dialect });
        const n = normalize(parsed.settings, { dialect });
        const diags = [...n.diagnostics, ...validateConfig(n.config, n.spans, { dialect }), ...runRules(n.config, n.spans, parsed.settings, { dialect })];
        // No internal errors: every finding has a registered code and a span inside the text.
        for (const d of diags) {
          expect(d.message).not.toMatch(/internal error/);
          expect(d.span.end).toBeLessThanOrEqual(parsed.lineIndex.length);
        }
      }
    });
  }
});
