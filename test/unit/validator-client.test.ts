// The validator page's one store (ValidatorClient) with a stand-in worker:
// every worker message lands there; a result arrives in slices and is shown
// whole, "accepted by" only for the result on screen, answers of an obsolete
// check are dropped, a long obsolete check stops its worker, a worker that
// fails to start gets two more chances, and a refused schema is kept to offer
// "Forget it".
import { describe, expect, it } from 'vitest';
import { ValidatorClient, type WorkerLike } from '@/components/validator/validator-client';
import type { AcceptedPart, FromWorker, ToWorker } from '@/components/validator/protocol';
import type { MessageResult, ValidationResult } from '@/lib/validate/types';

class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  postMessage(msg: ToWorker) {
    this.sent.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  answer(msg: FromWorker) {
    this.onmessage!({ data: msg } as MessageEvent<FromWorker>);
  }
  fail() {
    this.onerror!({ message: 'boom', preventDefault() {} } as ErrorEvent);
  }
}

const message = (index: number): MessageResult => ({
  index,
  kind: 'event',
  name: 'STOP',
  direction: null,
  line: index + 1,
  col: 1,
  endLine: index + 1,
  endCol: 2,
  start: index * 10,
  end: index * 10 + 9,
  valid: true,
  issues: [],
});
const result = (messages: MessageResult[]): ValidationResult => ({
  form: 'stream',
  messages,
  notes: [],
  valid: true,
  counts: { messages: messages.length, valid: messages.length, invalid: 0, elided: 0 },
});
const REQ = { options: { mode: 'strict', deprecated: 'warn' } as const, modelUrl: 'm', releases: [] };

function setup() {
  const workers: FakeWorker[] = [];
  const client = new ValidatorClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  const lastId = () => (workers.at(-1)!.sent.at(-1) as { id: number }).id;
  return { client, workers, lastId };
}

describe('ValidatorClient', () => {
  it('merges a result from its slices, and "accepted by" parts for the result on screen only', () => {
    const { client, workers, lastId } = setup();
    client.check({ ...REQ, text: 'x' });
    const id = lastId();
    expect(client.getSnapshot().status).toBe('checking');
    workers[0]!.answer({ type: 'result-part', id, messages: [message(0), message(1)] });
    workers[0]!.answer({ type: 'result', id, result: result([message(2)]), ms: 5 });
    const s = client.getSnapshot();
    expect(s.status).toBe('done');
    expect(s.result!.messages.map((m) => m.index)).toEqual([0, 1, 2]);
    const part = (from: number, n: number, reasons: string[]): AcceptedPart => ({
      labels: ['a', 'b'],
      from,
      rejected: [new Int32Array(n).fill(-1), new Int32Array(n).fill(from ? -1 : 0)],
      reasons,
      total: 3,
      done: from + n === 3,
    });
    workers[0]!.answer({ type: 'accepted', id: id + 99, part: part(0, 2, ['stale']) });
    expect(client.getSnapshot().accepted).toBeNull();
    workers[0]!.answer({ type: 'accepted', id, part: part(0, 2, ['no event']) });
    expect(client.getSnapshot().accepted!.filled).toBe(2);
    workers[0]!.answer({ type: 'accepted', id, part: part(2, 1, []) });
    const accepted = client.getSnapshot().accepted!;
    expect(accepted.filled).toBe(3);
    expect([...accepted.rejected[1]!]).toEqual([0, 0, -1]);
    expect(accepted.reasons).toEqual(['no event']);
  });

  it("drops an obsolete check's answers; a long obsolete check stops its worker", () => {
    const { client, workers, lastId } = setup();
    client.check({ ...REQ, text: 'y'.repeat(300_000) });
    const old = lastId();
    client.checkAtOnce();
    client.check({ ...REQ, text: 'z' });
    expect(workers[0]!.terminated).toBe(true);
    const id = lastId();
    workers[1]!.answer({ type: 'result', id: old, result: result([message(0)]), ms: 1 });
    expect(client.getSnapshot().status).toBe('checking');
    workers[1]!.answer({ type: 'result', id, result: result([]), ms: 1 });
    expect(client.getSnapshot().status).toBe('done');
  });

  it('a worker that fails to start gets two more chances, then the page says so', () => {
    const { client, workers } = setup();
    client.check({ ...REQ, text: 'x' });
    workers[0]!.fail();
    workers[1]!.fail();
    expect(workers[2]!.sent.map((m) => m.type)).toEqual(['validate']);
    workers[2]!.fail();
    expect(client.getSnapshot()).toMatchObject({ status: 'failed', error: 'the validator stopped: boom' });
  });

  it('answers samples by id, and keeps which schemas the worker refused', async () => {
    const { client, workers, lastId } = setup();
    const sample = client.requestSample('m', 'STOP');
    workers[0]!.answer({ type: 'sample', id: lastId(), name: 'STOP', text: '{"event": "STOP"}' });
    expect(await sample).toBe('{"event": "STOP"}');
    workers[0]!.answer({ type: 'refused', modelUrl: 'own:k', message: 'too large' });
    workers[0]!.answer({ type: 'refused', modelUrl: 'own:k', message: 'too large still' });
    expect(client.getSnapshot().refused).toEqual([{ modelUrl: 'own:k', message: 'too large still' }]);
  });
});
