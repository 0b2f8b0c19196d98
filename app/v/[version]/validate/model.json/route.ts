// The schema model of a non-default version, for the validator page's
// version option (one static file per version).
import { compactModel } from '@/lib/site/validator-model';
import { schemaFor, versionParams } from '@/lib/site/routes';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return versionParams();
}

export async function GET(_req: Request, { params }: { params: Promise<{ version: string }> }) {
  const site = schemaFor((await params).version);
  return Response.json(site ? compactModel(site.model) : null);
}
