/**
 * Table-driven: xl's disk target= takes the rest of the string (libxlu_disk_l.l `target=.*`,
 * xen-project/xen 1eb013ef; xl-disk-configuration(5): "must be the last parameter"). Blanks kept in
 * the target are those at the very end (XM0213, as before), not commas; a disk parameter or flag
 * written after it becomes part of the path (XM0251, a warning). Docs: docs/xl-conformance.md,
 * "disk target= and what follows it".
 */
import { xlTable } from './helpers.js';

xlTable('disk target= and what follows it', [
  // A known flag or key= after target= is part of the target: XM0251 at it; the target is what xl reads.
  ['disk = ["vdev=xvda,target=/a,cdrom"]', 'disk', [{ spec: 'vdev=xvda,target=/a,cdrom', vdev: 'xvda', target: '/a,cdrom' }], ['XM0251@2:30-2:35']],
  ['disk = ["vdev=xvda,target=/dev/x,backendtype=phy,script=block-iscsi"]', 'disk', [{ spec: 'vdev=xvda,target=/dev/x,backendtype=phy,script=block-iscsi', vdev: 'xvda', target: '/dev/x,backendtype=phy,script=block-iscsi' }], ['XM0251@2:34-2:49']],
  // A comma that starts no disk parameter is just part of the path.
  ['disk = ["vdev=xvda,target=/a,b"]', 'disk', [{ spec: 'vdev=xvda,target=/a,b', vdev: 'xvda', target: '/a,b' }], []],
  // Blanks at the very end are kept (XM0213, as before); the span runs to them, not to the first comma.
  ['disk = ["vdev=xvda,target=/a,b "]', 'disk', [{ spec: 'vdev=xvda,target=/a,b ', vdev: 'xvda', target: '/a,b' }], ['XM0213@2:20-2:32']],
]);
