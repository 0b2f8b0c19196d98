import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DefinitionView } from '@/components/docs/pages';
import { definitionMetadata } from '@/lib/site/metadata';
import { definitionParams, findDefinition } from '@/lib/site/routes';
import { getDefaultSchema } from '@/lib/site/source';

type Props = { params: Promise<{ name: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return definitionParams('events', getDefaultSchema());
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return definitionMetadata(findDefinition(getDefaultSchema(), 'events', name));
}

export default async function Page({ params }: Props) {
  const { name } = await params;
  const site = getDefaultSchema();
  const entity = findDefinition(site, 'events', name);
  if (!entity) notFound();
  return <DefinitionView site={site} entity={entity} />;
}
