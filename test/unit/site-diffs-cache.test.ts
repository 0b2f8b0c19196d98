// The build's disk cache of the diffs between the site's trees
// (lib/site/model-cache.ts cachedDiffs): computed once, read back while
// every schema file is unchanged, computed again when one changes.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { SchemaModel } from '@/lib/qapi/model';
import { cachedDiffs } from '@/lib/site/model-cache';

const project = mkdtempSync(path.join(tmpdir(), 'qapi-diffs-cache-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

it('computes once, reuses while the trees are unchanged, recomputes when a module changes', () => {
  const root = path.join(project, 'qapi-schema.json');
  const module = path.join(project, 'a.json');
  writeFileSync(root, "{ 'include': 'a.json' }\n");
  writeFileSync(module, "{ 'event': 'A' }\n");
  const model = { modules: [{ name: 'a.json' }] } as unknown as SchemaModel;
  const trees = [{ rootFile: root, model }];
  let runs = 0;
  const compute = () => ({ run: ++runs });
  expect(cachedDiffs(project, trees, ['k'], compute)).toEqual({ run: 1 });
  expect(cachedDiffs(project, trees, ['k'], compute)).toEqual({ run: 1 });
  expect(cachedDiffs(project, trees, ['other key'], compute)).toEqual({ run: 2 });
  writeFileSync(module, "{ 'event': 'B' }\n");
  utimesSync(module, new Date(), new Date(Date.now() + 5000));
  expect(cachedDiffs(project, trees, ['k'], compute)).toEqual({ run: 3 });
  expect(cachedDiffs(project, trees, ['k'], compute)).toEqual({ run: 3 });
});
