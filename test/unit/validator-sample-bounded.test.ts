// "Validate an event of this type" on a valid tree whose minimal message is
// huge (structs 8 wide and deep: a valid message holds 8^depth strings; at
// depth 7 the event page was one link of 94 M characters): the sample holds
// at most MAX_SAMPLE_VALUES values, the page stays small, and the link says
// the message is cut short. QEMU's own events are untouched (their largest
// sample has 15 values: validator-page.test.ts checks each is valid).
import { describe, expect, it } from 'vitest';
import { createValidator } from '@/lib/validate/index';
import { MAX_SAMPLE_VALUES, sampleEvent } from '@/lib/site/validator-sample';
import { DefinitionPage } from '@/components/docs-html/DefinitionPage';
import { loadRootModel } from '@/lib/qapi/root';
import { memoryHost, memoryModel, memorySite } from '../support/memory-schema';
import { hostileDump, wideStructs } from '../support/hostile-names';

/** Values in a JSON value: every object, array and scalar. */
function countValues(v: unknown): number {
  if (v === null || typeof v !== 'object') return 1;
  return 1 + Object.values(v).reduce((n: number, x) => n + countValues(x), 0);
}

describe('a sample of an event whose valid message is huge', () => {
  it('structs 8 wide, 6 deep: the event page stays small and says the message is cut short', () => {
    const site = memorySite({ 'qapi-schema.json': wideStructs(8, 6) }, '10.2.2');
    const html = DefinitionPage({ site, entity: site.index.get('WIDE_EVENT')! }).value;
    const link = /href="([^"]*\/validate\/#[^"]*)"/.exec(html)![1]!;
    expect(link.length).toBeLessThan(32 * 1024);
    expect(html.length).toBeLessThan(128 * 1024);
    expect(html).toContain(
      `(opens the validator with a WIDE_EVENT message cut short: a valid one holds more than ${MAX_SAMPLE_VALUES} values, the validator lists those missing)`,
    );
  });

  it.each([
    [8, 7],
    [8, 8],
    [200, 2],
  ])('structs %i wide, %i deep: at most the budget, and the validator lists what is missing', (width, depth) => {
    const model = memoryModel({ 'qapi-schema.json': wideStructs(width, depth) }, '10.2.2');
    const sample = sampleEvent(model, 'WIDE_EVENT')!;
    expect(sample.cut).toBe(true);
    expect(countValues(sample.message.data)).toBeLessThanOrEqual(MAX_SAMPLE_VALUES);
    const [verdict] = createValidator(model).validateText(sample.text).messages;
    expect(verdict!.valid).toBe(false);
    expect(new Set(verdict!.issues.map((i) => i.code))).toEqual(new Set(['missing-member']));
  });

  it('a small event is whole and valid, and says so', () => {
    const site = memorySite({ 'qapi-schema.json': wideStructs(3, 2) }, '10.2.2');
    const sample = sampleEvent(site.model, 'WIDE_EVENT')!;
    expect(sample.cut).toBe(false);
    expect(createValidator(site.model).validateText(sample.text).valid).toBe(true);
    expect(DefinitionPage({ site, entity: site.index.get('WIDE_EVENT')! }).value).toContain(
      '(opens the validator with a minimal valid WIDE_EVENT message to edit)',
    );
  });

  it("a dump's member named '__proto__' is in the sample, as an own key", () => {
    const model = loadRootModel('dump.json', memoryHost({ 'dump.json': hostileDump([]) }));
    const sample = sampleEvent(model, '__proto__')!;
    expect(Object.keys(sample.message.data as object)).toEqual(['__proto__', 'kind']);
    expect(sample.text).toContain('"__proto__": "example"');
  });
});
