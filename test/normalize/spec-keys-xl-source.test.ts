/**
 * The field tables against the tools' own parsers (decision 008, "Not covered", now covered): the
 * keys xl's parse_usbctrl_config, channel, vfb and vif loops know, the keys and bare flags of
 * libxlu_disk_l.l, and the keys xm's create.py knew in vif, vfb and pci strings. Each row: the
 * dialect, one option line (line 2), the findings as `CODE@line:col-line:col` (UTF-16 columns, end
 * exclusive) and, optionally, the normalised value of the option.
 */
import { describe, it, expect } from 'vitest';
import { findingSpans, norm } from './helpers.js';
import type { Dialect } from '../../src/syntax/value.js';
import { DISK_FIELDS, DISK_FLAGS, parseDisk } from '../../src/normalize/disk.js';
import { VIF_FIELDS } from '../../src/normalize/vif.js';
import { VFB_FIELDS, CHANNEL_FIELDS, USBCTRL_FIELDS, USBDEV_FIELDS } from '../../src/normalize/devices.js';
import { PCI_FIELDS } from '../../src/normalize/pci.js';
import { SPEC_FIELDS } from '../../src/normalize/catalogue/spec-tables.js';
import { UNKNOWN_SPEC_KEY, unknownKeyFinding, xlOnlyKeyFinding } from '../../src/normalize/catalogue/unknown-spec-keys.js';

type Row = [dialect: Dialect, line: string, findings: string[], value?: unknown];

function table(title: string, rows: Row[]) {
  describe(title, () => {
    for (const [dialect, line, findings, value] of rows) {
      it(`${dialect}: ${line}`, () => {
        const text = `name = "t"\n${line}\n`;
        const r = norm(text, dialect);
        expect(findingSpans(text, r.diagnostics)).toEqual(findings);
        if (value !== undefined) expect((r.config as Record<string, unknown>)[line.slice(0, line.indexOf(' '))]).toEqual(value);
      });
    }
  });
}

describe('the field tables hold the keys of the xl sources', () => {
  it('usbctrl: type, version, ports (parse_usbctrl_config); usbdev: type, hostbus, hostaddr, controller, port', () => {
    expect(Object.keys(USBCTRL_FIELDS).sort()).toEqual(['ports', 'type', 'version']);
    expect(Object.keys(USBDEV_FIELDS).sort()).toEqual(['controller', 'hostaddr', 'hostbus', 'port', 'type']);
  });
  it('channel: backend, name, path, connection; vfb: the ten keys of the vfb loop', () => {
    expect(Object.keys(CHANNEL_FIELDS).sort()).toEqual(['backend', 'connection', 'name', 'path']);
    expect(Object.keys(VFB_FIELDS).sort()).toEqual(['display', 'keymap', 'opengl', 'sdl', 'vnc', 'vncdisplay', 'vnclisten', 'vncpasswd', 'vncunused', 'xauthority']);
  });
  it('vif: parse_nic_config\'s keys, 64 with the COLO ones; no trusted= key (a flag), no queues, ipaddr, colo_forwarddev', () => {
    expect(Object.keys(VIF_FIELDS)).toHaveLength(64);
    for (const k of ['vlan', 'netdev', 'colo_sock_compare_notify_port', 'colo_filter_sec_rewriter0_queue', 'colo_compare_notify_dev', 'colo_checkpoint_port', 'accel', 'forwarddev']) expect(VIF_FIELDS, k).toHaveProperty(k);
    for (const k of ['trusted', 'untrusted', 'queues', 'ipaddr', 'colo_forwarddev']) expect(VIF_FIELDS, k).not.toHaveProperty(k);
  });
  it('pci: the eight keys of xlu_pci_parse_spec_string', () => {
    expect(Object.keys(PCI_FIELDS).sort()).toEqual(['bdf', 'msitranslate', 'name', 'permissive', 'power_mgmt', 'rdm_policy', 'seize', 'vslot']);
  });
  it('disk: the key=value rules of libxlu_disk_l.l, and its bare flags', () => {
    expect(Object.keys(DISK_FIELDS).sort()).toEqual(
      ['access', 'active-disk', 'backend', 'backendtype', 'colo-export', 'colo-host', 'colo-port', 'devtype', 'format', 'grant_usage', 'hidden-disk', 'script', 'specification', 'target', 'vdev'].sort(),
    );
    expect([...DISK_FLAGS].sort()).toEqual(['cdrom', 'colo', 'direct-io-safe', 'discard', 'no-colo', 'no-discard', 'trusted', 'untrusted']);
    for (const f of DISK_FLAGS) expect(parseDisk(`vdev=xvda,${f},target=/x`, 'xl').problems, f).toEqual([]);
  });
  it("xm's lists: every key xm knew that xl knows too is in xl's table", () => {
    const xl: Record<string, object> = { vif: VIF_FIELDS, vfb: { ...VFB_FIELDS, type: 'xm' }, pci: PCI_FIELDS, vtpm: SPEC_FIELDS.vtpm };
    const xmOnly: Record<string, string[]> = { vif: ['policy', 'label'], vfb: ['videoram', 'serial', 'monitor'], pci: [], vtpm: ['instance'] };
    for (const [family, rule] of Object.entries(UNKNOWN_SPEC_KEY)) {
      if (rule.xmKnew === undefined) continue;
      expect(rule.xm.does, family).toBe('refuses');
      expect(rule.xmKnew.filter((k) => !(k in xl[family]!)), family).toEqual(xmOnly[family]);
    }
  });
});

