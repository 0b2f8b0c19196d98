// "Accepted by" and "your own QEMU" on /validate, in Chromium: every verdict
// gets a line saying which of the site's releases accept the message, computed
// in the worker after the verdicts and posted to the page in slices of a
// bounded number of messages, its lines bounded whatever names the input
// holds (what the page's thread does is asserted by size, never by time); a
// libvirt dump (read from ../shared at test time, never copied) opened with
// "Your QEMU…" becomes a schema named after its QEMU, validates messages,
// takes part in "accepted by", survives a reload (IndexedDB) and a bad file
// says where; a stored dump of deeply nested unions costs a later visit
// little, and one past the validator's budget is refused with "Forget it".
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { E2E_REAL_TREE } from './build-once';
import { readIntrospection } from '../../lib/qapi/introspect/index';
import { hasShared, sharedPath } from '../support/shared';
import { describeInChromium } from './browser';
import { manyValuesDump, nestedUnionsCommand, nestedUnionsDump } from '../../lib/validate/fuzz';
import { SCHEMA_BUDGET } from '../../lib/validate/budget';
import { freshValidator, pasteForVerdict, shareFragment, takeWork, textOf } from './validator-browser';

const STOP = (i: number) => `{"event": "STOP", "timestamp": {"seconds": ${1767225600 + i}, "microseconds": 0}}`;
const VFIO = (i: number) =>
  `{"event": "VFIO_MIGRATION_PREPARE", "data": {"device-id": "v${i}", "qom-path": "/machine/peripheral/v${i}", ` +
  `"device-state": "stop-copy"}, "timestamp": {"seconds": ${1767225600 + i}, "microseconds": 0}}`;
const DUMP = sharedPath('libvirt-11.3.0', 'qemucapabilitiesdata', 'caps_10.0.0_x86_64.replies');

/** Every recorded worker message of "accepted by" and of results covers at most this many messages. */
const SLICE = 1000;
/** A reason line never holds more than this (three errors, names cut to 80 characters, the release labels). */
const REASON_CHARS_MAX = 1000;

