/**
 * Table-driven: vsnd item strings as xl reads them (parse_vsnd_item, parse_vsnd_params and the card,
 * pcm and stream readers of tools/xl/xl_parse.c at xen-project/xen ad011ad0; libxl_vsnd_params'
 * uint32 fields from libxl_types.idl). Each row's verdict and values were recorded from that C
 * compiled with gcc against glibc (docs/fuzzing.md, "Differential checks"): xl exits where a row
 * has an error, and stores what the normalised value says (a free-text value with blanks at its
 * edge: xl keeps them, xmcfg trims it and says XM0243).
 */
import { xlTable, type XlRow } from './helpers.js';

xlTable('vsnd element: strtok at ",", spaces skipped, strcasecmp on the rest up to the comma', [
  // "Invalid key: card " and xl exits: the blank after the element is compared too.
  ['vsnd = [["card "]]', 'vsnd', [[]], ['XM0217@2:11-2:16']],
  // Only spaces are skipped: a tab before the element stays in it.
  ['vsnd = [["\tcard,backend=0"]]', 'vsnd', [[]], ['XM0217@2:11-2:16']],
  // A string of only spaces is one token, "" after the spaces: "Invalid key".
  ['vsnd = [["  "]]', 'vsnd', [[]], ['XM0217@2:11-2:13']],
  // strtok skips the commas before the first token: xl reads the card.
  ['vsnd = [[",card,backend=0"]]', 'vsnd', [[{ spec: ',card,backend=0', backend: '0', element: 'card' }]], []],
  // No token at all: parse_vsnd_item reads nothing and returns 0.
  ['vsnd = [["", ",,", "card,backend=0"]]', 'vsnd', [[{ spec: 'card,backend=0', backend: '0', element: 'card' }]], []],
]);

xlTable('vsnd parameters: an item of only blanks is "Invalid parameter: " and xl exits', [
  ['vsnd = [["card, ,backend=0"]]', 'vsnd', [[{ spec: 'card, ,backend=0', backend: '0', element: 'card' }]], ['XM0222@2:16-2:17']],
  ['vsnd = [["card,backend=0, "]]', 'vsnd', [[{ spec: 'card,backend=0, ', backend: '0', element: 'card' }]], ['XM0222@2:26-2:27']],
]);

xlTable('vsnd numbers: strtoul(…, NULL, 0) into uint32 (XM0231 with the number xl stores)', [
  ['vsnd = [["card,channels-min=4294967297"]]', 'vsnd', [[{ spec: 'card,channels-min=4294967297', 'channels-min': 1, element: 'card' }]], ['XM0231@2:29-2:39']],
  // split_string_into_string_list cuts at ";" with strtok (no empty item); -1 wraps to 4294967295.
  ['vsnd = [["pcm,sample-rates=8000;-1;;0x10"]]', 'vsnd', [[{ spec: 'pcm,sample-rates=8000;-1;;0x10', 'sample-rates': [8000, 4294967295, 16], element: 'pcm' }]], ['XM0231@2:28-2:41']],
  ['vsnd = [["stream,buffer-size=-0"]]', 'vsnd', [[{ spec: 'stream,buffer-size=-0', 'buffer-size': 0, element: 'stream' }]], ['XM0231@2:30-2:32']],
]);

xlTable('vsnd sample-formats: strtok at ";", each name through strcasecmp as it is', [
  // " u8" is no format: "Invalid pcm format:  u8" and xl exits.
  ['vsnd = [["pcm,sample-formats=s16_le; u8"]]', 'vsnd', [[{ spec: 'pcm,sample-formats=s16_le; u8', element: 'pcm' }]], ['XM0217@2:30-2:40']],
  ['vsnd = [["pcm,sample-formats=s16_le;;U8"]]', 'vsnd', [[{ spec: 'pcm,sample-formats=s16_le;;U8', 'sample-formats': ['s16_le', 'u8'], element: 'pcm' }]], []],
]);

xlTable('vsnd free text: blanks after "=" stay in the value (strdup(oparg))', [
  ['vsnd = [["card,short-name= x"]]', 'vsnd', [[{ spec: 'card,short-name= x', 'short-name': 'x', element: 'card' }]], ['XM0243@2:27-2:28']],
  // Every card item writes the same device: the later backend=0 replaces " x", which xl never looks up.
  ['vsnd = [["card,backend= x", "card,backend=0"]]', 'vsnd', [[{ spec: 'card,backend= x', backend: 'x', element: 'card' }, { spec: 'card,backend=0', backend: '0', element: 'card' }]], ['XM0243@2:24-2:25']],
  ['vsnd = [["card,backend=0 ,backend=1"]]', 'vsnd', [[{ spec: 'card,backend=0 ,backend=1', backend: '1', element: 'card' }]], ['XM0243@2:25-2:26']],
  // The last backend= has the blank: libxl looks " x" up and finds no such domain.
  ['vsnd = [["card,backend= x", "pcm"]]', 'vsnd', [[{ spec: 'card,backend= x', backend: 'x', element: 'card' }, { spec: 'pcm', element: 'pcm' }]], ['XM0217@2:24-2:25']],
] satisfies XlRow[]);
