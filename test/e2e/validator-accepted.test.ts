// "Accepted by" and "your own QEMU" on /validate, in Chromium: every verdict
// gets a line saying which of the site's releases accept the message, computed
// in the worker after the verdicts and handed over as typed arrays and a table
// of distinct reasons (nothing per message for the page to decode); a libvirt
// dump (read from ../shared at test time, never copied) opened with "Your
// QEMU…" becomes a schema named after its QEMU, validates messages, takes part
// in "accepted by", survives a reload (IndexedDB) and a bad file says where.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { E2E_REAL_TREE } from './build-once';
import { readIntrospection } from '../../lib/qapi/introspect/index';
import { hasShared, sharedPath } from '../support/shared';
import { describeInChromium } from './browser';
import { freshValidator, pasteForVerdict, takeWork, textOf } from './validator-browser';

const STOP = (i: number) => `{"event": "STOP", "timestamp": {"seconds": ${1767225600 + i}, "microseconds": 0}}`;
const VFIO = (i: number) =>
  `{"event": "VFIO_MIGRATION_PREPARE", "data": {"device-id": "v${i}", "qom-path": "/machine/peripheral/v${i}", ` +
  `"device-state": "stop-copy"}, "timestamp": {"seconds": ${1767225600 + i}, "microseconds": 0}}`;
const DUMP = sharedPath('libvirt-11.3.0', 'qemucapabilitiesdata', 'caps_10.0.0_x86_64.replies');

describeInChromium('/validate: accepted by, your own QEMU', (site) => {
  it.skipIf(!E2E_REAL_TREE)(
    'every verdict says which releases accept it, handed over as typed arrays and a few reason lines',
    async () => {
      const { context, page, errors } = await freshValidator(site);
      const labels = await page.evaluate(() =>
        (JSON.parse(document.getElementById('validator-root')!.dataset.versions ?? '[]') as { label: string }[]).map(
          (v) => v.label,
        ),
      );
      expect(labels.length).toBeGreaterThan(1);
      const text = Array.from({ length: 1500 }, (_, i) => (i % 2 ? STOP(i) : VFIO(i))).join('\n');
      await takeWork(page);
      await pasteForVerdict(page, text);
      await page.locator('.vr-accepted[data-accepted]').first().waitFor({ timeout: 60_000 });
      const work = await takeWork(page);
      const accepted = work.posts.filter((p) => p.type === 'accepted');
      expect(accepted).toHaveLength(1);
      // 1,500 messages, two kinds: the reasons are a table of a few distinct lines, each release's answers one Int32Array
      expect(accepted[0]!.typed).toBe(true);
      expect(accepted[0]!.reasons).toBeLessThan(10);
      expect(work.maxRows).toBeLessThanOrEqual(100);
      expect(await page.locator('.vr-accepted[data-pending]').count()).toBe(0);
      // the VFIO event is in the default tree; where a release lacks it, its line says where it is
      const first = page.locator('.vr-message').first().locator('.vr-accepted');
      expect(await first.getAttribute('data-accepted')).toContain(labels[0]!);
      if (labels.includes('example')) {
        const stop = page.locator('.vr-message').nth(1).locator('.vr-accepted');
        expect(await stop.locator('li').allTextContents()).toContainEqual(
          expect.stringMatching(new RegExp(`^example: not in example; in ${labels[0]}(, since [0-9.]+)?$`)),
        );
      }
      expect(errors).toEqual([]);
      await context.close();
    },
    120_000,
  );

  it.runIf(hasShared)(
    'a libvirt dump becomes "your QEMU": named, chosen, validating, in accepted by, kept',
    async () => {
      const name = (() => {
        const o = readIntrospection(readFileSync(DUMP, 'utf8'), 'dump').origin;
        return o?.kind === 'introspection' ? `${o.qemuVersion} ${o.target}` : '';
      })();
      const { context, page, errors } = await freshValidator(site);
      const mine = [
        `-> {"execute": "query-kvm", "id": "k1"}`,
        `<- {"return": {"enabled": true, "present": true}, "id": "k1"}`,
        VFIO(1),
      ].join('\n');
      await pasteForVerdict(page, STOP(0));
      await page.getByLabel("Your QEMU's query-qmp-schema reply").setInputFiles(DUMP);
      await page.getByText(`QEMU ${name}, `).waitFor({ timeout: 30_000 });
      const select = page.getByLabel('Schema version');
      expect(await select.locator('option:checked').textContent()).toBe(`${name} (yours)`);
      expect(await textOf(page)).toBe(STOP(0)); // loading a schema never touches the text
      await pasteForVerdict(page, mine);
      // query-kvm and its reply are this QEMU's; VFIO_MIGRATION_PREPARE is not
      await page.locator('.vr-accepted[data-accepted]').first().waitFor({ timeout: 60_000 });
      const valid = await page
        .locator('.vr-message')
        .evaluateAll((els) => els.map((e) => e.classList.contains('vr-valid')));
      expect(valid).toEqual([true, true, false]);
      const vfio = page.locator('.vr-message').nth(2).locator('.vr-accepted li');
      expect(await vfio.allTextContents()).toContainEqual(
        expect.stringMatching(new RegExp(`^${name} \\(yours\\): not in `)),
      );
      expect(await page.locator('.vr-message').nth(0).locator('.vr-accepted').getAttribute('data-accepted')).toContain(
        name,
      );

      // every message of the dump itself is valid against its own introspection
      const dump = readFileSync(DUMP, 'utf8');
      expect(await pasteForVerdict(page, dump, 60_000)).toBe('valid');

      // kept in this browser: after a reload it is still there, chosen, and read again by the worker
      await page.reload({ waitUntil: 'load' });
      await page.locator('.validator:not([data-state="loading"])').waitFor();
      expect(await page.getByLabel('Schema version').locator('option:checked').textContent()).toBe(`${name} (yours)`);
      await pasteForVerdict(page, mine);
      expect(await page.locator('.vr-message.vr-valid').count()).toBe(2);

      // a file that holds no reply: a clear message with a position, the text untouched
      await page.getByLabel("Your QEMU's query-qmp-schema reply").setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"return": [{"name": "stop", "meta-type": "command",\n  "arg-type": }]}'),
      });
      const alert = page.locator('.vt-banner-error', { hasText: 'broken.json' });
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/broken\.json:2:\d+/);
      expect(await textOf(page)).toBe(mine);
      expect(errors).toEqual([]);
      await context.close();
    },
    180_000,
  );
});
