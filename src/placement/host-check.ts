/**
 * @fileoverview Validation and canonical form of a host topology: the JSON Schema check (a
 * standalone Ajv validator generated at build time from host-schema.json) and the semantic checks
 * a schema cannot express (unique ids, each CPU on one node, distances). The canonical host has
 * nodes sorted by id, sorted unique CPUs and a distance for every pair of nodes.
 */
import { plural, type Diagnostic } from '../diagnostics/diagnostic.js';
import validateHostSchema from './generated/host-validator.mjs';
import type { Host, HostNode } from './types.js';

const NOWHERE = { start: 0, end: 0 };

/** Local distance assumed when the host gives none (SLIT default). */
export const DEFAULT_LOCAL_DISTANCE = 10;
/** Remote distance assumed when the host gives none (SLIT default). */
export const DEFAULT_REMOTE_DISTANCE = 20;

/**
 * Highest node id a host may use: host-schema.json's `id` maximum, which the readers of `xl info -n`
 * and sysfs check at the line or folder that gives the id (decision 023). Node masks are bitmaps as
 * wide as the highest id (SPEC §5), so the bound keeps one under 8 KiB; Xen allows 64 nodes, Linux 1024.
 */
export const MAX_NODE_ID = 65535;
/** Highest CPU id: host-schema.json's `cpus` item maximum. */
export const MAX_CPU_ID = 1_048_575;
/** Highest distance: host-schema.json's `distances` maximum (a SLIT entry is one byte). */
export const MAX_DISTANCE = 255;

/** A host-level finding (no source position: hosts are data, not config text). */
export function hostDiag(code: string, severity: Diagnostic['severity'], message: string, hint?: string): Diagnostic {
  return hint ? { code, severity, message, span: { ...NOWHERE }, hint } : { code, severity, message, span: { ...NOWHERE } };
}

/** Schema problems listed one by one; past this, one finding counts the rest (a host object with
 * 100,000 unknown keys gave 100,000 findings). */
export const MAX_HOST_SCHEMA_FINDINGS = 20;

/** JSON pointer `/nodes/1/free_mib` → `nodes[1].free_mib`, the spelling users see in messages. */
function fieldName(pointer: string): string {
  if (pointer === '') return 'host';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(part) && out !== '' && !out.endsWith('distances') ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out;
}

/**
 * A host validateHost accepted, passed on so that it is not validated again (decision 087): its
 * canonical form and `again`, the findings validating that form again gives. A class, so that
 * `instanceof` tells it from any value a caller passes as a host.
 */
export class CheckedHost {
  /** The canonical host and what validating it again says. */
  constructor(
    readonly host: Host,
    readonly again: readonly Diagnostic[],
  ) {}
}

/**
 * The findings validating each canonical host again gives, by host object: recorded as validateHost
 * makes it, and read only by checkedHost() right after a read, before anyone could change the host.
 */
const AGAIN = new WeakMap<Host, readonly Diagnostic[]>();

/**
 * `host`, just returned by validateHost or readHost, as a CheckedHost: plan, check --host and the
 * ledger then skip validating it again (for 1,024 nodes, a million distances).
 */
export function checkedHost(host: Host): CheckedHost {
  const again = AGAIN.get(host);
  if (again) return new CheckedHost(host, again);
  const v = validateHost(host);
  return new CheckedHost(v.host ?? host, v.diagnostics);
}

