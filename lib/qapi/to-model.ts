// Checked entities -> the plain SchemaModel of model.ts (the contract with the
// site, the validator and the CLI). Receives a QAPISchema that passed
// check(). Guarantees JSON-serialisable data in QEMU's dump order (modules in
// first-seen order, entities in definition order, implicit types before their
// users, built-in arrays included so every type name resolves), members in
// wire order with definedIn, union branches including the implicit q_empty
// ones, and each member/value/alternative's description taken from the doc
// section QEMU connected to it.
import type { QAPIDocArgSection, QAPIDoc } from './doc';
import { docToModel, headingStyles } from './doc-model';
import type {
  Alternative,
  Branch,
  Command,
  Doc,
  DocHeading,
  DocText,
  Entity,
  EnumValue,
  Event,
  Feature,
  IfCond,
  Loc,
  Member,
  Module,
  ModuleGroup,
  SchemaModel,
} from './model';
import {
  QAPISchemaAlternateType,
  QAPISchemaArrayType,
  QAPISchemaBuiltinType,
  QAPISchemaCommand,
  QAPISchemaEnumType,
  QAPISchemaEvent,
  QAPISchemaInclude,
  QAPISchemaObjectType,
  type QAPISchema,
  type QAPISchemaDefinition,
  type QAPISchemaFeature,
  type QAPISchemaIfCond,
  type QAPISchemaMember,
  type QAPISchemaObjectTypeMember,
} from './schema/index';
import type { QAPISourceInfo } from './source';

class ModelBuilder {
  /** the doc section QEMU connected to each member, value, alternative and feature */
  private readonly descriptions = new Map<QAPISchemaMember, QAPIDocArgSection>();
  private readonly docModels = new Map<QAPIDoc, Doc>();

  constructor(private readonly schema: QAPISchema) {
    for (const doc of schema.docs) {
      for (const section of doc.args.values()) {
        if (section.member) this.descriptions.set(section.member as QAPISchemaMember, section);
      }
    }
  }

  moduleOf(fname: string): string {
    return this.schema.moduleByFname(fname).name;
  }

  loc(info: QAPISourceInfo | null): Loc | null {
    return info ? { file: this.moduleOf(info.fname), line: info.line } : null;
  }

  doc(doc: QAPIDoc | null): Doc | null {
    if (!doc) return null;
    let model = this.docModels.get(doc);
    if (!model) {
      model = docToModel(doc, this.moduleOf(doc.info.fname));
      this.docModels.set(doc, model);
    }
    return model;
  }

  description(member: QAPISchemaMember): DocText | undefined {
    const section = this.descriptions.get(member);
    if (!section || !section.text) return undefined;
    return { text: section.text, line: section.lineNos[0] ?? section.info.line };
  }
}

function withIf<T extends object>(target: T, ifcond: QAPISchemaIfCond): T & { if?: IfCond } {
  if (ifcond.isPresent()) (target as T & { if?: IfCond }).if = ifcond.ifcond;
  return target;
}

function features(list: QAPISchemaFeature[]): Feature[] {
  return list.map((f) => withIf({ name: f.name, special: f.isSpecial() }, f.ifcond));
}

function member(b: ModelBuilder, m: QAPISchemaObjectTypeMember): Member {
  const out: Member = withIf(
    {
      name: m.name,
      type: m.type.name,
      optional: m.optional,
      features: features(m.features),
      definedIn: m.definedIn ?? '',
    },
    m.ifcond,
  );
  const description = b.description(m);
  if (description) out.description = description;
  return out;
}

