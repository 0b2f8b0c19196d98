import type { Metadata } from 'next';
import { IndexView } from '@/components/docs/pages';
import { getDefaultSchema } from '@/lib/site/source';

export const metadata: Metadata = { title: 'All definitions' };

export default function Page() {
  return <IndexView site={getDefaultSchema()} />;
}
