/** @jsxImportSource @/lib/site/html */
// What the member, value and alternative tables share: the table's frame with
// its column heads, and a row's description.
import type { DocText } from '@/lib/qapi/model';
import type { Child } from '@/lib/site/html/jsx-runtime';
import { RstTextCompact, type DocContext } from './Rst';
import { Undocumented } from './Undocumented';
import { NoDocInBuild } from './BuildMark';
import type { BuildMark } from '@/lib/site/borrow-docs';

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

/** A row's doc text, or "Not documented" (a build's new or changed row: that it has none in this build). */
export function Description({ text, ctx, mark }: { text: DocText | undefined; ctx: DocContext; mark?: BuildMark }) {
  // a mark is where the page shows the row: the text, borrowed where the row is unchanged, is not this place's
  if (mark) return <NoDocInBuild />;
  return text ? <RstTextCompact text={text} ctx={ctx} /> : <Undocumented site={ctx.site} />;
}
