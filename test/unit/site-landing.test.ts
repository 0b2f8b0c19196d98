// Where a page lands when its URL names an anchor it lacks
// (components/site/missing-anchor.ts), on the anchors real pages have: a
// member of a (nested) union branch lands on the innermost branch the page
// has, anything else on its table's heading. Also the name the 404 page
// offers to search for (components/site/not-found.ts), and type names in a
// member table's type column breaking at their words.
import { describe, expect, it } from 'vitest';
import { landingFor } from '@/components/site/missing-anchor';
import { nameInPath } from '@/components/site/not-found';
import { describeWithQemu, qemuTree } from '../support/shared';
import { renderDefinition, siteFor } from '../support/render-helpers';

/** The ids of a rendered definition page. */
function idsOf(tree: string, name: string): Set<string> {
  const html = renderDefinition(siteFor(tree, tree), name);
  return new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!));
}

describe('landing near a missing anchor, on our example schema', () => {
  const ids = idsOf('content/qapi-schema.json', 'storage-node-add');
  const has = (id: string) => ids.has(id);

  it('a member of a nested branch: the innermost branch the page has', () => {
    expect(ids.has('b-nbd.unix')).toBe(true);
    expect(landingFor('m-nbd.unix.abstract', has)).toEqual({ id: 'b-nbd.unix', name: 'abstract' });
    expect(landingFor('m-nbd.vsock.cid', has)).toEqual({ id: 'b-nbd', name: 'vsock.cid' });
    expect(landingFor('b-nbd.vsock', has)).toEqual({ id: 'b-nbd', name: 'vsock' });
  });

  it('a member of no branch, a missing branch or value: the heading of its table', () => {
    expect(landingFor('m-no-such-member', has)).toEqual({ id: 'arguments', name: 'no-such-member' });
    expect(landingFor('m-ssh.host', has)).toEqual({ id: 'arguments', name: 'ssh.host' });
    expect(landingFor('b-ssh', has)).toEqual({ id: 'arguments', name: 'ssh' });
    expect(landingFor('r-bytes', has)).toEqual({ id: 'returns', name: 'bytes' });
    expect(landingFor('v-nvme', (id) => idsOf('content/qapi-schema.json', 'StorageDriver').has(id))).toEqual({
      id: 'wire',
      name: 'nvme',
    });
  });

  it('leaves alone what is not a member anchor (examples, the validator fragment)', () => {
    expect(landingFor('example-9', has)).toBeNull();
    expect(landingFor('z=abc&version=5.2.0', has)).toBeNull();
  });
});

describeWithQemu(['10.2.2', '5.2.0'], 'landing near a missing anchor, on QEMU 10.2.2 -> 5.2.0', () => {
  it('blockdev-add#m-qcow2.discard-no-unref (since 8.1) lands on 5.2.0 on the qcow2 branch', () => {
    const newer = idsOf(qemuTree('10.2.2'), 'blockdev-add');
    const older = idsOf(qemuTree('5.2.0'), 'blockdev-add');
    expect(newer.has('m-qcow2.discard-no-unref')).toBe(true);
    expect(older.has('m-qcow2.discard-no-unref')).toBe(false);
    expect(landingFor('m-qcow2.discard-no-unref', (id) => older.has(id))).toEqual({
      id: 'b-qcow2',
      name: 'discard-no-unref',
    });
    // a branch 5.2.0 lacks altogether (virtio-blk-vfio-pci, since 9.2)
    expect(newer.has('m-virtio-blk-vfio-pci.path')).toBe(true);
    expect(landingFor('m-virtio-blk-vfio-pci.path', (id) => older.has(id))).toEqual({
      id: 'arguments',
      name: 'virtio-blk-vfio-pci.path',
    });
  });
});

describe('the 404 page searches for the name its path ends in', () => {
  it.each([
    ['/events/BLOCK_JOB_COMPLETE/', 'BLOCK_JOB_COMPLETE'],
    ['/v/7.2.0/commands/blockdev-add/index.html', 'blockdev-add'],
    ['/types/Qcow2%20Options', ''],
    ['/types/Qcow2Options.html', 'Qcow2Options'],
    ['/%E0%A4%A', ''],
    [`/types/${'x'.repeat(65)}/`, ''],
    ['/', ''],
  ])('%s -> %j', (pathname, name) => {
    expect(nameInPath(pathname)).toBe(name);
  });
});

describe('type names in a member table break at their words', () => {
  it('a line break is allowed before each inner capital, and nowhere else in the text', () => {
    const html = renderDefinition(siteFor('content/qapi-schema.json'), 'storage-node-add');
    expect(html).toMatch(/<td class="member-type"><a [^>]*><code>Storage<wbr>Driver<\/code><\/a><\/td>/);
    // the name itself is unchanged for a reader and for search
    expect(html.replace(/<wbr>/g, '')).toContain('<code>StorageDriver</code>');
  });
});
