// The text dump of a checked schema, byte for byte what QEMU's parser test
// harness prints (tests/qapi-schema/test-qapi.py: QAPISchemaTestVisitor, then
// the doc blocks), in the format of the schema's release: QEMU 5.2 prints
// conditions as Python lists and the built-ins' module as None, releases
// before 10 name doc sections by their tag. Receives a QAPISchema; guarantees
// output equal to that release's NAME.out files, so each suite can check our
// model against QEMU's.
import type { IfCond } from './model';
import { BUILTIN_MODULE_NAME, type QAPISchema } from './schema/index';
import type { QAPISchemaFeature, QAPISchemaIfCond, QAPISchemaVariants } from './schema/index';

/** Python's repr() of a condition value (strings in single quotes). */
function pyRepr(cond: IfCond): string {
  if (typeof cond === 'string') return `'${cond}'`;
  const [key, value] = Object.entries(cond)[0] as [string, IfCond | IfCond[]];
  const inner = Array.isArray(value) ? `[${value.map(pyRepr).join(', ')}]` : pyRepr(value);
  return `{'${key}': ${inner}}`;
}

/** Python's str() of a condition: a bare string, or the dict's repr. */
export function ifcondToString(cond: IfCond): string {
  return typeof cond === 'string' ? cond : pyRepr(cond);
}

const pyBool = (b: boolean): string => (b ? 'True' : 'False');

export function dumpSchema(schema: QAPISchema): string {
  const out: string[] = [];
  const pad = (n: number) => ' '.repeat(n);
  const legacyDump = schema.rules.dump === '5.2';
  const printIf = (ifcond: QAPISchemaIfCond, indent = 4) => {
    if (!ifcond.isPresent()) return;
    // QEMU ≤ 6.1 printed its list of C conditions as a Python list
    const text = ifcond.cStrings
      ? `[${ifcond.cStrings.map((c) => `'${c}'`).join(', ')}]`
      : ifcondToString(ifcond.ifcond!);
    out.push(`${pad(indent)}if ${text}`);
  };
  const printFeatures = (features: QAPISchemaFeature[], indent = 4) => {
    for (const f of features) {
      out.push(`${pad(indent)}feature ${f.name}`);
      printIf(f.ifcond, indent + 4);
    }
  };
  const printVariants = (variants: QAPISchemaVariants | null) => {
    if (!variants) return;
    out.push(`    tag ${variants.tagMember.name}`);
    for (const v of variants.variants) {
      out.push(`    case ${v.name}: ${v.type.name}`);
      printIf(v.ifcond, 8);
    }
  };

  schema.visit({
    visitModule(name) {
      // QEMU ≤ 6.1 named the built-ins' module None
      out.push(`module ${legacyDump && name === BUILTIN_MODULE_NAME ? 'None' : name}`);
    },
    visitInclude(name) {
      out.push(`include ${name}`);
    },
    visitEnumType(name, _info, ifcond, features, members, prefix) {
      out.push(`enum ${name}`);
      if (prefix) out.push(`    prefix ${prefix}`);
      for (const m of members) {
        out.push(`    member ${m.name}`);
        printIf(m.ifcond, 8);
        if (!legacyDump) printFeatures(m.features, 8);
      }
      printIf(ifcond);
      printFeatures(features);
    },
    visitArrayType(name, info, ifcond, elementType) {
      if (!info) return; // built-in arrays are not dumped
      out.push(`array ${name} ${elementType.name}`);
      printIf(ifcond);
    },
    visitObjectType(name, _info, ifcond, features, base, members, branches) {
      out.push(`object ${name}`);
      if (base) out.push(`    base ${base.name}`);
      for (const m of members) {
        out.push(`    member ${m.name}: ${m.type.name} optional=${pyBool(m.optional)}`);
        printIf(m.ifcond, 8);
        printFeatures(m.features, 8);
      }
      printVariants(branches);
      printIf(ifcond);
      printFeatures(features);
    },
    visitAlternateType(name, _info, ifcond, features, alternatives) {
      out.push(`alternate ${name}`);
      printVariants(alternatives);
      printIf(ifcond);
      printFeatures(features);
    },
    visitCommand(name, _info, ifcond, features, argType, retType, flags) {
      out.push(`command ${name} ${argType?.name ?? 'None'} -> ${retType?.name ?? 'None'}`);
      out.push(
        `    gen=${pyBool(flags.gen)} success_response=${pyBool(flags.successResponse)} ` +
          `boxed=${pyBool(flags.boxed)} oob=${pyBool(flags.allowOob)} preconfig=${pyBool(flags.allowPreconfig)}` +
          (flags.coroutine ? ' coroutine=True' : ''),
      );
      printIf(ifcond);
      printFeatures(features);
    },
    visitEvent(name, _info, ifcond, features, argType, boxed) {
      out.push(`event ${name} ${argType?.name ?? 'None'}`);
      out.push(`    boxed=${pyBool(boxed)}`);
      printIf(ifcond);
      printFeatures(features);
    },
  });

  for (const doc of schema.docs) {
    out.push(doc.symbol ? `doc symbol=${doc.symbol}` : 'doc freeform');
    out.push(`    body=\n${doc.body.text}`);
    for (const [arg, section] of doc.args) out.push(`    arg=${arg}\n${section.text}`);
    for (const [feat, section] of doc.features) out.push(`    feature=${feat}\n${section.text}`);
    // QEMU ≤ 8.x printed a section's name: its tag, or None when untagged
    const byTag = schema.rules.docReader === 'lines';
    for (const section of doc.sections) {
      out.push(`    section=${byTag ? (section.tag ?? 'None') : section.kind}\n${section.text}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}
