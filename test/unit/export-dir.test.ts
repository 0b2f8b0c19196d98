// scripts/export-dir.mjs: EXPORT_DIR may be anywhere; Next.js only writes
// inside the project, so an outside target is staged inside and moved there.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPaths, moveStagedExport } from '../../scripts/export-dir.mjs';
import { ROOT } from '../support/shared';

describe('EXPORT_DIR', () => {
  it('inside the project: Next writes there directly', () => {
    expect(exportPaths('out')).toEqual({ target: path.join(ROOT, 'out'), distDir: 'out' });
    expect(exportPaths('out-e2e/')).toEqual({ target: path.join(ROOT, 'out-e2e'), distDir: 'out-e2e' });
  });

  it('outside the project (absolute, or up from it) or the project itself: staged inside', () => {
    for (const dir of ['/tmp/site', '../site', ROOT]) {
      const { target, distDir } = exportPaths(dir);
      expect(target).toBe(path.resolve(ROOT, dir));
      expect(distDir).toBe('out-export-staging');
    }
  });

  it('moves the staged export to the target, replacing what was there', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'export-dir-'));
    const target = path.join(outside, 'site');
    const staged = path.join(ROOT, exportPaths(target).distDir);
    try {
      mkdirSync(path.join(target, 'old'), { recursive: true });
      mkdirSync(path.join(staged, 'events'), { recursive: true });
      writeFileSync(path.join(staged, 'events', 'index.html'), 'new');
      expect(moveStagedExport(target)).toBe(target);
      expect(readFileSync(path.join(target, 'events', 'index.html'), 'utf8')).toBe('new');
      expect(existsSync(path.join(target, 'old'))).toBe(false);
      expect(existsSync(staged)).toBe(false);
    } finally {
      rmSync(outside, { recursive: true, force: true });
      rmSync(staged, { recursive: true, force: true });
    }
  });
});
