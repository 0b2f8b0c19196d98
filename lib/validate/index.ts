// The validator's public API: receives a SchemaModel and options; returns a
// Validator whose validateText() checks any pasted form of QMP messages and
// whose session() does the same incrementally for large inputs. Pure: runs
// unchanged in Node and in a browser worker.
import { buildIndex, type SchemaModel } from '../qapi/model';
import { ZodCompiler } from './compile';
import { PrecheckCompiler } from './precheck';
import type { MessageContext } from './message-context';
import { Session } from './read/session';
import { sessionResult } from './feed';
import { MAX_MESSAGE, type ValidationResult, type Validator, type ValidatorOptions } from './types';

export type * from './types';
export { escapeForTerminal, formatIssue, formatMessageResult, formatNote, formatResult } from './format';

export function createValidator(model: SchemaModel, options: ValidatorOptions = {}): Validator {
  const index = buildIndex(model);
  const names = (meta: string): string[] => model.entities.filter((e) => e.meta === meta).map((e) => e.name);
  const shared = {
    index,
    input: new ZodCompiler(index, 'input'),
    output: new ZodCompiler(index, 'output'),
    inputPrecheck: new PrecheckCompiler(index, 'input', options.precheck !== false),
    outputPrecheck: new PrecheckCompiler(index, 'output', options.precheck !== false),
    lenient: options.mode === 'lenient',
    deprecatedIsError: options.deprecated === 'error',
    eventNames: names('event'),
    commandNames: names('command'),
    maxMessage: options.maxMessage ?? MAX_MESSAGE,
  };
  // event facts and zod schemas are shared by every session of this validator
  const events = new Map();
  const session = (): Session => new Session({ ...shared, events, pending: [] } satisfies MessageContext);
  return {
    session,
    validateText(text: string): ValidationResult {
      const s = session();
      const messages = s.feed(text);
      for (const m of s.end()) messages.push(m);
      return sessionResult(s, messages);
    },
  };
}
