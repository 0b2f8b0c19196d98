/** @jsxImportSource @/lib/site/html */
// The built-in types on one page: what each looks like on the wire
// (qapi-code-gen.rst "Built-in Types").
import { inPage } from '@/lib/site/href';
import type { SiteSchema } from '@/lib/site/site-schema';
import { DocTable } from './TableParts';

const MEANING: Record<string, string> = {
  str: 'A JSON string.',
  number: 'A JSON number (any, including fractions and exponents).',
  int: 'A JSON integer, signed 64 bit: -9223372036854775808 to 9223372036854775807.',
  int8: 'A JSON integer, -128 to 127.',
  int16: 'A JSON integer, -32768 to 32767.',
  int32: 'A JSON integer, -2147483648 to 2147483647.',
  int64: 'A JSON integer, -9223372036854775808 to 9223372036854775807.',
  uint8: 'A JSON integer, 0 to 255.',
  uint16: 'A JSON integer, 0 to 65535.',
  uint32: 'A JSON integer, 0 to 4294967295.',
  uint64: 'A JSON integer, 0 to 18446744073709551615.',
  size: 'A JSON integer, 0 to 18446744073709551615, usually a size in bytes.',
  bool: 'JSON true or false.',
  null: 'JSON null.',
  any: 'Any JSON value.',
  QType: 'A JSON string naming a JSON type (used by alternates internally).',
};

export function BuiltinsPage({ site }: { site: SiteSchema }) {
  const builtins = site.builtins.length ? site.builtins : [];
  return (
    <article className="builtins-page">
      <p className="kicker">
        <span className="kind kind-builtin">Built-in types</span>
      </p>
      <h1>Built-in types</h1>
      <p className="lede">
        These types are part of the QAPI language rather than of any schema. Pages show them by the JSON type they
        travel as; the QAPI name is given here and in the link title.
      </p>
      <DocTable className="members" columns={['QAPI name', 'JSON', 'On the wire']}>
        <tbody>
          {builtins.map((b) => (
            <tr key={b.name} id={b.name}>
              <td className="member-name">
                <a className="anchor-link" href={inPage(b.name)}>
                  <code>{b.name}</code>
                </a>
              </td>
              <td>
                <code>{b.meta === 'builtin' ? b.jsonType : b.meta}</code>
              </td>
              <td>{MEANING[b.name] ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </DocTable>
      <p>
        An array of any type <code>T</code> is written <code>[&apos;T&apos;]</code> in the schema and is a JSON array
        whose elements are all <code>T</code>; pages show it as <code>[T]</code>.
      </p>
    </article>
  );
}
