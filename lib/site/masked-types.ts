// Types whose names QEMU masks in query-qmp-schema ('123'): a page never
// shows such a name as if it were a type's name. Which names are masked and
// their labels by shape are lib/qapi/shape-label.ts's; here, the nouns and
// articles a page puts around them.
import type { Entity } from '../qapi/model';
import { isMaskedType, shapeLabel } from '../qapi/shape-label';
import type { SiteSchema } from './site-schema';

export { isMaskedType, shapeLabel };

/** What a type's expander opens onto, without naming a masked type: 'members', '12 values', 'alternatives'. */
export function expansionNoun(t: Entity): string {
  switch (t.meta) {
    case 'enum':
      return `${t.values.length} values`;
    case 'alternate':
      return 'alternatives';
    default:
      return 'members';
  }
}

/** 'a' or 'an' before a type as TypeRef shows it ('an object {…}', 'a string' is the caller's usual 'a'). */
export function articleFor(site: Pick<SiteSchema, 'model' | 'index'>, name: string): 'a' | 'an' {
  return isMaskedType(site, name) && /^[aeiou]/.test(shapeLabel(site.index, name)) ? 'an' : 'a';
}
