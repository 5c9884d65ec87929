/**
 * bootloader_args written as a string with no word: parse_config_data warns that the string form is
 * deprecated and splits it with split_string_into_string_list(buf, " \t\n", …), which counts one
 * item in a string without any and copies it with strdup(NULL): xl crashes (tools/xl/xl_parse.c,
 * TSnake41/xen 2194e248). A string with words stays the deprecation warning.
 */
import { findingCases, type Case } from './finding-cases.js';

const HEAD = 'name = "g"\ntype = "hvm"\n';

const CASES: Case[] = [
  { name: 'an empty string: xl crashes', dialect: 'xl', text: `${HEAD}bootloader_args = ""\n`, codes: ['XM0107', 'XM0110'], expect: [{ code: 'XM0110', at: '""' }] },
  { name: 'only blanks: xl crashes', dialect: 'xl', text: `${HEAD}bootloader_args = "   "\n`, codes: ['XM0107', 'XM0110'], expect: [{ code: 'XM0110', at: '"   "' }] },
  { name: 'a word: the deprecation warning only', dialect: 'xl', text: `${HEAD}bootloader_args = " -q "\n`, codes: ['XM0107', 'XM0110'], expect: [{ code: 'XM0107', at: '" -q "' }] },
  { name: 'an empty list is no string: nothing', dialect: 'xl', text: `${HEAD}bootloader_args = []\n`, codes: ['XM0107', 'XM0110'], expect: [] },
];

findingCases('bootloader_args as a string with no word', CASES);
