// Repeated keys (qmp-spec leaves their effect unpredictable; QEMU's QDict
// keeps the last): receives a message's node tree; returns one issue per
// repetition, at the repeated key. Iterative, so any depth is safe.
import type { PathSeg, RawIssue } from './explain';
import type { JsonNode } from './json';

/** Every repeated key, at the repetition (QMP leaves repeated keys unpredictable; QEMU keeps the last). */
export function duplicateKeyIssues(root: JsonNode): RawIssue[] {
  const out: RawIssue[] = [];
  const stack: [JsonNode, PathSeg[]][] = [[root, []]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (node.kind === 'object') {
      for (const m of node.members) {
        if (m.duplicate)
          out.push({
            severity: 'error',
            code: 'duplicate-key',
            path: [...path, m.key],
            anchor: 'key',
            message: 'duplicate key',
            text: `'${m.key}' appears more than once in this object; QMP leaves the result unpredictable (QEMU keeps the last)`,
          });
        if (m.value.kind === 'object' || m.value.kind === 'array') stack.push([m.value, [...path, m.key]]);
      }
    } else if (node.kind === 'array') {
      node.items.forEach((item, k) => {
        if (item.kind === 'object' || item.kind === 'array') stack.push([item, [...path, k]]);
      });
    }
  }
  return out;
}
