// The validator worker's logic, separate from the Worker glue so Node tests
// can drive it. Receives requests (protocol.ts), a function that fetches a
// model and one that keeps an own schema's text; guarantees each model is
// fetched and indexed once, one Validator per (model, options), large inputs
// fed to a session in line-aligned chunks with progress after each, "accepted
// by" after each result (dropped when a newer check arrives), a model past
// the budget (or that cannot be had) refused and the page told which, and
// every failure answered as a 'failed' message, never a throw. No DOM, no
// React.
import type { SchemaModel } from '@/lib/qapi/model';
import { QapiError } from '@/lib/qapi/error';
import { createValidator, type MessageResult, type Validator } from '@/lib/validate/index';
import { pieceEnd, sessionResult } from '@/lib/validate/feed';
import { pageKinds } from '@/lib/site/validator-model';
import { sampleEventText } from '@/lib/site/validator-sample';
import type { CheckOptions, FromWorker, ReleaseRef, ToWorker } from './protocol';
import { computeAccepted } from './worker-accepted';
import { overBudget } from '@/lib/validate/budget';

/** Inputs above this size are fed in chunks, with progress between them. */
export const CHUNK = 1 << 20;
/** Messages per posted slice of a result: decoding one slice on the page stays well under 50 ms. */
export const RESULT_SLICE = 1000;

export class WorkerCore {
  private readonly models = new Map<string, Promise<SchemaModel>>();
  private readonly validators = new Map<string, Validator>();
  /** the model whose names ('model' message) the page has */
  private shown = '';
  /** id of the newest check: older ones stop their "accepted by" */
  private latest = 0;

  constructor(
    private readonly fetchModel: (url: string) => Promise<SchemaModel>,
    private readonly post: (msg: FromWorker) => void,
    private readonly now: () => number = () => performance.now(),
    private readonly storeOwn: (key: string, text: string) => Promise<void> = async () => undefined,
    /** the query-qmp-schema reader (lib/qapi/introspect), loaded by the glue when first needed */
    private readonly readOwn: (text: string, fname: string) => Promise<SchemaModel> = async () => {
      throw new Error('this worker cannot read query-qmp-schema replies');
    },
  ) {}

  /** A model, fetched once; one past the budget, or that cannot be had, is refused and the page told so. */
  private model(url: string): Promise<SchemaModel> {
    let p = this.models.get(url);
    if (!p) {
      p = this.fetchModel(url).then((model) => {
        if (!model || !Array.isArray(model.entities)) throw new Error(`${url} is not a schema model`);
        const over = overBudget(model);
        if (over) throw new Error(over);
        return model;
      });
      p.catch((err: unknown) => {
        this.models.delete(url);
        this.post({ type: 'refused', modelUrl: url, message: err instanceof Error ? err.message : String(err) });
      });
      this.models.set(url, p);
    }
    return p;
  }

  private validator(url: string, model: SchemaModel, options: CheckOptions): Validator {
    const key = `${url}|${options.mode}|${options.deprecated}`;
    let validator = this.validators.get(key);
    if (!validator) {
      validator = createValidator(model, options);
      this.validators.set(key, validator);
    }
    return validator;
  }

  async handle(req: ToWorker): Promise<void> {
    if (req.type === 'validate') this.latest = req.id;
    try {
      if (req.type === 'introspect') return await this.introspect(req);
      const model = await this.model(req.modelUrl);
      if (this.shown !== req.modelUrl) {
        this.shown = req.modelUrl;
        const events = model.entities.filter((e) => e.meta === 'event').map((e) => e.name);
        this.post({ type: 'model', modelUrl: req.modelUrl, kinds: pageKinds(model), events });
      }
      if (req.type === 'sample') {
        this.post({ type: 'sample', id: req.id, name: req.name, text: sampleEventText(model, req.name) });
        return;
      }
      const validator = this.validator(req.modelUrl, model, req.options);
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
      if (req.releases && req.releases.length > 1 && result.messages.length)
        void this.accepted({ ...req, releases: req.releases }, result.messages);
    } catch (err) {
      // a QapiError's text carries file:line:col; the reader's own bundle has its own QapiError class, hence the 'info' test
      const located = err instanceof QapiError || (err instanceof Error && 'info' in err && err.info);
      const message = located ? String(err) : err instanceof Error ? err.message : String(err);
      this.post({ type: 'failed', id: req.id, message });
    }
  }

  /** Not awaited by handle: a newer request runs between its slices and makes it stop. */
  private async accepted(
    req: Extract<ToWorker, { type: 'validate' }> & { releases: ReleaseRef[] },
    messages: MessageResult[],
  ): Promise<void> {
    const deps = {
      model: (url: string) => this.model(url),
      validator: (url: string, model: SchemaModel, options: CheckOptions) => this.validator(url, model, options),
      current: () => this.latest === req.id,
    };
    try {
      await computeAccepted(req, messages, deps, (part) => this.post({ type: 'accepted', id: req.id, part }));
    } catch {
      // "accepted by" is extra: the verdicts already shown stand
    }
  }

  private async introspect(req: Extract<ToWorker, { type: 'introspect' }>): Promise<void> {
    const model = await this.readOwn(req.text, req.fileName);
    const over = overBudget(model);
    if (over) throw new Error(over);
    await this.storeOwn(req.key, req.text);
    this.models.set(`own:${req.key}`, Promise.resolve(model));
    const { qemuVersion, target } = model.origin?.kind === 'introspection' ? model.origin : {};
    const count = (meta: string) => model.entities.filter((e) => e.meta === meta).length;
    this.post({
      type: 'introspected',
      id: req.id,
      key: req.key,
      name: [qemuVersion, target].filter(Boolean).join(' ') || req.fileName,
      counts: { commands: count('command'), events: count('event') },
    });
  }

  private inChunks(validator: Validator, id: number, text: string) {
    const session = validator.session();
    const messages: MessageResult[] = [];
    let at = 0;
    while (at < text.length) {
      const end = pieceEnd(text, at, CHUNK);
      for (const m of session.feed(text.slice(at, end))) messages.push(m);
      at = end;
      this.post({ type: 'progress', id, done: at, total: text.length, messages: messages.length });
    }
    for (const m of session.end()) messages.push(m);
    return sessionResult(session, messages);
  }
}
