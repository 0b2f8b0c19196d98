// QEMU's compatibility rules as a function. Receives a change's kind, the
// direction(s) in which clients meet it and whether an added or removed member
// is optional; guarantees a verdict and the rule (qapi-code-gen.rst,
// "Compatibility considerations") that decides it. A type used in both
// directions gets the worse of the two verdicts, as "Any change to types used
// in both contexts need to consider both" asks.
import type { ChangeKind, Direction, RuleId, Verdict } from './types';

interface Ruling {
  verdict: Verdict;
  rule: RuleId;
}

const ok = (rule: RuleId): Ruling => ({ verdict: 'compatible', rule });
const bad = (rule: RuleId): Ruling => ({ verdict: 'incompatible', rule });
const tolerate = (rule: RuleId): Ruling => ({ verdict: 'tolerate', rule });

function send(kind: ChangeKind, optional: boolean | undefined, range?: string): Ruling {
  switch (kind) {
    case 'type-changed':
      return range === 'wider' ? ok('type-range') : bad('type-change');
    case 'command-added':
    case 'made-optional':
    case 'value-added':
    case 'branch-added':
    case 'alternative-added':
    case 'became-alternate':
      return ok('send-optin');
    case 'member-added':
      return optional ? ok('send-optin') : bad('send-incompatible');
    case 'command-removed':
    case 'member-removed':
    case 'made-mandatory':
    case 'value-removed':
    case 'branch-removed':
    case 'alternative-removed':
      return bad('send-incompatible');
    default:
      return common(kind);
  }
}

function receive(kind: ChangeKind, optional: boolean | undefined, range?: string): Ruling {
  switch (kind) {
    case 'type-changed':
      return range === 'narrower' ? ok('type-range') : bad('type-change');
    case 'event-added':
    case 'member-added':
    case 'made-mandatory':
      return ok('receive-add');
    case 'value-added':
    case 'branch-added':
    case 'alternative-added':
      return tolerate('receive-tolerate');
    case 'event-removed':
    case 'value-removed':
    case 'branch-removed':
    case 'alternative-removed':
      return ok('receive-unreachable');
    case 'member-removed':
      return optional ? ok('receive-unreachable') : bad('receive-remove');
    // a member that may now be missing is, for a client that read it, a removed member
    case 'made-optional':
      return bad('receive-remove');
    // a client meets values of a kind it was never sent
    case 'became-alternate':
      return bad('type-change');
    default:
      return common(kind);
  }
}

function common(kind: ChangeKind): Ruling {
  switch (kind) {
    case 'feature-added':
    case 'feature-removed':
      return ok('feature');
    case 'if-changed':
      return tolerate('conditional');
    case 'type-changed':
      return bad('type-change');
    // command-added and friends reach here only in the other direction's table
    case 'command-added':
    case 'event-added':
      return ok(kind === 'command-added' ? 'send-optin' : 'receive-add');
    case 'event-removed':
      return ok('receive-unreachable');
    default:
      return bad('send-incompatible');
  }
}

const RANK: Record<Verdict, number> = { incompatible: 0, tolerate: 1, compatible: 2 };

export interface RuleInput {
  kind: ChangeKind;
  optional?: boolean;
  range?: 'wider' | 'narrower';
  /** the feature added or removed */
  feature?: string;
}

export function rule({ kind, optional, range, feature }: RuleInput, dir: Direction): Ruling {
  let r: Ruling;
  if (dir === 'send') r = send(kind, optional, range);
  else if (dir === 'receive') r = receive(kind, optional, range);
  else {
    const s = send(kind, optional, range);
    const v = receive(kind, optional, range);
    r = RANK[v.verdict] < RANK[s.verdict] ? v : s;
  }
  if (r.rule === 'feature' && (feature === 'deprecated' || feature === 'unstable')) return ok('feature-special');
  return r;
}

export function verdictRank(v: Verdict): number {
  return RANK[v];
}
