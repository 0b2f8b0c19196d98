// The rules a review applies, as data: each with its severity, the section of
// QEMU's docs/devel/qapi-code-gen.rst it comes from, and whether it is a
// judgement call (a reviewer may well accept the patch as it is; its text
// says so). The README's table of rules is this table.
import type { RuleId, Severity } from './types';

export interface RuleInfo {
  severity: Severity;
  /** the section of qapi-code-gen.rst (or the stage) the rule comes from */
  source: string;
  judgement: boolean;
  /** what it checks, in a few words */
  checks: string;
}

export const RULE_TABLE: Record<RuleId, RuleInfo> = {
  'does-not-apply': {
    severity: 'error',
    source: 'git apply',
    judgement: false,
    checks: "every hunk's context and removed lines match the base exactly",
  },
  'qapi-error': {
    severity: 'error',
    source: "QEMU's generator (scripts/qapi) of the base's release",
    judgement: false,
    checks: 'the patched tree parses and checks',
  },
  'incompatible-change': {
    severity: 'error',
    source: 'Compatibility considerations',
    judgement: false,
    checks: 'no change breaks a client on the wire',
  },
  'example-invalid': {
    severity: 'error',
    source: 'Definition documentation (qmp-example)',
    judgement: false,
    checks: 'the examples of added or changed definitions match the schema',
  },
  'since-missing': {
    severity: 'error',
    source: 'Definition documentation',
    judgement: false,
    checks: 'a new definition has a `Since:` section',
  },
  'since-malformed': {
    severity: 'error',
    source: 'Definition documentation',
    judgement: false,
    checks: '`Since: X.Y` as a tagged section, not `Since X.Y` or `since: X.Y`',
  },
  'since-version': {
    severity: 'error',
    source: 'Definition documentation',
    judgement: false,
    checks: "a new definition's `Since:` names the release after the base",
  },
  'member-since-missing': {
    severity: 'warning',
    source: 'Definition documentation',
    judgement: false,
    checks: 'a member, value or branch added to an existing definition says "(since X.Y)"',
  },
  'member-since-version': {
    severity: 'warning',
    source: 'Definition documentation',
    judgement: false,
    checks: 'its "(since X.Y)" names the release after the base',
  },
  'x-name': {
    severity: 'warning',
    source: 'Naming rules and reserved names',
    judgement: true,
    checks: 'no new `x-` name: the feature `unstable` replaced the prefix',
  },
  'rfqdn-prefix': {
    severity: 'warning',
    source: 'Downstream extensions',
    judgement: true,
    checks: 'no new `__RFQDN_` name: that prefix is for downstreams',
  },
  'pragma-exception-added': {
    severity: 'warning',
    source: 'Pragma directives; Naming rules and reserved names',
    judgement: true,
    checks: 'no new entry in a pragma exception list',
  },
  'member-ref-unknown': {
    severity: 'warning',
    source: 'Documentation markup',
    judgement: false,
    checks: '`@name` in doc text names a member of the definition',
  },
  'definition-ref-unknown': {
    severity: 'error',
    source: 'Documentation markup',
    judgement: false,
    checks: '`` `Name` `` in doc text names a definition',
  },
  'deprecated-without-replacement': {
    severity: 'warning',
    source: 'Special features',
    judgement: true,
    checks: 'a newly deprecated interface says what to use instead',
  },
};

export const RULE_IDS = Object.keys(RULE_TABLE) as RuleId[];
