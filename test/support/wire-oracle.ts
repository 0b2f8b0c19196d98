// An independent judge of QMP messages, for tests that hold the validator to
// something it did not compute: it reads QEMU's own introspection (a
// query-qmp-schema reply of a real build, or the qapi-introspect.c that QEMU's
// generator writes for a tree) and checks messages against it with the wire
// rules of qapi-code-gen.rst and qmp-spec.rst, written here from those texts
// and sharing no code with lib/. It is deliberately plain: one recursive
// check, no positions, one reason per rejected message.

/** One SchemaInfo of introspect.json; `conditional` marks what a generated tree wraps in `#if`. */
export interface SchemaInfo {
  name: string;
  'meta-type': string;
  conditional?: boolean;
  [key: string]: unknown;
}

interface Member {
  name: string;
  type: string;
  default?: unknown;
  conditional?: boolean;
}

/**
 * The SchemaInfo list of QEMU's generated qapi-introspect.c (QLIT_QLIST / QLIT_QDICT / QLIT_QSTR / QLIT_QBOOL /
 * QLIT_QNULL), every list element inside an `#if` marked `conditional: true`.
 */
export function readQlit(c: string): SchemaInfo[] {
  let at = c.indexOf('qmp_schema_qlit');
  if (at < 0) throw new Error('no qmp_schema_qlit in this file');
  let depth = 0;
  const skip = () => {
    for (;;) {
      while (/\s/.test(c[at]!)) at++;
      if (c.startsWith('/*', at)) at = c.indexOf('*/', at) + 2;
      else if (c[at] === '#' && (at === 0 || c[at - 1] === '\n')) {
        if (c.startsWith('#if', at)) depth++;
        else if (c.startsWith('#endif', at)) depth--;
        at = c.indexOf('\n', at);
      } else return;
    }
  };
  const expect = (s: string) => {
    skip();
    if (!c.startsWith(s, at)) throw new Error(`expected ${s} at offset ${at}: ${c.slice(at, at + 40)}`);
    at += s.length;
  };
  const str = (): string => {
    expect('"');
    let out = '';
    while (c[at] !== '"') {
      if (c[at] === '\\') at++;
      out += c[at++];
    }
    at++;
    return out;
  };
  const value = (): unknown => {
    skip();
    if (c.startsWith('QLIT_QSTR(', at)) {
      at += 'QLIT_QSTR('.length;
      const s = str();
      expect(')');
      return s;
    }
    if (c.startsWith('QLIT_QBOOL(', at)) {
      const end = c.indexOf(')', at);
      const b = c.slice(at + 'QLIT_QBOOL('.length, end).trim() === 'true';
      at = end + 1;
      return b;
    }
    if (c.startsWith('QLIT_QNULL', at)) {
      at += 'QLIT_QNULL'.length;
      return null;
    }
    if (c.startsWith('QLIT_QLIST(', at)) {
      expect('QLIT_QLIST(((QLitObject[]) {');
      const out: unknown[] = [];
      const outer = depth;
      for (;;) {
        skip();
        if (c.startsWith('{}', at)) break;
        const inIf = depth > outer;
        const v = value();
        if (inIf && v && typeof v === 'object') (v as { conditional?: boolean }).conditional = true;
        // a conditional string (an enum value): allowed by some build, kept as it is
        out.push(v);
        expect(',');
      }
      expect('{}');
      expect('}))');
      return out;
    }
    if (c.startsWith('QLIT_QDICT(', at)) {
      expect('QLIT_QDICT(((QLitDictEntry[]) {');
      const out: Record<string, unknown> = {};
      for (;;) {
        skip();
        if (c.startsWith('{}', at)) break;
        expect('{');
        const key = str();
        expect(',');
        out[key] = value();
        expect(',');
        expect('}');
        expect(',');
      }
      expect('{}');
      expect('}))');
      return out;
    }
    throw new Error(`unexpected text at offset ${at}: ${c.slice(at, at + 40)}`);
  };
  at = c.indexOf('=', at) + 1;
  return value() as SchemaInfo[];
}

/** The SchemaInfo list in a dump: the first `{"return": [...]}` whose elements have a meta-type. */
export function schemaOfMessages(messages: readonly unknown[]): SchemaInfo[] {
  for (const m of messages) {
    const r = (m as { return?: unknown }).return;
    if (Array.isArray(r) && r.length && typeof (r[0] as SchemaInfo)['meta-type'] === 'string') return r as SchemaInfo[];
  }
  throw new Error('no query-qmp-schema reply');
}

/** Each blank-line-separated JSON text of a libvirt `.replies` dump (or one JSON text a line), with its offset. */
export function dumpMessages(text: string): { start: number; value: unknown }[] {
  const out: { start: number; value: unknown }[] = [];
  const re = /(?:^|\n)(\{[\s\S]*?\n\})(?=\n|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + (text[m.index] === '\n' ? 1 : 0);
    out.push({ start, value: JSON.parse(m[1]!) });
  }
  return out;
}

