// A running QEMU's own schema as a schema source: query-qmp-schema's reply
// (qapi/introspect.json), alone or inside any dump or transcript, read into
// the same SchemaModel a source tree gives. Receives the text and a name for
// messages; guarantees the model (origin 'introspection', with the QEMU
// version and target when the text holds them) or a QapiError at line:col.
// Pure: the caller reads the file.
import type { QapiError } from '../error';
import type { Module, SchemaModel } from '../model';
import { escapeForTerminal } from '../escape';
import { errorAt, findSchemaReply } from './find';
import { locateJsonPath } from './json-scan';
import { entitiesOf, IntrospectionFault, INTROSPECTION_MODULE } from './to-model';

export { INTROSPECTION_MODULE } from './to-model';

/** Does this text hold a query-qmp-schema reply rather than QAPI schema source? A cheap look, not a parse. */
export function looksLikeIntrospection(text: string): boolean {
  const head = text.trimStart();
  // QAPI source opens with a '#' comment or a single-quoted expression, never a double quote
  if (head.startsWith('#') || /^\{\s*'/.test(head)) return false;
  return /"meta-type"\s*:/.test(text) || /^[[{]\s*"/.test(head) || head.startsWith('->') || head.startsWith('<-');
}

export function readIntrospection(text: string, fname: string): SchemaModel {
  const found = findSchemaReply(text, fname);
  let entities;
  try {
    entities = entitiesOf(found.infos);
  } catch (err) {
    if (!(err instanceof IntrospectionFault)) throw err;
    const info = found.infos[err.path[0] as number] as { name?: unknown } | undefined;
    const which =
      typeof info?.name === 'string' ? ` ('${info.name.slice(0, 80)}${info.name.length > 80 ? '…' : ''}')` : '';
    throw faultError(text, fname, found.start, [...found.listPath, ...err.path], `${err.message}${which}`);
  }
  const builtin: Module = { name: './builtin', entities: [], freeformDocs: [], groups: [] };
  const rest: Module = { name: INTROSPECTION_MODULE, entities: [], freeformDocs: [], groups: [] };
  for (const e of entities) (e.module === './builtin' ? builtin : rest).entities.push(e.name);
  const origin: SchemaModel['origin'] = { kind: 'introspection' };
  if (found.qemuVersion) origin.qemuVersion = found.qemuVersion;
  if (found.qemuPackage) origin.qemuPackage = found.qemuPackage;
  if (found.target) origin.target = found.target;
  return { root: fname, modules: [builtin, rest], entities, origin };
}

function faultError(text: string, fname: string, start: number, path: (string | number)[], message: string): QapiError {
  const offset = locateJsonPath(text, start, path);
  const where = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
  // names of the reply are any string: a newline in one would forge a line of the report, ESC drive the terminal
  return errorAt(
    fname,
    text,
    offset,
    escapeForTerminal(`bad query-qmp-schema reply at ${where || 'its top'}: ${message}`),
  );
}
