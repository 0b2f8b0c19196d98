import type { Metadata } from 'next';
import { BuiltinsView } from '@/components/docs/pages';
import { getDefaultSchema } from '@/lib/site/source';

export const metadata: Metadata = { title: 'Built-in types' };

export default function Page() {
  return <BuiltinsView site={getDefaultSchema()} />;
}
