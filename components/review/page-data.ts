// What the /review page (app/review/page.tsx) tells its island, in the root
// element's data-review attribute: where the index of the site's base trees
// is, the bases for the select, and the sample patch, if the site has one.
export interface ReviewPageData {
  /** URL of the index of base trees (components/site/review-data.ts), base path included */
  index: string;
  bases: { label: string; version: string | null }[];
  /** URL of the sample patch, or null */
  sample: string | null;
}
