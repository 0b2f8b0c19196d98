import { buildSearchDocs, packSearchDocs } from '@/lib/site/search-docs';
import { getDefaultSchema } from '@/lib/site/source';

export const dynamic = 'force-static';

export function GET() {
  return Response.json(packSearchDocs(buildSearchDocs(getDefaultSchema())));
}
