// Differential tests for the two speed-ups of the hot path: the precheck
// (precheck.ts) must never change a verdict or an issue compared to running
// every payload through zod, and the JSON Lines reader (json-line.ts) must
// give the same results as the exact readers for every line.
import { describe, expect, it } from 'vitest';
import { loadModelFromDisk } from '../../lib/qapi/node';
import type { SchemaModel } from '../../lib/qapi/model';
import { createValidator } from '../../lib/validate/index';
import type { MessageResult } from '../../lib/validate/types';
import { MINI_MODEL } from '../fixtures/validate/mini-model';
import { hasQemu, qemuTree } from '../support/shared';

const root = qemuTree('10.2.2');

function exampleTexts(model: SchemaModel): string[] {
  return model.entities.flatMap((e) => e.doc?.examples ?? []).map((x) => x.lines.map((l) => l.text).join('\n'));
}

const TS = '"timestamp": {"seconds": 1, "microseconds": 2}';
const MINI_LINES = [
  `{"event": "WIDGET_CHANGED", "data": {"widget": {"id": "w", "color": "red", "count": 1.0}}, ${TS}}`,
  `{"event": "WIDGET_CHANGED", "data": {"widget": {"id": "w", "color": "red", "offset": 9223372036854775808}}, ${TS}}`,
  `{"event": "WIDGET_CHANGED", "data": {"widget": {"id": "w", "color": "red", "offset": 9007199254740993}}, ${TS}}`,
  `{"event": "WIDGET_CHANGED", "data": {"widget": {"id" : "w", "id": "v", "color": "red"}}, ${TS}}`,
  `{"event": "WIDGET_CHANGED", "data": {"widget": {"id": "a:b", "id": "v", "color": "red"}}, ${TS}}`,
  `{"event": "WIDGET_CHANGED", "data": {"widget": {"id": "\\ud800", "color": "red"}}, ${TS}}`,
  `{"event": "WIDGET_CHANGED", "data": {"widget": {"id": "\\u00e9 ::1 127.0.0.1", "color": "grey", "old": true}}, ${TS}}`,
  `{"event": "WIDGET_CHANGED", "data": {"widget": {"id": "w", "color": "red", "size": -1, "__x": 1}}, ${TS}}`,
  `{"event": "SHAPED", "data": {"shape": {"kind": "none"}, "route": {"via": "leaf", "type": "inet", "host": "h", "port": "1"}, "either": 18446744073709551615}, ${TS}}`,
  `{"event": "PING", ${TS}} {"event": "PING", ${TS}}`,
  `{"execute": "widget-add", "arguments": {"id": "a", "size": -1}}`,
  `{"execute": "device_add", "arguments": {"driver": "d", "bus": "b"}}`,
];

function results(model: SchemaModel, text: string, precheck: boolean) {
  return createValidator(model, { precheck }).validateText(text).messages;
}

describe('the precheck never changes a result', () => {
  it.skipIf(!hasQemu('10.2.2'))('on every qmp-example of QEMU 10.2.2', () => {
    const model = loadModelFromDisk(root);
    const texts = exampleTexts(model);
    expect(texts.length).toBeGreaterThan(250);
    for (const t of texts) expect(results(model, t, true)).toEqual(results(model, t, false));
  });
  it.each(MINI_LINES)('on %s', (line) => {
    expect(results(MINI_MODEL, line + '\n', true)).toEqual(results(MINI_MODEL, line + '\n', false));
  });
});

/** The message with its and its issues' positions zeroed (the two readings place them differently). */
function positionless(m: MessageResult): MessageResult {
  return {
    ...m,
    start: 0,
    end: 0,
    line: 0,
    endLine: 0,
    col: 0,
    endCol: 0,
    issues: m.issues.map((i) => ({ ...i, line: 0, endLine: 0, col: 0, endCol: 0 })),
  };
}

describe('JSON Lines reading agrees with the exact readers', () => {
  const v = createValidator(MINI_MODEL);
  it.each(MINI_LINES)('%s', (line) => {
    // with a newline the line path runs; inside an array the exact readers do
    const asLine = v.validateText(line + '\n').messages.map(positionless);
    const asValue = v.validateText('[' + line.replace('} {', '}, {') + ']').messages.map(positionless);
    expect(asLine).toEqual(asValue);
  });
  it('catches what JSON.parse would lose', () => {
    const codes = (line: string) =>
      v.validateText(line + '\n').messages.flatMap((m) => m.issues.map((i) => `${i.code} ${i.path}`));
    expect(codes(MINI_LINES[0]!)).toEqual(['not-integer /data/widget/count']);
    expect(codes(MINI_LINES[1]!)).toEqual(['integer-range /data/widget/offset']);
    expect(codes(MINI_LINES[3]!)).toEqual(['duplicate-key /data/widget/id']);
    expect(codes(MINI_LINES[4]!)).toEqual(['duplicate-key /data/widget/id']);
    expect(codes(MINI_LINES[5]!)).toEqual(['json-syntax ']);
  });
});
