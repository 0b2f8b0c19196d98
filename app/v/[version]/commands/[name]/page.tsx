import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DefinitionView } from '@/components/docs/pages';
import { definitionMetadata } from '@/lib/site/metadata';
import { definitionParams, findDefinition, schemaFor, versionedParams } from '@/lib/site/routes';

type Props = { params: Promise<{ version: string; name: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return versionedParams((site) => definitionParams('commands', site));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { version, name } = await params;
  return definitionMetadata(findDefinition(schemaFor(version), 'commands', name), version);
}

export default async function Page({ params }: Props) {
  const { version, name } = await params;
  const site = schemaFor(version);
  const entity = findDefinition(site, 'commands', name);
  if (!site || !entity) notFound();
  return <DefinitionView site={site} entity={entity} />;
}
