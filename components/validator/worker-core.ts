// The validator worker's logic, separate from the Worker glue so Node tests
// can drive it. Receives requests (protocol.ts) and a function that fetches a
// model; guarantees each model is fetched and indexed once, one Validator per
// (model, options), large inputs fed to a session in line-aligned chunks with
// progress after each, and every failure answered as a 'failed' message,
// never a throw. No DOM, no React.
import type { SchemaModel } from '@/lib/qapi/model';
import { createValidator, type MessageResult, type Validator } from '@/lib/validate/index';
import { pageKinds } from '@/lib/site/validator-model';
import { sampleEventText } from '@/lib/site/validator-sample';
import type { FromWorker, ToWorker } from './protocol';

/** Inputs above this size are fed in chunks, with progress between them. */
export const CHUNK = 1 << 20;
/** Messages per posted slice of a result: decoding one slice on the page stays well under 50 ms. */
export const RESULT_SLICE = 1000;

export class WorkerCore {
  private readonly models = new Map<string, Promise<SchemaModel>>();
  private readonly validators = new Map<string, Validator>();

  constructor(
    private readonly fetchModel: (url: string) => Promise<SchemaModel>,
    private readonly post: (msg: FromWorker) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private model(url: string): Promise<SchemaModel> {
    let p = this.models.get(url);
    if (!p) {
      p = this.fetchModel(url).then((model) => {
        if (!model || !Array.isArray(model.entities)) throw new Error(`${url} is not a schema model`);
        const events = model.entities.filter((e) => e.meta === 'event').map((e) => e.name);
        this.post({ type: 'model', modelUrl: url, kinds: pageKinds(model), events });
        return model;
      });
      p.catch(() => this.models.delete(url));
      this.models.set(url, p);
    }
    return p;
  }

  async handle(req: ToWorker): Promise<void> {
    try {
      const model = await this.model(req.modelUrl);
      if (req.type === 'sample') {
        this.post({ type: 'sample', id: req.id, name: req.name, text: sampleEventText(model, req.name) });
        return;
      }
      const key = `${req.modelUrl}|${req.options.mode}|${req.options.deprecated}`;
      let validator = this.validators.get(key);
      if (!validator) {
        validator = createValidator(model, req.options);
        this.validators.set(key, validator);
      }
      const t0 = this.now();
      const result =
        req.text.length <= CHUNK ? validator.validateText(req.text) : this.inChunks(validator, req.id, req.text);
      const ms = this.now() - t0;
      let at = 0;
      for (; result.messages.length - at > RESULT_SLICE; at += RESULT_SLICE)
        this.post({ type: 'result-part', id: req.id, messages: result.messages.slice(at, at + RESULT_SLICE) });
      this.post({
        type: 'result',
        id: req.id,
        result: at ? { ...result, messages: result.messages.slice(at) } : result,
        ms,
      });
    } catch (err) {
      this.post({ type: 'failed', id: req.id, message: err instanceof Error ? err.message : String(err) });
    }
  }

  private inChunks(validator: Validator, id: number, text: string) {
    const session = validator.session();
    const messages: MessageResult[] = [];
    let at = 0;
    while (at < text.length) {
      let end = Math.min(text.length, at + CHUNK);
      if (end < text.length) {
        const nl = text.indexOf('\n', end);
        end = nl < 0 ? text.length : nl + 1;
      }
      for (const m of session.feed(text.slice(at, end))) messages.push(m);
      at = end;
      this.post({ type: 'progress', id, done: at, total: text.length, messages: messages.length });
    }
    for (const m of session.end()) messages.push(m);
    const elided = session.notes.filter((n) => n.code === 'elided').length;
    const valid = messages.filter((m) => m.valid).length;
    return {
      form: session.form,
      messages,
      notes: session.notes,
      valid: valid === messages.length && elided === 0,
      counts: { messages: messages.length, valid, invalid: messages.length - valid, elided },
    };
  }
}
