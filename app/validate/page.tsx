import type { Metadata } from 'next';
import { Shell } from '@/components/site/Shell';
import { ValidatorApp, type VersionInfo } from '@/components/validator/ValidatorApp.client';
import { validatorModelPath, withBase } from '@/lib/site/href';
import { getDefaultSchema, versionsNewestFirst } from '@/lib/site/source';
import '@/components/validator/validator.css';

export const metadata: Metadata = {
  title: 'Validate QMP messages',
  description:
    'Paste QMP events, commands, replies or a whole transcript and see exactly what is wrong, where. Runs in your browser.',
};

export default function Page() {
  const site = getDefaultSchema();
  const versions: VersionInfo[] = versionsNewestFirst().map((v) => ({
    label: v.label,
    isDefault: v.isDefault,
    modelUrl: withBase(validatorModelPath(v.prefix)),
    docsBase: withBase(v.prefix),
  }));
  return (
    <Shell site={site} page={{ kind: 'validate' }}>
      <h1 className="vt-title">Validate QMP messages</h1>
      <p className="vt-lede">
        Paste events captured from QEMU, commands and their replies, or a whole <code>-&gt;</code> / <code>&lt;-</code>{' '}
        transcript. Each message is checked against the schema as you type, in your browser: nothing is sent anywhere.
      </p>
      {/* scripts/postexport-validator.mjs mounts the island here from data-versions when Next's runtime is stripped */}
      <div id="validator-root" data-versions={JSON.stringify(versions)}>
        <ValidatorApp versions={versions} />
      </div>
    </Shell>
  );
}
