// Schemas whose names are legal but hostile to JavaScript and to URLs, written
// to a temporary folder: QEMU 5.2's tree (it allows camelCase command names:
// constructor, toString, hasOwnProperty …), a QEMU 10.2 tree, and a
// query-qmp-schema dump, where any string is a name ('__proto__', 'P%41',
// 'a/b', '.', a NUL …). QEMU's own generators accept both trees
// (/work/qemu-src/<release>/scripts/qapi).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Every name on Object.prototype that a QEMU 5.2 command may take (no '__' prefix). */
export const PROTOTYPE_COMMANDS = [
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
];

/** Dump names that are not URL path segments as they stand. */
export const URL_HOSTILE_NAMES = [
  'SP X',
  'P%41',
  'PA',
  'a/b',
  'Q?X',
  'H#X',
  'É',
  'NUL\u0000X',
  '.',
  '..',
  'RLO\u202eX',
];

const tree52 = `# A tree QEMU 5.2 accepts: Object.prototype's names as commands, a member and an enum value
{ 'enum': 'ProtoChoice', 'data': [ 'constructor', 'plain' ] }

##
# @ProtoBase:
#
# @constructor: a member named like Object.prototype's
#
# @kind: the branch
##
{ 'struct': 'ProtoBase', 'data': { 'constructor': 'str', 'kind': 'ProtoChoice' } }

{ 'struct': 'ProtoBranch', 'data': { 'value-of': 'int' } }

{ 'union': 'ProtoUnion', 'base': 'ProtoBase', 'discriminator': 'kind',
  'data': { 'constructor': 'ProtoBranch', 'plain': 'ProtoBranch' } }

{ 'event': 'PROTO_EVENT', 'data': 'ProtoBase' }
${PROTOTYPE_COMMANDS.map((c) => `{ 'command': '${c}', 'data': 'ProtoUnion', 'boxed': true, 'returns': 'ProtoBase' }`).join('\n')}
`;

const tree102 = `# QEMU 10.2 accepts 'constructor' as a command, member and enum value
{ 'enum': 'ProtoChoice', 'data': [ 'constructor', 'plain', 'more' ] }

##
# @ProtoBase:
#
# @constructor: a member named like Object.prototype's, documented
#     anew
#
# @kind: the branch
##
{ 'struct': 'ProtoBase', 'data': { 'constructor': 'str', 'kind': 'ProtoChoice' } }

{ 'struct': 'ProtoBranch', 'data': { 'value-of': 'int', '*to-string': 'bool' } }

{ 'union': 'ProtoUnion', 'base': 'ProtoBase', 'discriminator': 'kind',
  'data': { 'constructor': 'ProtoBranch', 'plain': 'ProtoBranch' } }

{ 'event': 'PROTO_EVENT', 'data': 'ProtoBase' }
{ 'command': 'constructor', 'data': 'ProtoUnion', 'boxed': true, 'returns': 'ProtoBase' }
${wideStructs(8, 7)}`;

/**
 * A valid tree (QEMU 10.2 accepts it) of structs `width` wide and `depth` deep under the event WIDE_EVENT:
 * 2.3 KB at 8 x 7, and a valid WIDE_EVENT message holds width^depth strings.
 */
export function wideStructs(width: number, depth: number): string {
  const lines: string[] = [];
  for (let d = 0; d < depth; d++) {
    const type = d + 1 < depth ? `WideLevel${d + 1}` : 'str';
    const members = Array.from({ length: width }, (_, k) => `'m${k}': '${type}'`).join(', ');
    lines.push(`{ 'struct': 'WideLevel${d}', 'data': { ${members} } }`);
  }
  lines.push(`{ 'event': 'WIDE_EVENT', 'data': 'WideLevel0' }`);
  return lines.join('\n') + '\n';
}

/** A query-qmp-schema reply of a QEMU 10.2.0 build, as libvirt records it, with these extra events. */
export function hostileDump(events: string[], qemu = { major: 10, minor: 2, micro: 0 }): string {
  const infos = [
    { name: 'str', 'meta-type': 'builtin', 'json-type': 'string' },
    { name: 'int', 'meta-type': 'builtin', 'json-type': 'int' },
    { name: '0', 'meta-type': 'object', members: [] },
    { name: '1', 'meta-type': 'enum', values: ['__proto__', 'constructor'] },
    {
      name: '2',
      'meta-type': 'object',
      members: [
        { name: '__proto__', type: 'str' },
        { name: 'constructor', type: 'int', default: null },
        { name: 'kind', type: '1' },
      ],
      tag: 'kind',
      variants: [
        { case: '__proto__', type: '0' },
        { case: 'constructor', type: '0' },
      ],
    },
    { name: '__proto__', 'meta-type': 'event', 'arg-type': '2' },
    { name: 'toString', 'meta-type': 'command', 'arg-type': '2', 'ret-type': '2' },
    ...events.map((name) => ({ name, 'meta-type': 'event', 'arg-type': '2' })),
  ];
  return [
    { execute: 'query-version', id: 'libvirt-1' },
    { return: { qemu, package: 'hostile' }, id: 'libvirt-1' },
    { execute: 'query-qmp-schema', id: 'libvirt-2' },
    { return: infos, id: 'libvirt-2' },
  ]
    .map((m) => JSON.stringify(m, null, 2))
    .join('\n\n');
}

export interface HostileRoots {
  dir: string;
  tree52: string;
  tree102: string;
  dump: string;
}

/** The two trees and a dump, in release folders (the release is read from the path). */
export function writeHostileRoots(dumpEvents: string[] = URL_HOSTILE_NAMES): HostileRoots {
  const dir = mkdtempSync(path.join(tmpdir(), 'qapi-hostile-names-'));
  const write = (rel: string, text: string): string => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  return {
    dir,
    tree52: write('5.2.0/qapi/qapi-schema.json', tree52),
    tree102: write('10.2.2/qapi/qapi-schema.json', tree102),
    dump: write('dump/caps_10.2.0_x86_64.replies', hostileDump(dumpEvents)),
  };
}