describeInChromium('/validate: accepted by, your own QEMU', (site) => {
  it.skipIf(!E2E_REAL_TREE)(
    'every verdict says which releases accept it; the page gets the work in slices of bounded size',
    async () => {
      const { context, page, errors } = await freshValidator(site);
      const labels = await page.evaluate(() =>
        (JSON.parse(document.getElementById('validator-root')!.dataset.versions ?? '[]') as { label: string }[]).map(
          (v) => v.label,
        ),
      );
      expect(labels.length).toBeGreaterThan(1);
      const text = Array.from({ length: 2500 }, (_, i) => (i % 2 ? STOP(i) : VFIO(i))).join('\n');
      await takeWork(page);
      await pasteForVerdict(page, text);
      await page.locator('.vr-accepted[data-accepted]').first().waitFor({ timeout: 60_000 });
      // the main thread is watched until the last part of "accepted by" has arrived, not only the verdicts
      await page.waitForFunction(
        () =>
          (window as unknown as { __work: { posts: { type: string }[] } }).__work.posts.filter(
            (m) => m.type === 'accepted',
          ).length >= 3,
        undefined,
        { timeout: 60_000 },
      );
      const work = await takeWork(page);
      const parts = work.posts.filter((m) => m.type === 'accepted');
      const results = work.posts.filter((m) => m.type === 'result' || m.type === 'result-part');
      expect(parts.map((m) => m.rows)).toEqual([SLICE, SLICE, 500]);
      expect(results.every((m) => m.rows <= SLICE)).toBe(true);
      expect(Math.max(...parts.map((m) => m.reasonCharsMax))).toBeLessThan(REASON_CHARS_MAX);
      expect(work.maxRows).toBeLessThanOrEqual(100);
      expect(await page.locator('.vr-accepted[data-pending]').count()).toBe(0);
      // the VFIO event is in the default tree; where a release lacks it, its line says where it is
      const first = page.locator('.vr-message').first().locator('.vr-accepted');
      expect(await first.getAttribute('data-accepted')).toContain(labels[0]!);
      if (labels.includes('example')) {
        const stop = page.locator('.vr-message').nth(1).locator('.vr-accepted');
        expect(await stop.locator('li').allTextContents()).toContainEqual(
          expect.stringMatching(new RegExp(`^example: no event \`STOP\`(, added in [0-9.]+)? \\(in ${labels[0]}\\)$`)),
        );
      }
      expect(errors).toEqual([]);
      await context.close();
    },
    120_000,
  );

  it('a share link with a 1,000,000-character member name: "accepted by" quotes a bounded prefix', async () => {
    const { context, page, errors } = await freshValidator(site);
    const name = 'n'.repeat(1_000_000);
    const text = VFIO(1).replace('"data": {', `"data": {"${name}": 1, `);
    await page.goto(`${site.base}validate/${shareFragment(text)}`, { waitUntil: 'load' });
    await page.locator('.vr-accepted[data-accepted]').first().waitFor({ timeout: 60_000 });
    const parts = (await takeWork(page)).posts.filter((m) => m.type === 'accepted');
    expect(parts.length).toBe(1);
    expect(parts[0]!.reasonCharsMax).toBeLessThan(REASON_CHARS_MAX);
    const line = await page.locator('.vr-accepted').first().textContent();
    expect(line!.length).toBeLessThan(REASON_CHARS_MAX);
    expect(line).toContain('…, 1000000 characters');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('a stored dump of unions nested 20 levels deep: verdicts and "accepted by" on the next visit', async () => {
    const { context, page, errors } = await freshValidator(site);
    await page.getByLabel("Your QEMU's query-qmp-schema reply").setInputFiles({
      name: 'nested.json',
      mimeType: 'application/json',
      buffer: Buffer.from(nestedUnionsDump(20, 2)),
    });
    await page.getByText('Read nested.json').waitFor({ timeout: 30_000 });
    await page.reload({ waitUntil: 'load' });
    await page.locator('.validator:not([data-state="loading"])').waitFor();
    const cmd = nestedUnionsCommand(20);
    expect(await pasteForVerdict(page, cmd, 60_000)).toBe('valid');
    await page.locator('.vr-accepted[data-accepted]').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('.vr-accepted').first().getAttribute('data-accepted')).toContain('(yours)');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('a schema past the budget: refused when opened; one stored by then is named, with "Forget it"', async () => {
    const { context, page, errors } = await freshValidator(site);
    const huge = manyValuesDump(SCHEMA_BUDGET + 1);
    await page.getByLabel("Your QEMU's query-qmp-schema reply").setInputFiles({
      name: 'huge.json',
      mimeType: 'application/json',
      buffer: Buffer.from(huge),
    });
    const alert = page.locator('.vt-banner-error', { hasText: 'huge.json' });
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain('too large for the validator');
    // kept in this browser before the budget existed: read again on this visit, refused, offered to forget
    await page.evaluate(async (text) => {
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('qapi-explorer-own-schemas', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('texts');
        req.onsuccess = () => {
          const tx = req.result.transaction('texts', 'readwrite');
          tx.objectStore('texts').put(text, 'old');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      });
      localStorage.setItem(
        'qapi-explorer:validator:own-schemas',
        JSON.stringify([{ key: 'old', name: 'huge one', label: 'own-huge-one' }]),
      );
    }, huge);
    await page.reload({ waitUntil: 'load' });
    await page.locator('.validator:not([data-state="loading"])').waitFor();
    await pasteForVerdict(page, STOP(0));
    const refused = page.locator('.vt-banner-error', { hasText: 'huge one (yours)' });
    await refused.waitFor({ timeout: 60_000 });
    expect(await refused.textContent()).toContain('too large for the validator');
    await refused.getByRole('button', { name: 'Forget it' }).click();
    await refused.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Schema version').locator('option', { hasText: 'huge one' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

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
        expect.stringMatching(new RegExp(`^${name} \\(yours\\): no event \`VFIO_MIGRATION_PREPARE\``)),
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
