// QEMU's compatibility rules as a function. Receives a change's kind, the
// direction(s) in which clients meet it and whether an added or removed member
// is optional; guarantees a verdict and the rule (qapi-code-gen.rst,
// "Compatibility considerations") that decides it. A type used in both
// directions gets the worse of the two verdicts, as "Any change to types used
// in both contexts need to consider both" asks.
import { VERDICTS, type ChangeKind, type Direction, type RuleId, type Verdict } from './types';

interface Ruling {
  verdict: Verdict;
  rule: RuleId;
}

export interface RuleInput {
  kind: ChangeKind;
  optional?: boolean;
  range?: 'wider' | 'narrower';
  /** the feature added or removed */
  feature?: string;
}

const ok = (rule: RuleId): Ruling => ({ verdict: 'compatible', rule });
const bad = (rule: RuleId): Ruling => ({ verdict: 'incompatible', rule });
const tolerate = (rule: RuleId): Ruling => ({ verdict: 'tolerate', rule });
/** QEMU allows removing what can't be sent anymore; whether it still can, no schema says. */
const ourCall = (rule: RuleId): Ruling => ({ verdict: 'our-call', rule });

/** A ruling, or one that depends on the change (an optional member, a type's range of values). */
type Rule = Ruling | ((change: RuleInput) => Ruling);

/** `send`: the ruling for what clients send (arguments); `receive`: for what they receive (returns, events). */
interface Row {
  send: Rule;
  receive: Rule;
}

/** The same ruling in both directions. */
const both = (r: Ruling): Row => ({ send: r, receive: r });

/** Every kind of change, ruled for each direction. */
const RULES: Record<ChangeKind, Row> = {
  // a command is met only in what clients send, an event only in what they receive
  'command-added': both(ok('send-optin')),
  'command-removed': both(bad('send-incompatible')),
  'event-added': both(ok('receive-add')),
  'event-removed': both(ourCall('receive-unreachable')),
  'member-added': {
    send: (c) => (c.optional ? ok('send-optin') : bad('send-incompatible')),
    receive: ok('receive-add'),
  },
  'member-removed': {
    send: bad('send-incompatible'),
    receive: (c) => (c.optional ? ourCall('receive-unreachable') : bad('receive-remove')),
  },
  // a member that may now be missing is, for a client that read it, a removed member
  'made-optional': { send: ok('send-optin'), receive: bad('receive-remove') },
  'made-mandatory': { send: bad('send-incompatible'), receive: ok('receive-add') },
  'type-changed': {
    send: (c) => (c.range === 'wider' ? ok('type-range') : bad('type-change')),
    receive: (c) => (c.range === 'narrower' ? ok('type-range') : bad('type-change')),
  },
  // a client meets values of a kind it was never sent
  'became-alternate': { send: ok('send-optin'), receive: bad('type-change') },
  'value-added': { send: ok('send-optin'), receive: tolerate('receive-tolerate') },
  'value-removed': { send: bad('send-incompatible'), receive: ourCall('receive-unreachable') },
  'branch-added': { send: ok('send-optin'), receive: tolerate('receive-tolerate') },
  'branch-removed': { send: bad('send-incompatible'), receive: ourCall('receive-unreachable') },
  'alternative-added': { send: ok('send-optin'), receive: tolerate('receive-tolerate') },
  'alternative-removed': { send: bad('send-incompatible'), receive: ourCall('receive-unreachable') },
  'feature-added': both(ok('feature')),
  'feature-removed': both(ok('feature')),
  'if-changed': both(tolerate('conditional')),
  'left-out': both({ verdict: 'configuration', rule: 'conditional' }),
};

const RANK = Object.fromEntries(VERDICTS.map((v, i) => [v, i])) as Record<Verdict, number>;

function ruling(r: Rule, change: RuleInput): Ruling {
  return typeof r === 'function' ? r(change) : r;
}

export function rule(change: RuleInput, dir: Direction): Ruling {
  const row = RULES[change.kind];
  const s = ruling(row.send, change);
  const v = ruling(row.receive, change);
  const r = dir === 'send' ? s : dir === 'receive' ? v : RANK[v.verdict] < RANK[s.verdict] ? v : s;
  if (r.rule === 'feature' && (change.feature === 'deprecated' || change.feature === 'unstable')) {
    return ok('feature-special');
  }
  return r;
}

export function verdictRank(v: Verdict): number {
  return RANK[v];
}