describe('the xm verdicts', () => {
  const at = (key: string) => ({ key, item: `${key}=1`, spec: `bridge=xenbr0,${key}=1` });
  it('a key xm knew is neither unknown nor xl-only', () => {
    expect(unknownKeyFinding('vif', at('policy'), 'xm')).toBeNull();
    expect(xlOnlyKeyFinding('vif', at('bridge'))).toBeNull();
  });
  it('an xl-only key gets xm\'s message', () => {
    expect(xlOnlyKeyFinding('vif', at('mtu'))).toEqual({ code: 'XM0222', note: 'xm refuses it: "Error: Invalid vif option: mtu"' });
    expect(xlOnlyKeyFinding('pci', at('seize'))).toEqual({ code: 'XM0222', note: 'xm refuses it: "Error: Invalid pci option seize=1: "' });
  });
  it('nothing is xl-only where xm did not check the keys', () => {
    expect(xlOnlyKeyFinding('channel', at('name'))).toBeNull();
    expect(xlOnlyKeyFinding('disk', at('format'))).toBeNull();
  });
});

table('usbctrl, usbdev, channel (xl)', [
  ['xl', 'usbctrl = ["type=qusb,devid=1"]', ['XM0222@2:23-2:28'], [{ spec: 'type=qusb,devid=1', type: 'qusb', other: { devid: '1' } }]],
  ['xl', 'usbctrl = ["type=QUSB,version=2"]', [], [{ spec: 'type=QUSB,version=2', type: 'qusb', version: 2 }]],
  ['xl', 'usbdev = ["type=HostDev,hostbus=1,hostaddr=2"]', [], [{ spec: 'type=HostDev,hostbus=1,hostaddr=2', type: 'hostdev', hostbus: 1, hostaddr: 2 }]],
  ['xl', 'channel = ["name=a,connection=pty,devid=3"]', ['XM0218@2:35-2:40'], [{ spec: 'name=a,connection=pty,devid=3', name: 'a', connection: 'pty', other: { devid: '3' } }]],
  // xl exits on a channel without connection= ("channel has unknown 'connection'"); a bad value is
  // reported once, at the value.
  ['xl', 'channel = ["name=a"]', ['XM0217@2:13-2:19']],
  ['xl', 'channel = ["name=a,devid=1"]', ['XM0218@2:20-2:25', 'XM0217@2:13-2:27']],
  ['xl', 'channel = ["name=a,connection=serial"]', ['XM0217@2:31-2:37']],
]);

table('vfb', [
  // xl skips type= and backend= without a word; libxl turns VNC on unless vnc=0, so xm's type=vnc
  // gets what it asks for (no finding) and type=sdl does not.
  ['xl', 'vfb = ["type=vnc,backend=d1,vncunused=1"]', ['XM0218@2:18-2:25'], [{ spec: 'type=vnc,backend=d1,vncunused=1', vncunused: true, other: { type: 'vnc', backend: 'd1' } }]],
  ['xl', 'vfb = ["type=sdl,backend=d1"]', ['XM0218@2:9-2:13', 'XM0218@2:18-2:25']],
  ['xl', 'vfb = ["vnclisten=0.0.0.0:1,vncdisplay=2"]', ['XM0217@2:40-2:41']],
  ['xl', 'vfb = ["vnc=0,vnclisten=0.0.0.0:1,vncdisplay=2"]', []],
  // xm: type= is its legacy key (VNC only with type=vnc); backend= it refused.
  ['xm', 'vfb = ["type=sdl,vnclisten=0.0.0.0:1,vncdisplay=2"]', [], [{ spec: 'type=sdl,vnclisten=0.0.0.0:1,vncdisplay=2', type: 'sdl', vnclisten: '0.0.0.0:1', vncdisplay: 2 }]],
  ['xm', 'vfb = ["type=vnc,backend=d1"]', ['XM0222@2:18-2:25']],
]);

