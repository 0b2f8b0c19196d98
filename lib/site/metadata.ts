// <title> and description of a definition page.
import type { Metadata } from 'next';
import type { Entity } from '../qapi/model';
import { kindLabel, plainText } from './format';

export function definitionMetadata(e: Entity | null, version?: string): Metadata {
  if (!e) return { title: 'Not found' };
  const suffix = version ? ` (${version})` : '';
  return {
    title: `${e.name} (${kindLabel(e.meta).toLowerCase()})${suffix}`,
    description: e.doc ? plainText(e.doc.body.text, 160) : undefined,
  };
}
