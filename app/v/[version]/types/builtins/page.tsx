import { notFound } from 'next/navigation';
import { BuiltinsView } from '@/components/docs/pages';
import { schemaFor, versionParams } from '@/lib/site/routes';

type Props = { params: Promise<{ version: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return versionParams();
}

export default async function Page({ params }: Props) {
  const site = schemaFor((await params).version);
  if (!site) notFound();
  return <BuiltinsView site={site} />;
}