table('vif', [
  // netdev= is read (as gatewaydev) with xl's deprecation warning: XM0107 at the key.
  ['xl', 'vif = ["bridge=b,vlan=10p/20,colo_sock_sec_redirector1_port=9,netdev=eth0"]', ['XM0107@2:63-2:69'], [{ spec: 'bridge=b,vlan=10p/20,colo_sock_sec_redirector1_port=9,netdev=eth0', bridge: 'b', other: { vlan: '10p/20', colo_sock_sec_redirector1_port: '9', netdev: 'eth0' } }]],
  // trusted and untrusted are flags (`!strcmp("trusted", token)`); as keys, and any other bare word, xl warns and skips them.
  ['xl', 'vif = ["bridge=b,trusted", "untrusted"]', [], [{ spec: 'bridge=b,trusted', bridge: 'b', trusted: true }, { spec: 'untrusted', trusted: false }]],
  ['xl', 'vif = ["bridge=b,trusted=1,bogus"]', ['XM0218@2:18-2:25', 'XM0218@2:28-2:33']],
  ['xl', 'vif = ["queues=2,ipaddr=1.2.3.4,colo_forwarddev=eth1"]', ['XM0218@2:9-2:15', 'XM0218@2:18-2:24', 'XM0218@2:33-2:48']],
  // xm: xl-only keys are refused, at the key; what xl's reading finds inside them is moot.
  ['xm', 'vif = ["bridge=b,mtu=abc,vlan=10,policy=p"]', ['XM0222@2:18-2:21', 'XM0222@2:26-2:30']],
  ['xm', 'vif = ["bridge=b,trusted"]', ['XM0214@2:18-2:25']],
  ['xm', 'vif = ["bridge=b,trusted=1"]', ['XM0222@2:18-2:25']],
]);

table('pci', [
  ['xm', 'pci = ["01:00.0,msitranslate=yes,power_mgmt=No"]', [], [{ spec: '01:00.0,msitranslate=yes,power_mgmt=No', domain: 0, bus: 1, device: 0, function: 0, msitranslate: true, power_mgmt: false }]],
  ['xm', 'pci = ["01:00.0,permissive=1,rdm_policy=strict,msitranslate=maybe"]', ['XM0222@2:17-2:27', 'XM0222@2:30-2:40', 'XM0215@2:61-2:66']],
  ['xm', 'pci = ["bdf=01:00.0"]', ['XM0222@2:9-2:12']],
  // libxlu_pci.c: `pci->msitranslate = atoi(val);` reads "yes" as 0, a warning.
  ['xl', 'pci = ["01:00.0,msitranslate=yes"]', ['XM0231@2:30-2:33']],
  // atoi("-1") is -1, which the C bool msitranslate holds as on (decision 090): a warning too.
  ['xl', 'pci = ["01:00.0,msitranslate=-1"]', ['XM0231@2:30-2:32']],
]);

table('disk: flags are bare', [
  ['xl', 'disk = ["vdev=xvda,discard,no-discard,direct-io-safe,trusted,untrusted,colo,no-colo,target=/x"]', [], [{ spec: 'vdev=xvda,discard,no-discard,direct-io-safe,trusted,untrusted,colo,no-colo,target=/x', vdev: 'xvda', discard: false, direct_io_safe: true, trusted: false, colo: false, target: '/x' }]],
  // With a value the unknown-parameter rule wins ("unknown parameter", at the key); an empty value is "bad disk syntax".
  ['xl', 'disk = ["vdev=xvda,discard=1,target=/x"]', ['XM0222@2:20-2:27']],
  ['xl', 'disk = ["vdev=xvda,trusted=yes,target=/x"]', ['XM0222@2:20-2:27']],
  ['xl', 'disk = ["vdev=xvda,direct-io-safe=0,target=/x"]', ['XM0222@2:20-2:34']],
  ['xl', 'disk = ["vdev=xvda,discard=,target=/x"]', ['XM0213@2:20-2:28']],
  // There is no no-direct-io-safe: a positional parameter, here the target, which target= respecifies.
  ['xl', 'disk = ["vdev=xvda,no-direct-io-safe,target=/x"]', ['XM0213@2:45-2:47']],
]);

