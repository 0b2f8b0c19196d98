// The example lint on QEMU 10.2.2: which of QEMU's own qmp-examples are
// wrong, and why, with positions at schema source lines; and the CLI's
// report format.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelFromDisk } from '../../lib/qapi/node';
import { literalBlocks } from '../../lib/qapi/example-messages';
import { formatLintReport, lintExamples, type LintReport } from '../../lib/validate/lint-examples';
import { parseRst } from '../../lib/site/rst/blocks';
import { run } from '../../cli/lint-examples';
import { describeWithQemu, hasQemu, qemuTree } from '../support/shared';
import { recordIO } from '../support/cli-io';

const root = qemuTree('10.2.2');

describeWithQemu('10.2.2', 'lint of QEMU 10.2.2 examples', () => {
  let report: LintReport;
  beforeAll(() => {
    report = lintExamples(loadModelFromDisk(root));
  });

  it('checks all 255 examples and sorts them into valid, invalid and not checkable', () => {
    const s = report.summary;
    expect(s.examples).toBe(255);
    expect(s.valid + s.invalid + s.notCheckable).toBe(255);
    expect(s.events).toBe(78);
    expect(s.invalidEvents).toBe(1);
    expect(s.invalid).toBeGreaterThan(10);
    expect(s.valid).toBeGreaterThan(200);
  });

  const find = (symbol: string, line?: number) => {
    const e = report.examples.find((x) => x.symbol === symbol && (line === undefined || x.line === line));
    if (!e) throw new Error(`no example for ${symbol}`);
    return e;
  };

  it('RTC_CHANGE omits the required qom-path (misc.json)', () => {
    const e = find('RTC_CHANGE');
    expect(e.status).toBe('invalid');
    expect(e.file).toBe('misc.json');
    const issue = e.messages[0]!.issues[0]!;
    // the missing member is reported on the data object, one line below the message start
    expect(issue).toMatchObject({ code: 'missing-member', path: '/data/qom-path', line: e.messages[0]!.line + 1 });
    expect(issue.text).toContain('RTC_CHANGE');
  });

  it('query-dirty-rate shows bare objects instead of {"return": ...}', () => {
    const e = report.examples.filter((x) => x.symbol === 'query-dirty-rate');
    expect(e.map((x) => x.status)).toEqual(['invalid', 'invalid']);
    expect(e[0]!.messages[0]!.issues[0]!.code).toBe('unknown-message');
  });

  it('query-blockstats has a syntax error (missing commas) at its source line', () => {
    const e = find('query-blockstats');
    const issue = e.messages.flatMap((m) => m.issues).find((i) => i.code === 'json-syntax')!;
    expect(issue.line).toBeGreaterThan(e.line);
    expect(issue.text).toContain("expected ',' or '}'");
  });

  it('a closing brace too early leaves the arguments dangling (dumpdtb, cancel-vcpu-dirty-limit)', () => {
    for (const [symbol, below] of [
      ['dumpdtb', 1],
      ['cancel-vcpu-dirty-limit', 0],
    ] as const) {
      const e = find(symbol);
      expect(e.status).toBe('invalid');
      const issue = e.messages[0]!.issues.find((i) => i.code === 'json-syntax')!;
      expect(issue.text).toContain('after the end of the message');
      expect(issue.line).toBe(e.messages[0]!.line + below);
    }
  });

  it('elided examples are not checkable, with a note', () => {
    const e = find('query-commands');
    expect(e.status).toBe('not-checkable');
    expect(e.notes.some((n) => n.code === 'elided')).toBe(true);
  });

  it('annotated examples with prose are checked', () => {
    expect(find('calc-dirty-rate').status).toBe('valid');
    expect(find('balloon').status).toBe('valid');
  });

  it("an annotated example's messages are its literal blocks: '[0, 10), [10, 50)::' is prose", () => {
    const e = report.examples.filter((x) => x.symbol === 'block-latency-histogram-set');
    expect(e.map((x) => [x.line, x.status])).toEqual([
      [551, 'valid'],
      [562, 'valid'],
      [573, 'valid'],
      [589, 'valid'],
    ]);
    expect(e[0]!.messages.map((m) => m.kind)).toEqual(['command', 'return']);
  });

  it('the text report ends with the summary line', () => {
    const text = formatLintReport(report);
    const s = report.summary;
    expect(text.split('\n').at(-1)).toBe(
      `examples: ${s.valid} valid, ${s.invalid} invalid, ${s.notCheckable} not checkable`,
    );
    expect(text).toContain('misc.json');
  });
});

describe('qapi-explorer lint-examples', () => {
  const io = () => recordIO();
  it.skipIf(!hasQemu('10.2.2'))('prints the report and exits 1 because some examples are invalid', async () => {
    const c = io();
    expect(await run([root], c.io)).toBe(1);
    expect(c.out.join('').trimEnd().split('\n').at(-1)).toMatch(
      /^examples: \d+ valid, \d+ invalid, \d+ not checkable$/,
    );
  });
  it('exits 2 on usage errors and on a missing schema', async () => {
    expect(await run([], io().io)).toBe(2);
    const c = io();
    expect(await run(['/nonexistent/qapi-schema.json'], c.io)).toBe(2);
    expect(c.err.join('')).not.toBe('');
  });
});

describeWithQemu(['7.2.0', '5.2.0'], "old-style 'Example:' sections: a prose paragraph is prose to its end", () => {
  it.each(['7.2.0', '5.2.0'])(
    "%s: block-latency-histogram-set's first case is valid, titled by its whole paragraph",
    (r) => {
      const e = lintExamples(loadModelFromDisk(qemuTree(r))).examples.filter(
        (x) => x.symbol === 'block-latency-histogram-set',
      );
      expect(e.map((x) => x.status)).toEqual(['valid', 'valid', 'valid', 'valid']);
      expect(e[0]!.title).toBe(
        'set new histograms for all io types with intervals [0, 10), [10, 50), [50, 100), [100, +inf):',
      );
    },
  );
});

describeWithQemu(['10.2.2', '10.0.13'], 'the messages the lint reads are what the page shows as QMP', () => {
  it.each(['10.2.2', '10.0.13'])(
    "%s: every annotated example's literal blocks, as the page's rST reader finds them",
    (r) => {
      const model = loadModelFromDisk(qemuTree(r));
      const docs = [...model.entities.map((e) => e.doc), ...model.modules.flatMap((m) => m.freeformDocs)];
      const annotated = docs.flatMap((d) => d?.examples ?? []).filter((x) => x.annotated && !x.fromSection);
      expect(annotated).toHaveLength(13);
      for (const example of annotated) {
        const rst = parseRst(example.lines.map((l) => l.text).join('\n'));
        const shown = rst.flatMap((b) => (b.t === 'literal' ? [b.text] : []));
        expect(literalBlocks(example), `${r} line ${example.line}`).toEqual(shown);
      }
    },
  );
});
