/**
 * Table-driven: rdm as xl reads it (xlu_rdm_parse and parse_rdm_policy of
 * tools/libs/util/libxlu_pci.c, the state machine with the policy check inverted since Xen 4.15).
 * Each row's outcome was recorded from that C compiled with gcc against glibc (docs/fuzzing.md,
 * "Differential checks"): where it fails, xl goes on without rdm (a warning, the setting left out).
 */
import { xlTable } from './helpers.js';

xlTable('rdm: xlu_rdm_parse fails, and xl goes on without rdm', [
  // The string must end in a value: an empty string or a trailing comma fails.
  ['rdm = ""', 'rdm', undefined, ['XM0233@2:7-2:9']],
  ['rdm = "strategy=host,"', 'rdm', undefined, ['XM0233@2:21-2:22']],
  // No blank is skipped before a key, and an empty item is part of the next key: "Unknown RDM state option".
  ['rdm = "strategy=host, strategy=host"', 'rdm', undefined, ['XM0218@2:22-2:31']],
  ['rdm = ",strategy=host"', 'rdm', undefined, ['XM0218@2:8-2:17']],
  // libxl's own "not set" name, any case, is a policy libxl knows: the inverted check fails.
  ['rdm = "strategy=host,policy=INVALID"', 'rdm', undefined, ['XM0233@2:29-2:36']],
]);

xlTable('rdm: xlu_rdm_parse succeeds', [
  ['rdm = "strategy=host"', 'rdm', { spec: 'strategy=host', strategy: 'host' }, []],
  // "Unknown RDM policy: bogus" is printed, and the reader goes on: xl keeps rdm (XM0233 says so).
  ['rdm = "strategy=host,policy=bogus"', 'rdm', { spec: 'strategy=host,policy=bogus', strategy: 'host' }, ['XM0233@2:29-2:34']],
]);
