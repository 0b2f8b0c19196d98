// RawIssue -> Issue: receives an issue's JSON path and anchor and the message's
// node tree (json.ts); guarantees a line:col range inside the message: the
// member's key, its value, or the object that lacks it. A path that leaves the
// tree points at the deepest node it reached.
import type { PathSeg, RawIssue } from './explain';
import type { JsonNode } from './json';
import type { Positions } from './lines';
import type { Issue } from './types';

interface Span {
  start: number;
  end: number;
}

export function spanOf(root: JsonNode, path: readonly PathSeg[], anchor: RawIssue['anchor']): Span {
  let node: JsonNode = root;
  let keySpan: Span | null = null;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    let next: JsonNode | undefined;
    if (node.kind === 'object') {
      // the last of duplicate keys is the one that counts, as in QEMU's QDict
      for (let j = node.members.length - 1; j >= 0; j--) {
        const m = node.members[j]!;
        if (m.key === seg) {
          next = m.value;
          keySpan = { start: m.keyStart, end: m.keyEnd };
          break;
        }
      }
    } else if (node.kind === 'array' && typeof seg === 'number') {
      next = node.items[seg];
      keySpan = null;
    }
    if (!next) return { start: node.start, end: node.end };
    if (last && anchor === 'parent') return { start: node.start, end: node.end };
    node = next;
  }
  if (anchor === 'key' && keySpan) return keySpan;
  return { start: node.start, end: node.end };
}

export function pointer(path: readonly PathSeg[]): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function locateIssue(raw: RawIssue, root: JsonNode | null, fallback: Span, lines: Positions): Issue {
  const span = root ? spanOf(root, raw.path, raw.anchor) : fallback;
  const a = lines.position(span.start);
  const b = lines.position(span.end);
  return {
    severity: raw.severity,
    code: raw.code,
    path: pointer(raw.path),
    line: a.line,
    col: a.col,
    endLine: b.line,
    endCol: b.col,
    message: raw.message,
    text: raw.text,
    ...(raw.def ? { def: raw.def } : {}),
  };
}
