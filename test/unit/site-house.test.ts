// The site's layout rules that code review would otherwise have to catch:
// the HTML-string components live in components/docs-html/ and only there,
// and every URL shares one base-path normalisation.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseBasePath } from '@/lib/site/base-path.mjs';
import { definitionPath, memberPath, modulePath, validatorPath } from '@/lib/site/href';
import { ROOT } from '../support/shared';

const PRAGMA = '/** @jsxImportSource @/lib/site/html */';

function tsxFiles(dir: string): string[] {
  return (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.tsx'))
    .map((f) => path.join(dir, f));
}

describe('the two JSX runtimes', () => {
  it('components/docs-html uses the HTML-string runtime in every file, no other folder does', () => {
    const html = tsxFiles('components/docs-html');
    expect(html.length).toBeGreaterThan(10);
    for (const f of html) expect(readFileSync(path.join(ROOT, f), 'utf8').startsWith(PRAGMA), f).toBe(true);
    const others = [...tsxFiles('components').filter((f) => !f.startsWith('components/docs-html')), ...tsxFiles('app')];
    for (const f of others)
      expect(readFileSync(path.join(ROOT, f), 'utf8').includes('@jsxImportSource'), f).toBe(false);
  });
});

describe('URLs', () => {
  it('normalises BASE_PATH one way', () => {
    expect(normaliseBasePath(undefined)).toBe('');
    expect(normaliseBasePath('')).toBe('');
    expect(normaliseBasePath('/')).toBe('');
    expect(normaliseBasePath(' docs/ ')).toBe('/docs');
    expect(normaliseBasePath('//a//b///')).toBe('/a/b');
  });

  it('builds pages, anchors and the validator link from one scheme', () => {
    expect(definitionPath('', 'event', 'STOP')).toBe('/events/STOP/');
    expect(definitionPath('/v/10.0.13', 'union', 'X')).toBe('/v/10.0.13/types/X/');
    expect(definitionPath('', 'builtin', 'int')).toBe('/types/builtins/#int');
    expect(memberPath('', 'command', 'blockdev-add', 'm-driver')).toBe('/commands/blockdev-add/#m-driver');
    expect(modulePath('/v/x', 'block-core')).toBe('/v/x/modules/block-core/');
    expect(validatorPath()).toBe('/validate/');
    expect(validatorPath({ versionLabel: '1', transcript: '<- {}' })).toBe('/validate/#example=%3C-+%7B%7D&version=1');
  });

  it('route files are thin: no lookups or URL building of their own', () => {
    for (const f of [...tsxFiles('app').filter((x) => x.endsWith('page.tsx'))]) {
      const text = readFileSync(path.join(ROOT, f), 'utf8');
      // a client island's page also imports its stylesheets and mounts its app
      if (/^app\/(validate|review)\//.test(f)) continue;
      expect(text.split('\n').length, f).toBeLessThanOrEqual(10);
      expect(text, f).toContain("from '@/components/site/routes'");
    }
  });
});
