// The param of the one page a dynamic route exports when no tree gives it any
// (lib/site/routes.ts): `output: 'export'` needs at least one. Plain .mjs so
// the export scripts can import it; scripts/postexport.mjs removes those pages,
// found from app/'s own dynamic folders, never from a list of its own.
export const PLACEHOLDER = '_none';
