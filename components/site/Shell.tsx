// The frame of every page: top bar, module sidebar and main column. The
// frame's markup comes from Frame.tsx as HTML strings (cheap to build for a
// thousand pages); Enhancer is the only client component, and only until
// scripts/postexport.mjs replaces Next's runtime with the site script.
import type { ReactNode } from 'react';
import type { SiteSchema } from '@/lib/site/site-schema';
import type { PageRef } from '@/lib/site/site-links';
import { Enhancer } from './Enhancer';
import { Sidebar, Topbar } from '@/components/docs-html/frame/Frame';

export function Shell({
  site,
  page,
  activeModule,
  children,
}: {
  site: SiteSchema;
  page: PageRef;
  activeModule?: string;
  children: ReactNode;
}) {
  const activeName = page.kind === 'definition' ? page.name : undefined;
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <Enhancer />
      <header className="topbar" dangerouslySetInnerHTML={{ __html: Topbar({ site, page }).value }} />
      <div className="layout" data-static-doc="true">
        <nav
          id="sidebar"
          className="sidebar"
          aria-label="Modules"
          popover="auto"
          dangerouslySetInnerHTML={{ __html: Sidebar({ site, activeModule, activeName }).value }}
        />
        <main id="content" className="content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </>
  );
}
