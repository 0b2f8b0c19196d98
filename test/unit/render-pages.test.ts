// Definition pages rendered from QEMU's real trees: what a reader must find on
// them, asserted directly, plus a readable HTML file snapshot of each.
import { expect, it } from 'vitest';
import { prettyHtml, renderDefinition, siteFor, TREE_1022, TREE_VFIO } from '../support/render-helpers';
import { describeWithQemu } from '../support/shared';
import { ModulePage } from '@/components/docs-html/ModulePage';
import { HomePage } from '@/components/docs-html/HomePage';

describeWithQemu('10.2.2+vfio-migration-prepare', 'VFIO_MIGRATION_PREPARE (10.2.2+vfio-migration-prepare)', () => {
  const site = siteFor(TREE_VFIO);
  const html = renderDefinition(site, 'VFIO_MIGRATION_PREPARE');

  it('shows name, Since 11.0 and where it is defined', () => {
    expect(html).toContain('<h1 class="def-name"><code>VFIO_MIGRATION_PREPARE</code></h1>');
    expect(html).toContain('<span class="badge since">Since 11.0</span>');
    expect(html).toMatch(
      /Defined at <a href="\/modules\/vfio\/#d-VFIO_MIGRATION_PREPARE"[^>]*><code>qapi\/vfio\.json:\d+<\/code><\/a>/,
    );
  });

  it('shows every data member with anchor, type, required/optional and description', () => {
    expect(html).toContain('id="m-device-id"');
    expect(html).toContain('id="m-qom-path"');
    expect(html).toContain('id="m-device-state"');
    expect(html).toMatch(/id="m-device-state".*?href="\/types\/QapiVfioMigrationState\/"/s);
    expect(html).toMatch(/id="m-device-id".*?is-required.*?The device&#x27;s id, if it has one\./s);
    // the enum is expandable in place
    expect(html).toMatch(/<details class="nested"><summary>Show \d+ values of QapiVfioMigrationState<\/summary>/);
  });

  it('shows the envelope and the highlighted example', () => {
    expect(html).toContain('<span class="tk-string">&quot;VFIO_MIGRATION_PREPARE&quot;</span>');
    expect(html).toMatch(/<figure class="qmp-example" id="example-1" data-source="vfio.json:\d+">/);
    expect(html).toContain('<span class="line qmp-server"><span class="tk-server">&#x3C;-</span>');
    expect(html).toContain('<span class="tk-key">         "device-state"</span>');
    expect(html).toMatch(/href="\/validate\/#example=%3C-\+/);
  });

  it("shows the validator's verdict on the example", () => {
    expect(html).toMatch(/<span class="lint lint-valid" title="1 message\(s\) match the schema">valid<\/span>/);
  });

  it('matches its snapshot', async () => {
    await expect(prettyHtml(html)).toMatchFileSnapshot('../snapshots/event-VFIO_MIGRATION_PREPARE.html');
  });
});

describeWithQemu('10.2.2', '10.2.2 pages', () => {
  const site = siteFor(TREE_1022);

  it('inlines base members labelled by origin', () => {
    const html = renderDefinition(site, 'ImageInfo');
    expect(html).toMatch(/Inherited from <a href="\/types\/BlockNodeInfo\/"><code>BlockNodeInfo<\/code><\/a>/);
    expect(html).toContain('id="m-filename"'); // a BlockNodeInfo member, on the wire of ImageInfo
  });

  it('inlines union branches labelled by discriminator value', () => {
    const html = renderDefinition(site, 'GuestPanicInformation');
    expect(html).toMatch(
      /When <code>type<\/code> is <a class="anchor-link" href="#b-hyper-v"><code>&quot;hyper-v&quot;<\/code><\/a>/,
    );
    expect(html).toContain('id="m-hyper-v.arg1"');
    expect(html).toContain('discriminator');
  });

  it('shows an event whose data is a named type', () => {
    const html = renderDefinition(site, 'HV_BALLOON_STATUS_REPORT');
    expect(html).toMatch(/<code>data<\/code> is a <a class="type-ref struct" href="\/types\/HvBalloonInfo\/"/);
    expect(html).toContain('id="m-committed"');
  });

  it('lists who uses a type', () => {
    const html = renderDefinition(site, 'QapiVfioMigrationState');
    expect(html).toMatch(/<h2 id="used-by">Used by<\/h2>.*href="\/events\/VFIO_MIGRATION\/"/s);
    expect(html).toContain('id="v-stop-copy"');
  });

  it('shows a command with arguments, returns and conditions', () => {
    const html = renderDefinition(site, 'query-block');
    expect(html).toContain('<h3 id="returns">Returns</h3>');
    expect(html).toMatch(/<span class="tk-server">&lt;-<\/span> .*href="\/types\/BlockInfo\/"/s);
    const spice = renderDefinition(site, 'SPICE_CONNECTED');
    expect(spice).toContain('<span class="badge cond"');
    expect(spice).toContain('if CONFIG_SPICE');
  });

  it('marks unstable definitions', () => {
    const unstable = site.model.entities.find(
      (e) => e.meta === 'event' && e.features.some((f) => f.name === 'unstable'),
    );
    expect(unstable).toBeDefined();
    const html = renderDefinition(site, unstable!.name);
    expect(html).toContain('badge feature feature-unstable');
    expect(html).toContain('is unstable');
  });

  it('renders every definition of the tree without throwing, within the page budget', () => {
    let biggest = 0;
    for (const e of site.model.entities) {
      if (e.implicit || e.meta === 'builtin' || e.meta === 'array') continue;
      biggest = Math.max(biggest, renderDefinition(site, e.name).length);
    }
    expect(biggest).toBeLessThan(400_000);
  }, 300_000);

  it('snapshots a command page with its reply expanded', async () => {
    const html = renderDefinition(site, 'query-status');
    expect(html).toContain('<tr id="r-status" class="required">');
    await expect(prettyHtml(html)).toMatchFileSnapshot('../snapshots/command-query-status.html');
  });

  it('snapshots a union page', async () => {
    await expect(prettyHtml(renderDefinition(site, 'GuestPanicInformation'))).toMatchFileSnapshot(
      '../snapshots/union-GuestPanicInformation.html',
    );
  });
});

describeWithQemu('10.2.2+vfio-migration-prepare', 'module and home pages', () => {
  const site = siteFor(TREE_VFIO);

  it('shows a module with its title, intro and definitions, events first', () => {
    const html = ModulePage({ site, module: site.modules.find((m) => m.slug === 'vfio')! }).value;
    expect(html).toContain('<h1>VFIO devices</h1>');
    expect(html).toMatch(
      /href="\/events\/VFIO_MIGRATION\/".*href="\/events\/VFIO_MIGRATION_PREPARE\/".*href="\/types\//s,
    );
    expect(html).toContain('<span class="kind kind-event">Event</span>');
  });

  it('groups every event by module on the home page', () => {
    const html = HomePage({ site }).value;
    expect(html.match(/<li><a href="\/events\//g)?.length).toBe(58);
    expect(html).toMatch(/VFIO devices<\/a> <span class="count">2<\/span>/);
  });
});
