// Every pasted form, with positions: one value, an array, JSON Lines,
// concatenated values, transcripts with markers, continuation lines, elisions
// and prose; syntax errors at their exact line:col with the neighbours still
// checked; streaming in arbitrary pieces gives the same answer as one call.
import { describe, expect, it } from 'vitest';
import { createValidator } from '../../lib/validate/index';
import type { MessageResult, ValidationResult } from '../../lib/validate/types';
import { MINI_MODEL } from '../fixtures/validate/mini-model';

const v = createValidator(MINI_MODEL);
const PING = '{"event": "PING", "timestamp": {"seconds": 1, "microseconds": 2}}';
const BAD = '{"event": "PONG", "timestamp": {"seconds": 1, "microseconds": 2}}';

const brief = (m: MessageResult) =>
  `${m.index} ${m.kind} ${m.name ?? '-'} ${m.line}:${m.col}-${m.endLine}:${m.endCol} ${m.valid ? 'ok' : 'BAD'}`;

const forms: [string, { given: string; want: { form: ValidationResult['form']; messages: string[] } }][] = [
  ['empty', { given: '  \n\n', want: { form: 'empty', messages: [] } }],
  ['one value', { given: PING, want: { form: 'value', messages: ['0 event PING 1:1-1:66 ok'] } }],
  [
    'an array of messages',
    {
      given: `[\n  ${PING},\n  ${BAD}\n]`,
      want: { form: 'array', messages: ['0 event PING 2:3-2:68 ok', '1 event PONG 3:3-3:68 BAD'] },
    },
  ],
  [
    'JSON Lines',
    {
      given: `${PING}\n${BAD}\n${PING}\n`,
      want: {
        form: 'stream',
        messages: ['0 event PING 1:1-1:66 ok', '1 event PONG 2:1-2:66 BAD', '2 event PING 3:1-3:66 ok'],
      },
    },
  ],
  [
    'concatenated values',
    {
      given: `${PING}${PING} ${BAD}`,
      want: {
        form: 'stream',
        messages: ['0 event PING 1:1-1:66 ok', '1 event PING 1:66-1:131 ok', '2 event PONG 1:132-1:197 BAD'],
      },
    },
  ],
  [
    'pretty-printed values',
    {
      given: '{\n  "event": "PING",\n  "timestamp": {"seconds": 1, "microseconds": 2}\n}\n{\n  "event": "PING"\n}',
      want: { form: 'stream', messages: ['0 event PING 1:1-4:2 ok', '1 event PING 5:1-7:2 BAD'] },
    },
  ],
];

describe('forms and message ranges', () => {
  it.each(forms)('%s', (_name, { given, want }) => {
    const r = v.validateText(given);
    expect({ form: r.form, messages: r.messages.map(brief) }).toEqual(want);
  });
});

describe('transcripts', () => {
  const transcript = [
    'Add a widget, then list them::',
    '',
    '    -> { "execute": "widget-add",',
    '         "arguments": { "id": "w1" } }',
    '    <- { "return": { "id": "w1", "color": "red", "gpu": "x" } }',
    '    -> { "execute": "widget-list" }',
    '    <- { "return": [ "w1",',
    '                     ... ] }',
    '    <- { "event": "PING",',
    '         "timestamp": { "seconds": 1, "microseconds": 2 } }',
    '    <- { "return": { "id": 5 } }',
  ].join('\n');

  it('keeps markers, continuation lines, elisions and prose in order', () => {
    const r = v.validateText(transcript);
    expect(r.form).toBe('transcript');
    expect(r.messages.map((m) => `${brief(m)} ${m.direction}`)).toEqual([
      '0 command widget-add 3:8-4:39 ok ->',
      '1 return widget-add 5:8-5:64 ok <-',
      '2 command widget-list 6:8-6:36 ok ->',
      '3 event PING 9:8-10:60 ok <-',
      '4 return - 11:8-11:33 ok <-',
    ]);
    expect(r.notes.map((n) => `${n.code} ${n.line}`)).toEqual(['prose 1', 'elided 7']);
    expect(r.counts).toEqual({ messages: 5, valid: 5, invalid: 0, elided: 1 });
    expect(r.valid).toBe(false);
  });

  it('a reply is checked against the command it answers, with the issue at its place', () => {
    const r = v.validateText(
      '-> { "execute": "widget-add", "arguments": { "id": "w" } }\n<- { "return": { "id": "w",\n        "color": "pink" } }',
    );
    const issue = r.messages[1]!.issues[0]!;
    expect(issue).toMatchObject({
      code: 'enum-value',
      path: '/return/color',
      line: 3,
      col: 18,
      endLine: 3,
      endCol: 24,
    });
  });

  it('a malformed message is one issue at the exact spot; the others are still checked', () => {
    const r = v.validateText(
      `-> { "execute": "widget-list" }\n<- { "return": [ "a" "b" ] }\n<- ${PING}\n-> {"execute": "nope"}`,
    );
    expect(r.messages.map(brief)).toEqual([
      '0 command widget-list 1:4-1:32 ok',
      '1 unknown - 2:4-2:22 BAD',
      '2 event PING 3:4-3:69 ok',
      '3 command nope 4:4-4:23 BAD',
    ]);
    expect(r.messages[1]!.issues).toEqual([
      expect.objectContaining({
        code: 'json-syntax',
        line: 2,
        col: 22,
        text: "expected ',' or ']' after an array element, found '\"'",
      }),
    ]);
  });
});

