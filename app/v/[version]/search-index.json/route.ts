import { buildSearchDocs, packSearchDocs } from '@/lib/site/search-docs';
import { schemaFor, versionParams } from '@/lib/site/routes';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return versionParams();
}

export async function GET(_req: Request, { params }: { params: Promise<{ version: string }> }) {
  const site = schemaFor((await params).version);
  return Response.json(packSearchDocs(site ? buildSearchDocs(site) : []));
}
