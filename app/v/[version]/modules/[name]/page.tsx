import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ModuleView } from '@/components/docs/pages';
import { moduleParams, schemaFor, versionedParams } from '@/lib/site/routes';

type Props = { params: Promise<{ version: string; name: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return versionedParams(moduleParams);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { version, name } = await params;
  const m = schemaFor(version)?.modules.find((x) => x.slug === name);
  return { title: m ? `${m.title} (module, ${version})` : 'Not found' };
}

export default async function Page({ params }: Props) {
  const { version, name } = await params;
  const site = schemaFor(version);
  if (!site || !site.modules.some((m) => m.slug === name)) notFound();
  return <ModuleView site={site} slug={name} />;
}
