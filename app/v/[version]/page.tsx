import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { HomeView } from '@/components/docs/pages';
import { schemaFor, versionParams } from '@/lib/site/routes';

type Props = { params: Promise<{ version: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return versionParams();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { version } = await params;
  return { title: `QMP reference ${version}` };
}

export default async function Page({ params }: Props) {
  const { version } = await params;
  const site = schemaFor(version);
  if (!site) notFound();
  return <HomeView site={site} />;
}
