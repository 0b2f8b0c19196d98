/** @jsxImportSource @/lib/site/html */
// What the member, value and alternative tables share: the table's frame with
// its column heads, and a row's description.
import type { DocText } from '@/lib/qapi/model';
import type { Child } from '@/lib/site/html/jsx-runtime';
import { RstTextCompact, type DocContext } from './Rst';
import { Undocumented } from './Undocumented';

/** A table that scrolls sideways on narrow screens; `columns` head it (a nested table has none). */
export function DocTable({ className, columns, children }: { className: string; columns?: string[]; children: Child }) {
  return (
    <div className="table-wrap">
      <table className={className}>
        {columns && (
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
        )}
        {children}
      </table>
    </div>
  );
}

/** A row's doc text, or "Not documented". */
export function Description({ text, ctx }: { text: DocText | undefined; ctx: DocContext }) {
  return text ? <RstTextCompact text={text} ctx={ctx} /> : <Undocumented site={ctx.site} />;
}
