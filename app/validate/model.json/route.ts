// The default version's schema model for the validator page, emitted as a
// static file at build time (lib/site/validator-model.ts: docs stripped).
import { compactModel } from '@/lib/site/validator-model';
import { getDefaultSchema } from '@/lib/site/source';

export const dynamic = 'force-static';

export function GET() {
  return Response.json(compactModel(getDefaultSchema().model));
}
