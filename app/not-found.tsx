import type { Metadata } from 'next';
import { Shell } from '@/components/site/Shell';
import { homePath, withBase } from '@/lib/site/href';
import { getDefaultSchema } from '@/lib/site/source';

export const metadata: Metadata = { title: 'Not found' };

// Served for any missing path, under any version: the default tree's frame
// (its links are absolute), and a search for what the path names
// (components/site/not-found.ts fills in the button).
export default function NotFound() {
  const site = getDefaultSchema();
  return (
    <Shell site={site} page={{ kind: 'home' }}>
      <div className="not-found">
        <h1>Not found</h1>
        <p>
          There is no page here. Search the schema (press <kbd>/</kbd>) or go to the{' '}
          <a href={withBase(homePath(site.prefix))}>home page</a>.
        </p>
        <p>
          <button type="button" className="not-found-search" hidden>
            Search
          </button>
        </p>
      </div>
    </Shell>
  );
}