describe('syntax errors in JSON Lines', () => {
  it('reports one issue and resumes at the next line that can start a message', () => {
    const r = v.validateText(`${PING}\n{"event": "PING", "timestamp": {\n${BAD}\n{"event": 'x'}\n${PING}\n`);
    expect(r.messages.map(brief)).toEqual([
      '0 event PING 1:1-1:66 ok',
      '1 unknown - 2:1-3:1 BAD',
      '2 event PONG 3:1-3:66 BAD',
      '3 unknown - 4:1-4:11 BAD',
      '4 event PING 5:1-5:66 ok',
    ]);
    expect(r.messages[1]!.issues[0]).toMatchObject({
      line: 3,
      col: 1,
      text: "expected a member name in double quotes, found '{'",
    });
    expect(r.messages[3]!.issues[0]).toMatchObject({
      line: 4,
      col: 11,
      text: "strings must use double quotes, found '",
    });
  });
});

describe('streaming', () => {
  const inputs = [
    `${PING}\n${BAD}\n{"event": "PING", "timestamp": {\n${PING}\n[${PING},\n ${BAD}]\n${PING}`,
    `-> { "execute": "widget-list" }\n<- { "return": [ "a",\n   ... ] }\nprose\n-> { "execute": "widget-add",\n  "arguments": {} }\n<- {"return": {"id": 1}}`,
  ];
  it.each(inputs.map((text, i) => [i, text] as const))('pieces of any size give the same results (%i)', (_i, text) => {
    const whole = v.validateText(text);
    const lines = text.split(/(?<=\n)/);
    for (const per of [1, 2, 3]) {
      const s = v.session();
      const got: MessageResult[] = [];
      for (let i = 0; i < lines.length; i += per) got.push(...s.feed(lines.slice(i, i + per).join('')));
      got.push(...s.end());
      expect(got).toEqual(whole.messages);
      expect(s.notes).toEqual(whole.notes);
    }
  });
});

describe('arrays element by element', () => {
  it('a malformed element costs only itself', () => {
    const r = v.validateText(
      `[\n  ${PING},\n  {"event": "PING", "timestamp": {"seconds": 1 "microseconds": 2}},\n  ${BAD},\n  ${PING}\n]\n${PING}`,
    );
    expect(r.messages.map(brief)).toEqual([
      '0 event PING 2:3-2:68 ok',
      '1 unknown - 3:3-3:48 BAD',
      '2 event PONG 4:3-4:68 BAD',
      '3 event PING 5:3-5:68 ok',
      '4 event PING 7:1-7:66 ok',
    ]);
    expect(r.messages[1]!.issues[0]).toMatchObject({
      line: 3,
      col: 48,
      text: "expected ',' or '}' after an object member, found '\"'",
    });
  });
  it('an unterminated array is one issue after its complete elements', () => {
    const r = v.validateText(`[${PING},\n${PING}`);
    expect(r.messages.map((m) => m.valid)).toEqual([true, true, false]);
    expect(r.messages[2]!.issues[0]!.text).toBe("unterminated array: expected ']'");
  });
});