function entity(b: ModelBuilder, defn: QAPISchemaDefinition, moduleName: string): Entity {
  const base = withIf(
    {
      name: defn.name,
      module: moduleName,
      loc: b.loc(defn.info),
      features: features(defn.features),
      implicit: defn.isImplicit(),
      doc: b.doc(defn.doc),
    },
    defn.ifcond,
  );
  if (defn instanceof QAPISchemaBuiltinType) {
    return { ...base, meta: 'builtin', jsonType: defn.builtinJsonType };
  }
  if (defn instanceof QAPISchemaEnumType) {
    const values = defn.members.map((m): EnumValue => {
      const v: EnumValue = withIf({ name: m.name, features: features(m.features) }, m.ifcond);
      const description = b.description(m);
      if (description) v.description = description;
      return v;
    });
    return defn.prefix === undefined
      ? { ...base, meta: 'enum', values }
      : { ...base, meta: 'enum', values, prefix: defn.prefix };
  }
  if (defn instanceof QAPISchemaArrayType) {
    return { ...base, meta: 'array', elementType: defn.elementType.name };
  }
  if (defn instanceof QAPISchemaObjectType) {
    const members = defn.members.map((m) => member(b, m));
    if (!defn.branches) {
      return defn.base
        ? { ...base, meta: 'struct', base: defn.base.name, members }
        : { ...base, meta: 'struct', members };
    }
    const branches = defn.branches.variants.map((v): Branch => withIf({ value: v.name, type: v.type.name }, v.ifcond));
    return {
      ...base,
      meta: 'union',
      base: defn.base?.name ?? '',
      members,
      discriminator: defn.branches.tagName,
      tagType: defn.branches.tagMember.type.name,
      branches,
    };
  }
  if (defn instanceof QAPISchemaAlternateType) {
    const alternatives = defn.alternatives.variants.map((v): Alternative => {
      const a: Alternative = withIf({ name: v.name, type: v.type.name }, v.ifcond);
      const description = b.description(v);
      if (description) a.description = description;
      return a;
    });
    return { ...base, meta: 'alternate', alternatives };
  }
  if (defn instanceof QAPISchemaCommand) {
    const out: Command = {
      ...base,
      meta: 'command',
      boxed: defn.flags.boxed,
      gen: defn.flags.gen,
      successResponse: defn.flags.successResponse,
      allowOob: defn.flags.allowOob,
      allowPreconfig: defn.flags.allowPreconfig,
      coroutine: defn.flags.coroutine,
    };
    if (defn.argType) out.argType = defn.argType.name;
    if (defn.retType) out.returns = defn.retType.name;
    return out;
  }
  if (defn instanceof QAPISchemaEvent) {
    const out: Event = { ...base, meta: 'event', boxed: defn.boxed };
    if (defn.argType) out.argType = defn.argType.name;
    return out;
  }
  throw new Error(`unexpected entity ${defn.name}`);
}

export function toModel(schema: QAPISchema): SchemaModel {
  const b = new ModelBuilder(schema);
  const modules: Module[] = [];
  const entities: Entity[] = [];
  const moduleByName = new Map<string, Module>();
  for (const mod of schema.modules) {
    const out: Module = { name: mod.name, entities: [], freeformDocs: [], groups: [] };
    for (const ent of mod.entities) {
      if (ent instanceof QAPISchemaInclude) continue; // include directives are not definitions
      const defn = ent as QAPISchemaDefinition;
      out.entities.push(defn.name);
      entities.push(entity(b, defn, mod.name));
    }
    modules.push(out);
    moduleByName.set(mod.name, out);
  }
  for (const doc of schema.docs) {
    if (doc.symbol !== null) continue;
    const name = b.moduleOf(doc.info.fname);
    moduleByName.get(name)?.freeformDocs.push(b.doc(doc)!);
  }
  // reST heading levels: rank of each adornment style's first use in the tree
  const ranks = new Map<string, number>();
  for (const doc of schema.docs) {
    if (doc.symbol !== null) continue;
    for (const heading of b.doc(doc)!.headings ?? []) {
      const style = headingStyles.get(heading);
      if (style === undefined) continue;
      if (!ranks.has(style)) ranks.set(style, ranks.size + 1);
      heading.level = ranks.get(style)!;
    }
  }
  const byName = new Map(entities.map((e) => [e.name, e]));
  for (const mod of modules) groupModule(mod, byName);
  return { root: schema.fname, modules, entities };
}

/**
 * The module's title and its definitions grouped under its subsections: the
 * headings of its free-form blocks and its explicit definitions merged by
 * source line (both come from the module's one file).
 */
function groupModule(mod: Module, byName: Map<string, Entity>): void {
  const headings = mod.freeformDocs.flatMap((d) => d.headings ?? []);
  const title = headings.find((h) => h.level === 1);
  if (title) mod.title = title;
  // every later heading starts a group, a second level-1 one too (7.2's ui.json: '= Input' after '== VNC')
  const subs = headings.filter((h) => h !== title);
  const groups: Module['groups'] = [];
  let current = null as ModuleGroup | null;
  let heading: DocHeading | null = null;
  let next = 0;
  for (const name of mod.entities) {
    const entity = byName.get(name);
    if (!entity || entity.implicit || entity.meta === 'builtin' || !entity.loc) continue;
    while (next < subs.length && subs[next].line < entity.loc.line) heading = subs[next++];
    if (!current || current.heading !== heading) {
      current = { heading, entities: [] };
      groups.push(current);
    }
    current.entities.push(name);
  }
  mod.groups = groups;
}
