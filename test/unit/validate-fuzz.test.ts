// Seeded corruption of real example transcripts and JSON Lines: the validator
// never throws, every position lies inside the input, every error message
// makes the message invalid, and feeding the same text line by line gives
// exactly the results of one call.
import { expect, it } from 'vitest';
import { loadModelFromDisk } from '../../lib/qapi/node';
import { createValidator } from '../../lib/validate/index';
import type { MessageResult, ValidationResult } from '../../lib/validate/types';
import { createRng } from '../../lib/qapi/fuzz/mutate';
import { describeWithQemu, qemuTree } from '../support/shared';

const root = qemuTree('10.2.2');

const NOISE = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  '\\',
  '\n',
  ' ',
  '1.0',
  '-',
  'e',
  '...',
  '-> ',
  '<- ',
  '\ud800',
  '\ufeff',
  'NaN',
  '__proto__',
  '"a": 1, "a": 2',
];

function corrupt(text: string, rnd: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const op = rnd();
    if (op < 0.4) out = out.slice(0, at) + NOISE[Math.floor(rnd() * NOISE.length)] + out.slice(at);
    else if (op < 0.8) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rnd() * 5));
    else out = out.slice(0, at) + out.slice(at, at + 20) + out.slice(at);
  }
  return out;
}

function checkInvariants(text: string, r: ValidationResult): void {
  const lineCount = text.split('\n').length;
  for (const m of r.messages) {
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.endLine).toBeLessThanOrEqual(lineCount);
    expect(m.start).toBeLessThanOrEqual(m.end);
    expect(m.valid).toBe(!m.issues.some((i) => i.severity === 'error'));
    for (const i of m.issues) {
      expect(i.line).toBeGreaterThanOrEqual(1);
      expect(i.line).toBeLessThanOrEqual(lineCount);
      expect(i.col).toBeGreaterThanOrEqual(1);
      expect(typeof i.text).toBe('string');
    }
  }
}

describeWithQemu('10.2.2', 'corrupted real input never breaks the validator', () => {
  const model = loadModelFromDisk(root);
  const validator = createValidator(model);
  const examples = model.entities
    .flatMap((e) => e.doc?.examples ?? [])
    .map((x) => x.lines.map((l) => l.text).join('\n'));

  it('transcripts and their JSON Lines forms, 600 corruptions', () => {
    const rnd = createRng(42);
    for (let n = 0; n < 600; n++) {
      const base = examples[Math.floor(rnd() * examples.length)]!;
      const asLines = n % 3 === 0 ? base.replace(/^\s*(->|<-) /gm, '').replace(/\n\s+/g, ' ') + '\n' : base;
      const text = corrupt(asLines, rnd);
      const whole = validator.validateText(text);
      checkInvariants(text, whole);
      const s = validator.session();
      const pieces: MessageResult[] = [];
      for (const piece of text.split(/(?<=\n)/)) pieces.push(...s.feed(piece));
      pieces.push(...s.end());
      expect(pieces).toEqual(whole.messages);
    }
  });
});