/** qmp-spec.rst "Error classes": what an error reply's class may be. */
const ERROR_CLASSES = new Set([
  'GenericError',
  'CommandNotFound',
  'DeviceNotActive',
  'DeviceNotFound',
  'KVMMissingCap',
]);

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export class WireOracle {
  private readonly byName = new Map<string, SchemaInfo>();

  constructor(schema: readonly SchemaInfo[]) {
    for (const s of schema) this.byName.set(s.name, s);
  }

  has(meta: string, name: string): boolean {
    return this.byName.get(name)?.['meta-type'] === meta;
  }

  /** null if `value` is a valid value of the type named `type`, else why not. */
  check(type: string, value: unknown, path = ''): string | null {
    const t: SchemaInfo | undefined = type.startsWith('[')
      ? { name: type, 'meta-type': 'array', 'element-type': type.slice(1, -1) }
      : this.byName.get(type);
    if (!t) return `${path}: unknown type ${type}`;
    switch (t['meta-type']) {
      case 'builtin': {
        const kind = t['json-type'];
        const ok =
          kind === 'value' ||
          (kind === 'string' && typeof value === 'string') ||
          (kind === 'boolean' && typeof value === 'boolean') ||
          (kind === 'null' && value === null) ||
          (kind === 'int' && Number.isInteger(value)) ||
          (kind === 'number' && typeof value === 'number');
        return ok ? null : `${path}: not a ${String(kind)}`;
      }
      case 'enum':
        return typeof value === 'string' && (t.values as string[]).includes(value)
          ? null
          : `${path}: not a value of enum ${type}`;
      case 'array': {
        if (!Array.isArray(value)) return `${path}: not an array`;
        for (let i = 0; i < value.length; i++) {
          const e = this.check(t['element-type'] as string, value[i], `${path}/${i}`);
          if (e) return e;
        }
        return null;
      }
      case 'alternate':
        return (t.members as { type: string }[]).some((m) => this.check(m.type, value, path) === null)
          ? null
          : `${path}: no alternative of ${type}`;
      case 'object':
        return this.checkObject(t as SchemaInfo, value, path);
      default:
        return `${path}: type ${type} is a ${String(t['meta-type'])}`;
    }
  }

  private checkObject(t: SchemaInfo, value: unknown, path: string): string | null {
    if (!isObject(value)) return `${path}: not an object`;
    const members = [...(t.members as Member[])];
    if (t.tag !== undefined) {
      const variant = (t.variants as { case: string; type: string }[]).find((v) => v.case === value[t.tag as string]);
      if (variant) members.push(...((this.byName.get(variant.type)?.members as Member[] | undefined) ?? []));
    }
    const known = new Set(members.map((m) => m.name));
    for (const key of Object.keys(value)) if (!known.has(key)) return `${path}/${key}: unknown member`;
    for (const m of members) {
      if (!(m.name in value)) {
        if ('default' in m || m.conditional) continue;
        return `${path}/${m.name}: missing member`;
      }
      const e = this.check(m.type, value[m.name], `${path}/${m.name}`);
      if (e) return e;
    }
    return null;
  }

  /**
   * The verdict on each message of a conversation: null when QEMU could send or take it, else why not (and the
   * command or event the schema lacks, if that is why). A reply answers the latest command with its id; a command
   * the schema lacks is answered only with CommandNotFound.
   */
  judge(messages: readonly unknown[]): (Rejected | null)[] {
    const sent = new Map<string, string>();
    const no = (why: string, lacking?: string): Rejected => (lacking === undefined ? { why } : { why, lacking });
    const at = (why: string | null) => (why === null ? null : no(why));
    return messages.map((m) => {
      if (!isObject(m)) return no('not an object');
      if ('execute' in m) {
        const name = String(m.execute);
        sent.set(JSON.stringify(m.id), name);
        const cmd = this.byName.get(name);
        if (cmd?.['meta-type'] !== 'command') return no(`unknown command ${name}`, name);
        return at(this.check(cmd['arg-type'] as string, m.arguments ?? {}, '/arguments'));
      }
      const name = sent.get(JSON.stringify(m.id));
      const cmd = name === undefined ? undefined : this.byName.get(name);
      const known = cmd?.['meta-type'] === 'command';
      if ('return' in m) {
        if (!known) return no(`a reply to ${name ?? 'no command'}, which this schema lacks`, name);
        return at(this.check(cmd['ret-type'] as string, m.return, '/return'));
      }
      if ('error' in m) {
        const err = m.error;
        if (!isObject(err) || typeof err.desc !== 'string' || !ERROR_CLASSES.has(err.class as string))
          return no('/error: not an error object');
        return known || err.class === 'CommandNotFound'
          ? null
          : no(`${name} is no command here: only CommandNotFound`, name);
      }
      if ('event' in m) {
        const ev = this.byName.get(String(m.event));
        if (ev?.['meta-type'] !== 'event') return no(`unknown event ${String(m.event)}`, String(m.event));
        return ev['arg-type'] ? at(this.check(ev['arg-type'] as string, m.data ?? {}, '/data')) : null;
      }
      return no('no QMP message');
    });
  }
}

/** Why QEMU could not send or take a message: a JSON pointer and what is wrong there, or the name it lacks. */
export interface Rejected {
  why: string;
  /** the command or event this schema does not have */
  lacking?: string;
}
