// The pair picker of /changes/ (markup: components/docs-html/PairPicker.tsx,
// data: ChangesIndexPage's data-picker): /changes/?from=A&to=B opens the
// static page of that pair where the site has one; any other pair is
// compared here, in the browser, from both releases' models (the
// changes-model.json of each, lib/site/site-history.ts changesModel) by the
// same diff (lib/diff) and rendered by the same component as the static
// pages (components/docs-html/ChangesPage.tsx, through the string JSX
// runtime), in place of the index.
import { diffSchemas } from '@/lib/diff';
import type { SchemaModel } from '@/lib/qapi/model';
import { changesSlug } from '@/lib/site/site-history';
import { buildSiteSchema } from '@/lib/site/site-schema';
import { ChangesPage } from '@/components/docs-html/ChangesPage';
import type { PickerData } from '@/components/docs-html/ChangesIndexPage';

async function fetchModel(url: string, label: string): Promise<SchemaModel> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the model of ${label} could not be loaded (${response.status})`);
  return (await response.json()) as SchemaModel;
}

/** The pair page's markup for releases `from` and `to` of the picker's data. */
export async function computePair(data: PickerData, from: string, to: string): Promise<string> {
  const [a, b] = [from, to].map((label) => data.releases.find((r) => r.label === label));
  if (!a || !b) throw new Error(`this site has no release ${a ? to : from}`);
  const [oldModel, newModel] = await Promise.all([fetchModel(a.model, a.label), fetchModel(b.model, b.label)]);
  const site = (r: typeof a, model: SchemaModel) =>
    buildSiteSchema(model, { label: r.label, prefix: r.prefix, rootDir: '' });
  const pair = {
    slug: changesSlug(from, to),
    old: site(a, oldModel),
    new: site(b, newModel),
    diff: diffSchemas(oldModel, newModel),
    adjacent: false,
  };
  return ChangesPage({ pair, pairs: [], releases: data.releases.map((r) => r.label) }).value;
}

export async function initChanges(): Promise<void> {
  const root = document.getElementById('changes-computed');
  const query = new URLSearchParams(location.search);
  const from = query.get('from');
  const to = query.get('to');
  if (!root?.dataset.picker || !from || !to) return;
  const data = JSON.parse(root.dataset.picker) as PickerData;
  const page = data.pages[changesSlug(from, to)];
  if (page) return location.replace(page);
  const status = root.querySelector('.changes-status');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  if (from === to) return say(`${from} and ${to} are the same release: pick two.`);
  say(`Comparing ${from} and ${to}…`);
  try {
    const html = await computePair(data, from, to);
    root.outerHTML = html;
    document.title = document.title.replace(/^[^·]*/, `Changes ${from} → ${to} `);
  } catch (err) {
    say(`${from} → ${to} could not be compared: ${err instanceof Error ? err.message : String(err)}.`);
  }
}
