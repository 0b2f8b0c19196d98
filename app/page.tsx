import { HomeView } from '@/components/docs/pages';
import { getDefaultSchema } from '@/lib/site/source';

export default function Page() {
  return <HomeView site={getDefaultSchema()} />;
}