/** Check a host object against the schema and the semantic rules; returns the canonical host or null. */
export function validateHost(input: unknown): { host: Host | null; diagnostics: Diagnostic[] } {
  // A host given as bytes (a Buffer from readFileSync without an encoding, the commonest slip) is one
  // finding: the schema would list each property of the Buffer, its prototype's too (184 for 88 bytes).
  if (ArrayBuffer.isView(input) || input instanceof ArrayBuffer) {
    const what = (input as object).constructor?.name ?? 'binary data';
    return { host: null, diagnostics: [hostDiag('XM0401', 'error', `invalid host topology: the host is a ${what}, not text or an object`, "read the file as text: readFileSync(path, 'utf8')")] };
  }
  const diagnostics: Diagnostic[] = [];
  if (!validateHostSchema(input)) {
    let listed = 0;
    let more = 0;
    for (const e of validateHostSchema.errors ?? []) {
      if (e.keyword === 'pattern') continue; // reported by the propertyNames error that follows it
      if (listed === MAX_HOST_SCHEMA_FINDINGS) {
        more++;
        continue;
      }
      listed++;
      let field = fieldName(e.instancePath);
      let msg = e.message ?? e.keyword;
      if (e.keyword === 'required') field = `${field === 'host' ? '' : `${field}.`}${String(e.params.missingProperty)}`;
      if (e.keyword === 'additionalProperties') msg = `unknown field "${String(e.params.additionalProperty)}"`;
      if (e.keyword === 'const') msg = `must be ${JSON.stringify(e.params.allowedValue)} (the only version of this shape)`;
      if (e.keyword === 'propertyNames') msg = `distance key "${String(e.params.propertyName)}" is not a node id`;
      diagnostics.push(hostDiag('XM0401', 'error', `invalid host topology: ${field}: ${msg}`));
    }
    if (more > 0) diagnostics.push(hostDiag('XM0401', 'error', `invalid host topology: ${plural(more, 'more problem')} not listed`));
    return { host: null, diagnostics };
  }
  const raw = input as Host;
  const nodes: HostNode[] = raw.nodes
    // The given distances are only read (a full row replaces them below): copying a million
    // entries of a 1024-node matrix first doubled the cost.
    .map((n) => ({ ...n, cpus: [...new Set(n.cpus)].sort((a, b) => a - b), distances: n.distances ?? {} }))
    .sort((a, b) => a.id - b.id);
  let fatal = false;
  const cpuOwner = new Map<number, number>();
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (i > 0 && nodes[i - 1]!.id === n.id) {
      diagnostics.push(hostDiag('XM0401', 'error', `invalid host topology: node id ${n.id} appears twice`));
      fatal = true;
    }
    for (const c of n.cpus) {
      const other = cpuOwner.get(c);
      if (other !== undefined && other !== n.id) {
        diagnostics.push(hostDiag('XM0401', 'error', `invalid host topology: CPU ${c} belongs to node ${other} and node ${n.id}`));
        fatal = true;
      } else cpuOwner.set(c, n.id);
    }
    if (n.free_mib > n.memory_mib) {
      diagnostics.push(hostDiag('XM0411', 'warning', `host node ${n.id}: free_mib ${n.free_mib} exceeds memory_mib ${n.memory_mib}; using ${n.memory_mib}`));
      n.free_mib = n.memory_mib;
    }
  }
  if (nodes.every((n) => n.cpus.length === 0)) {
    // Memory-only nodes borrow the nearest CPUs; with none anywhere a plan could pin nothing.
    diagnostics.push(hostDiag('XM0401', 'error', 'invalid host topology: no node has a CPU'));
    fatal = true;
  }
  if (fatal) return { host: null, diagnostics };
  const ids = new Set(nodes.map((n) => n.id));
  // The findings a second validation of the canonical host repeats: only the distance scale ones
  // (the canonical host has every distance, each key a node's, free_mib within memory_mib).
  const again: Diagnostic[] = [];
  // Each node's key spelled once: the loops below look up n² entries.
  const keys = nodes.map((n) => String(n.id));
  for (const n of nodes) {
    const given = n.distances;
    const givenKeys = Object.keys(given);
    let found = 0;
    for (const key of keys) if (given[key] !== undefined) found++;
    // Every key names a node when as many keys name one as there are (the usual full matrix):
    // checking each key's number again is needed only otherwise.
    if (found < givenKeys.length) {
      for (const key of givenKeys) {
        if (!ids.has(Number(key))) diagnostics.push(hostDiag('XM0411', 'warning', `host node ${n.id}: distances.${key} names no node; ignored`));
      }
    }
    let full: Record<string, number>;
    const missing: number[] = [];
    if (found === nodes.length && found === givenKeys.length) {
      // Keys that are node ids enumerate in ascending numeric order, as the loop below writes them.
      full = { ...given };
    } else {
      full = {};
      for (const [i, m] of nodes.entries()) {
        const d = given[keys[i]!];
        if (d === undefined) {
          missing.push(m.id);
          full[keys[i]!] = m.id === n.id ? DEFAULT_LOCAL_DISTANCE : DEFAULT_REMOTE_DISTANCE;
        } else full[keys[i]!] = d;
      }
    }
    // A partial matrix is a mistake worth telling; no matrix at all (one-node hosts, hand-written
    // hosts) silently gets the SLIT defaults.
    if (missing.length > 0 && givenKeys.length > 0) {
      // The node's own missing entry gets the local default, not the remote one.
      const others = missing.filter((m) => m !== n.id);
      const assumed = [...(others.length < missing.length ? [`${DEFAULT_LOCAL_DISTANCE} to itself`] : []), ...(others.length > 0 ? [`${DEFAULT_REMOTE_DISTANCE} to ${others.length < missing.length ? 'the others' : others.length === 1 ? 'it' : 'each'}`] : [])];
      diagnostics.push(hostDiag('XM0411', 'warning', `host node ${n.id}: no distance to node${missing.length === 1 ? '' : 's'} ${missing.join(',')}; assuming ${assumed.join(' and ')}`));
    }
    const local = full[String(n.id)]!;
    let scale: Diagnostic | null = null;
    // The SLIT scale puts a node's distance to itself at 10 (ACPI; Xen and Linux drop a table that
    // says otherwise), so another value is a hand-made matrix on some other scale: said, then used.
    if (local !== DEFAULT_LOCAL_DISTANCE) {
      scale = hostDiag('XM0411', 'warning', `host node ${n.id}: distances.${n.id} (its distance to itself) is ${local}, not ${DEFAULT_LOCAL_DISTANCE}`, 'SLIT distances are relative to 10 for a node itself; Xen and Linux ignore a table that says otherwise');
    } else {
      // One finding a node: a remote distance below a wrong local one is the same matrix's problem.
      for (const [i, m] of nodes.entries()) {
        if (m.id !== n.id && full[keys[i]!]! < local) {
          scale = hostDiag('XM0411', 'warning', `host node ${n.id}: distance to node ${m.id} (${full[keys[i]!]}) is below its local distance ${local}`);
          break;
        }
      }
    }
    if (scale) {
      diagnostics.push(scale);
      again.push({ ...scale, span: { ...scale.span } });
    }
    n.distances = full;
  }
  const host = { nodes };
  AGAIN.set(host, again);
  return { host, diagnostics };
}
