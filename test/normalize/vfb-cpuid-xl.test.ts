/**
 * Table-driven: `vfb` and `cpuid` as `xl create` reads them (decision 120). The comment above each
 * row is what Xen's own code, compiled with gcc against glibc, made of it (docs/fuzzing.md,
 * "Differential checks"): the vfb loop of xl_parse.c's parse_config_data (xen-project/xen
 * ad011ad0), and libxl_cpuid_parse_config / libxl_cpuid_parse_config_xend of libxl_cpuid.c
 * (01e7477d) behind xl's cpuid switch.
 * vfb: vnc=, vncunused=, sdl=, opengl= are `libxl_defbool_set(&b, atoi(v))` and vncdisplay= is
 * `atoi(v)`: a minus, junk or a number past INT_MAX is what atoi makes of it (its low 32 bits), a
 * warning (XM0231); before, a minus or a number past INT_MAX was the error XM0217 and the value was
 * left out, and vncdisplay=4294967297 was kept as 4294967297 (xl: 1). A negative display stays
 * XM0217 (decided: libxl hands QEMU "-vnc HOST:-1").
 * cpuid: the grammar matched the C on 100,000 random strings and items; the rows pin it.
 * Each row: one line (line 2 of the file), the key, the normalised value, and the findings as
 * `CODE@line:col-line:col` (UTF-16 columns, end exclusive).
 */
import { xlTable } from './helpers.js';

xlTable('vfb numbers in xl: atoi, and defbools set from it', [
  // xl: vnc on (-1), vncunused off (4294967296 is 0), sdl off (--1 is 0)
  ['vfb = [ "vnc=-1,vncunused=4294967296,sdl=--1" ]', 'vfb', [{ spec: 'vnc=-1,vncunused=4294967296,sdl=--1', vnc: true, vncunused: false, sdl: false }], ['XM0231@2:14-2:16', 'XM0231@2:27-2:37', 'XM0231@2:42-2:45']],
  // xl: vnc off
  ['vfb = [ "vnc=-0" ]', 'vfb', [{ spec: 'vnc=-0', vnc: false }], ['XM0231@2:14-2:16']],
  // xl: opengl off (strtol's LONG_MIN, low 32 bits 0)
  ['vfb = [ "opengl=-99999999999999999999" ]', 'vfb', [{ spec: 'opengl=-99999999999999999999', opengl: false }], ['XM0231@2:17-2:38']],
  // xl: sdl on
  ['vfb = [ "sdl=99999999999" ]', 'vfb', [{ spec: 'sdl=99999999999', sdl: true }], ['XM0231@2:14-2:25']],
  // xl: vnc on (-2147483648)
  ['vfb = [ "vnc=2147483648" ]', 'vfb', [{ spec: 'vnc=2147483648', vnc: true }], ['XM0231@2:14-2:24']],
  // xl: display 1
  ['vfb = [ "vncdisplay=4294967297" ]', 'vfb', [{ spec: 'vncdisplay=4294967297', vncdisplay: 1 }], ['XM0231@2:21-2:31']],
  // xl: display -1 (strtol's LONG_MAX, cut to an int)
  ['vfb = [ "vncdisplay=99999999999999999999" ]', 'vfb', [{ spec: 'vncdisplay=99999999999999999999' }], ['XM0217@2:21-2:41']],
  // xl: display -1
  ['vfb = [ "vncdisplay=-1" ]', 'vfb', [{ spec: 'vncdisplay=-1' }], ['XM0217@2:21-2:23']],
  // xl: display 1, vnc off
  ['vfb = [ "vncdisplay=1e2,vnc=yes" ]', 'vfb', [{ spec: 'vncdisplay=1e2,vnc=yes', vncdisplay: 1, vnc: false }], ['XM0231@2:29-2:32', 'XM0231@2:21-2:24']],
  // xl: vncunused on
  ['vfb = [ "vncunused= -1" ]', 'vfb', [{ spec: 'vncunused= -1', vncunused: true }], ['XM0231@2:21-2:23']],
  // xl: display 0, so libxl takes the display in vnclisten (no "vncdisplay set, vnclisten contains display")
  ['vfb = [ "vncdisplay=4294967296,vnclisten=0.0.0.0:1" ]', 'vfb', [{ spec: 'vncdisplay=4294967296,vnclisten=0.0.0.0:1', vncdisplay: 0, vnclisten: '0.0.0.0:1' }], ['XM0231@2:21-2:31']],
  // xl: vnc on (the last, -2147483648)
  ['vfb = [ "vnc=1,vnc=-2147483648" ]', 'vfb', [{ spec: 'vnc=1,vnc=-2147483648', vnc: true }], ['XM0231@2:20-2:31']],
]);

xlTable('cpuid in xl: the libxl string and the xend list', [
  // xl: "fpu=+" error #3, "TM=1" #2, " tm=1" #2 (the blank is part of the name), "tm" #1; sse3=-1 and de=0x taken
  ['cpuid = "host,tm=0,sse3=-1,fpu=+,de=0x,TM=1, tm=1,tm"', 'cpuid', ['host,tm=0,sse3=-1,fpu=+,de=0x,TM=1, tm=1,tm'], ['XM0228@2:28-2:33', 'XM0228@2:40-2:44', 'XM0228@2:45-2:50', 'XM0228@2:51-2:53']],
  // xl: "model=-" error #3; family=08 is 0 (strtoull reads the 0), maxleaf=k taken
  ['cpuid = "host,family=08,model=-,maxleaf=k"', 'cpuid', ['host,family=08,model=-,maxleaf=k'], ['XM0228@2:25-2:32']],
  // xl: first word must be "host"
  ['cpuid = " host,tm=0"', 'cpuid', [' host,tm=0'], ['XM0228@2:10-2:15']],
  // xl: errors #3 (0x is 0, then ","), #3 (08 is 0, then "8"), #2, #5 (31 characters); the last taken (a blank after the comma is skipped)
  [
    'cpuid = [ "0x,1:eax=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "08:", "1,:", "1:ebx=0000000000000000000000000000000,", "1:eax=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx, " ]',
    'cpuid',
    ['0x,1:eax=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '08:', '1,:', '1:ebx=0000000000000000000000000000000,', '1:eax=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx, '],
    ['XM0228@2:11-2:54', 'XM0228@2:56-2:61', 'XM0228@2:63-2:68', 'XM0228@2:70-2:110'],
  ],
  // xl: error #4; taken ("eaxfoo": only the 1st and 3rd characters are looked at); error #4 (a tab after the comma is not skipped)
  [
    'cpuid = [ "1:eex=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "-1:eaxfoo=kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk", " 7,0:edx=ssssssssssssssssssssssssssssssss,\\tecx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" ]',
    'cpuid',
    ['1:eex=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '-1:eaxfoo=kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk', ' 7,0:edx=ssssssssssssssssssssssssssssssss,\tecx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ['XM0228@2:11-2:51', 'XM0228@2:99-2:181'],
  ],
]);