table('disk: keys', [
  ['xl', 'disk = ["vdev=xvda,format=,access=,specification=virtio,colo-port=9,grant_usage=0,target=/x"]', [], [{ spec: 'vdev=xvda,format=,access=,specification=virtio,colo-port=9,grant_usage=0,target=/x', vdev: 'xvda', specification: 'virtio', colo_port: 9, grant_usage: false, target: '/x' }]],
  ['xl', 'disk = ["vdev=xvda,specification=scsi,target=/x"]', ['XM0213@2:34-2:38']],
  ['xl', 'disk = ["vdev=xvda,colo-port=x,target=/x"]', ['XM0213@2:30-2:31']],
  // Not the unknown-parameter rule's shape: a positional parameter, then "=" is "bad disk syntax" (the rest is not read).
  ['xl', 'disk = ["vdev=xvda,Format=raw,bogus=1,target=/x"]', ['XM0213@2:20-2:30']],
  ['xl', 'disk = ["vdev=xvda,cache_mode=none,target=/x"]', ['XM0213@2:20-2:35']],
  ['xl', 'disk = ["vdev=xvda,access =rw,target=/x"]', ['XM0213@2:20-2:30']],
  ['xl', 'disk = ["vdev=xvda,bogus=,target=/x"]', ['XM0213@2:20-2:26']],
  ['xl', 'disk = ["vdev=xvda,bogus=1,target=/x"]', ['XM0222@2:20-2:25']],
  // format= given first: the positional items fill target, then vdev, then access.
  ['xl', 'disk = ["format=qcow2,/img/a,xvda,w"]', [], [{ spec: 'format=qcow2,/img/a,xvda,w', format: 'qcow2', target: '/img/a', vdev: 'xvda', access: 'rw' }]],
  ['xl', 'disk = ["/img/a,raw,xvda,w,vdev=xvdb"]', ['XM0213@2:33-2:37']],
  ['xl', 'disk = ["raw:/img/a,xvda,w,format=qcow2"]', ['XM0213@2:35-2:40']],
  ['xl', 'disk = ["/img/a,raw,xvda,w!"]', ['XM0213@2:26-2:28']],
  ['xm', 'disk = ["phy:/dev/a,xvda,w!"]', [], [{ spec: 'phy:/dev/a,xvda,w!', driver: 'phy', backendtype: 'phy', target: '/dev/a', vdev: 'xvda', access: 'rw!' }]],
]);

table('disk: deprecated prefixes', [
  ['xl', 'disk = ["nbd:10.0.0.1 2000,hda1,w"]', [], [{ spec: 'nbd:10.0.0.1 2000,hda1,w', driver: 'nbd', script: 'block-nbd', target: '10.0.0.1 2000', vdev: 'hda1', access: 'rw' }]],
  ['xl', 'disk = ["/img/a,ioemu:hda,w"]', [], [{ spec: '/img/a,ioemu:hda,w', target: '/img/a', vdev: 'hda', access: 'rw' }]],
  ['xl', 'disk = ["rbd:pool/image,raw,xvda,w"]', [], [{ spec: 'rbd:pool/image,raw,xvda,w', target: 'rbd:pool/image', format: 'raw', vdev: 'xvda', access: 'rw' }]],
  ['xl', 'disk = ["qed:/img/a,xvda,w"]', ['XM0213@2:10-2:14']],
  ['xl', 'disk = ["iscsi:iqn.2001-04.com.example:disk,xvda,w,script=block-x"]', ['XM0213@2:59-2:66']],
]);

table('a blank before "=": no key for the readers that compare "key=" (MATCH_OPTION) or the text before "="', [
  // parse_usbctrl_config: MATCH_OPTION("type", …) is strncmp with "type=": "Unknown string `type =pv'", exit.
  ['xl', 'usbctrl = ["type =pv"]', ['XM0222@2:13-2:17']],
  // parse_usbdev_config, the same.
  ['xl', 'usbdev = ["hostbus =1"]', ['XM0222@2:12-2:19']],
  // parse_vsnd_card_param: "Invalid parameter: short-name =x", exit.
  ['xl', 'vsnd = [["card, short-name =x"]]', ['XM0222@2:17-2:27']],
  // The vfb loop: `*p2 = '\0'; if (!strcmp(p, "vnc"))` … no else: "vnc " is skipped without a word.
  ['xl', 'vfb = ["vnc =1"]', ['XM0218@2:9-2:12']],
  // (p9 and channel split with split_string_into_pair(…, isspace), which trims the key: no finding there.)
]);
