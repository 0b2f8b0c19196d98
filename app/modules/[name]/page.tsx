import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ModuleView } from '@/components/docs/pages';
import { moduleParams } from '@/lib/site/routes';
import { getDefaultSchema } from '@/lib/site/source';

type Props = { params: Promise<{ name: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return moduleParams(getDefaultSchema());
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  const m = getDefaultSchema().modules.find((x) => x.slug === name);
  return { title: m ? `${m.title} (module)` : 'Not found' };
}

export default async function Page({ params }: Props) {
  const { name } = await params;
  const site = getDefaultSchema();
  if (!site.modules.some((m) => m.slug === name)) notFound();
  return <ModuleView site={site} slug={name} />;
}
