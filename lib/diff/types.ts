// The diff's output as plain, JSON-compact data: what the CLI prints and the
// site ships. A change names the definition it sits in and every path (one per
// command or event part) through which a client meets it; its verdict cites a
// rule by id, and RULES holds the quoted text once instead of per change.

/** send: command arguments; receive: command returns and event data; both: a type used in both. */
export type Direction = 'send' | 'receive' | 'both';

/**
 * 'tolerate': compatible, but clients must tolerate what they did not see before.
 * 'our-call': something QEMU sends was removed; QEMU's rules call that compatible
 * only for "unreachable" stuff, that can't be sent anymore, which no schema
 * shows: the verdict is ours.
 * 'configuration': not a change of QEMU at all: a build against a tree, the
 * build left out what the tree has only under an `if:` condition.
 */
export type Verdict = 'incompatible' | 'tolerate' | 'our-call' | 'compatible' | 'configuration';

/** The verdicts worst first: the order every list of changes is shown in. */
export const VERDICTS: readonly Verdict[] = ['incompatible', 'tolerate', 'our-call', 'compatible', 'configuration'];

/** A verdict as the heading of its changes. */
export const VERDICT_HEADINGS: Record<Verdict, string> = {
  incompatible: 'Incompatible',
  tolerate: 'Compatible, but clients must tolerate',
  'our-call': "Compatible if it was unreachable (our call: the schema can't show that)",
  compatible: 'Compatible',
  configuration: "Left out of the build by the tree's conditions",
};

/** A verdict in a few words: a change's badge, a count, a table column. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  incompatible: 'incompatible',
  tolerate: 'to tolerate',
  'our-call': 'compatible by our call',
  compatible: 'compatible',
  configuration: 'left out by a condition',
};

export type ChangeKind =
  | 'command-added'
  | 'command-removed'
  | 'event-added'
  | 'event-removed'
  | 'member-added'
  | 'member-removed'
  | 'made-optional'
  | 'made-mandatory'
  | 'type-changed'
  | 'became-alternate'
  | 'value-added'
  | 'value-removed'
  | 'branch-added'
  | 'branch-removed'
  | 'alternative-added'
  | 'alternative-removed'
  | 'feature-added'
  | 'feature-removed'
  | 'if-changed'
  | 'left-out';

/** What a 'left-out' change left out. */
export type LeftOut = 'command' | 'event' | 'member' | 'value' | 'branch' | 'alternative';

export interface Change {
  kind: ChangeKind;
  verdict: Verdict;
  dir: Direction;
  /** key of RULES: the sentence of qapi-code-gen.rst the verdict applies */
  rule: RuleId;
  /**
   * the definition holding the change: a command, an event or a named type (its
   * new name; the old one if gone); for a type a running QEMU's schema leaves
   * unnamed, the command or event of `within`
   */
  def: string;
  /** for a change in an unnamed type: where clients first meet that type ('query-block.arguments') */
  within?: string;
  /** the definition's name in the old schema, when it differs (a renamed type) */
  oldDef?: string;
  /** the member, enum value, branch value, alternative kind or feature that changed */
  item?: string;
  /** for added members: whether optional */
  optional?: boolean;
  /** before and after, for type and condition changes ('str', 'object', 'CONFIG_X' …) */
  from?: string;
  to?: string;
  /** for type changes: every old value is a new one ('wider'), or the reverse ('narrower') */
  range?: 'wider' | 'narrower';
  /** the removed or changed thing carried this special feature in the old schema */
  was?: 'deprecated' | 'unstable';
  /** for 'left-out': what it is, and the tree's condition that the build does not meet */
  what?: LeftOut;
  condition?: string;
  /** where clients meet it, one shortest path per command/event part:
   *  'chardev-add.arguments.backend[type=socket].data.reconnect' */
  paths: string[];
}

/** A definition whose documentation changed; `parts` names what: 'intro', '@member', 'returns', 'since' … */
export interface DocChange {
  def: string;
  meta: string;
  parts: string[];
}

export interface SchemaDiff {
  /** wire changes, incompatible first, then 'tolerate', then compatible; each group by definition */
  changes: Change[];
  /** documentation-only changes, by definition name; never mixed with `changes` */
  docs: DocChange[];
}

export type RuleId =
  | 'send-optin'
  | 'send-incompatible'
  | 'receive-add'
  | 'receive-unreachable'
  | 'receive-remove'
  | 'receive-tolerate'
  | 'type-change'
  | 'type-range'
  | 'feature-special'
  | 'feature'
  | 'conditional';

/** Quoted from QEMU's docs/devel/qapi-code-gen.rst; sentences in parentheses are ours. */
export const RULES: Record<RuleId, string> = {
  'send-optin':
    'Adding opt-in functionality to the send direction is backwards compatible: adding commands, optional ' +
    'arguments, enumeration values, union and alternate branches; turning an argument type into an alternate of ' +
    'that type; making mandatory arguments optional.',
  'send-incompatible':
    'Incompatible changes include removing commands, command arguments, enumeration values, union and alternate ' +
    'branches, adding mandatory command arguments, and making optional arguments mandatory.',
  'receive-add':
    'Adding functionality to the receive direction is generally backwards compatible: adding events, adding ' +
    "return and event data members.  Clients are expected to ignore the ones they don't know.",
  'receive-unreachable':
    'Removing "unreachable" stuff like events that can\'t be triggered anymore, optional return or event data ' +
    "members that can't be sent anymore, and return or event data member (enumeration) values that can't be sent " +
    'anymore makes no difference to clients, except for introspection.  The latter can conceivably confuse ' +
    "clients, so tread carefully. (Whether it can still be sent is not in the schema. That it can't is our " +
    "assumption, so the verdict is ours, not QEMU's.)",
  'receive-remove': 'Incompatible changes include removing return and event data members.',
  'receive-tolerate':
    'Adding functionality to the receive direction is generally backwards compatible […] Clients are expected to ' +
    "ignore the ones they don't know. (A new enumeration value, union or alternate branch in returned data is " +
    'such a thing: a client must accept values it does not know.)',
  'type-change':
    "Any change to a command definition's 'data' or one of the types used there (recursively) needs to consider " +
    "send direction compatibility. Any change to a command definition's 'return', an event definition's 'data', " +
    'or one of the types used there (recursively) needs to consider receive direction compatibility. (A value of ' +
    'the old type is not a value of the new one, so this is incompatible.)',
  'type-range':
    "Any change to a command definition's 'data' or one of the types used there (recursively) needs to consider " +
    "send direction compatibility. Any change to a command definition's 'return', an event definition's 'data', " +
    'or one of the types used there (recursively) needs to consider receive direction compatibility. (Here every ' +
    'value clients sent before is still accepted, or every value they are sent now is one they knew.)',
  'feature-special':
    'Feature "deprecated" marks a command, event, enum value, or struct member as deprecated. […] Interfaces so ' +
    'marked may be withdrawn in future releases in accordance with QEMU\'s deprecation policy. Feature "unstable" ' +
    '[…] Interfaces so marked may be withdrawn or changed incompatibly in future releases.',
  feature: 'Intended use is to have each feature string signal that this build of QEMU shows a certain behaviour.',
  conditional:
    "All definitions take an optional 'if' member. […] The C code generated for the definition will then be " +
    'guarded by an #if preprocessing directive. (Whether it exists now depends on how QEMU was configured.)',
};
