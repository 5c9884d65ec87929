/**
 * maxvcpus = 0 is "not set" to xl: parse_config_data takes vcpus (`if (b_info->max_vcpus == 0)
 * b_info->max_vcpus = vcpus;`) and parse_vnuma_config the vCPUs the vnodes list (`if
 * (b_info->max_vcpus != 0)` means "User has specified maxvcpus="). The rules' vCPU count
 * (maxVcpusOf) reads it so for any config handed to it (a check already did: ruleInput drops a
 * maxvcpus of 0 from the rules' view, withoutUnsetMaxvcpus; maxVcpusOf itself returned 0).
 */
import { describe, it, expect } from 'vitest';
import { maxVcpusOf } from '../../src/check/rules/context.js';
import { NO_UNKNOWN_VALUES } from '../../src/check/unknown-values.js';
import type { NormalizedConfig } from '../../src/normalize/index.js';

describe('maxVcpusOf: maxvcpus = 0 is not set', () => {
  it('falls back to vcpus', () => {
    expect(maxVcpusOf({ maxvcpus: 0, vcpus: 3 } as NormalizedConfig, NO_UNKNOWN_VALUES)).toEqual({ value: 3, ptr: '/vcpus' });
  });
  it('falls back to the vCPUs vnuma lists', () => {
    const vnuma = [{ pnode: 0, size: 512, vcpus: [0, 1] }, { pnode: 1, size: 512, vcpus: [2, 3] }];
    expect(maxVcpusOf({ maxvcpus: 0, vnuma } as unknown as NormalizedConfig, NO_UNKNOWN_VALUES)).toEqual({ value: 4, ptr: '/vnuma' });
  });
  it('falls back to 1', () => {
    expect(maxVcpusOf({ maxvcpus: 0 } as NormalizedConfig, NO_UNKNOWN_VALUES)).toEqual({ value: 1, ptr: null });
  });
  it('a written maxvcpus still counts', () => {
    expect(maxVcpusOf({ maxvcpus: 2, vcpus: 1 } as NormalizedConfig, NO_UNKNOWN_VALUES)).toEqual({ value: 2, ptr: '/maxvcpus' });
  });
});
