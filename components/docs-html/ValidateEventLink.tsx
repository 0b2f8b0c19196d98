/** @jsxImportSource @/lib/site/html */
// The event page's entry point to the validator (server component, no JS):
// opens /validate prefilled with a minimal valid message of this event,
// built from the model at build time (lib/site/validator-sample.ts).
import type { SiteSchema } from '@/lib/site/site-schema';
import { validatorPath, withBase } from '@/lib/site/href';
import { MAX_SAMPLE_VALUES, sampleEvent } from '@/lib/site/validator-sample';

export function ValidateEventLink({ site, name }: { site: SiteSchema; name: string }) {
  const sample = sampleEvent(site.index, name);
  if (!sample) return null;
  return (
    <p className="validate-event">
      <a
        className="open-validator"
        href={withBase(validatorPath({ versionLabel: site.label, transcript: sample.text }))}
      >
        Validate an event of this type
      </a>{' '}
      <span className="muted">
        {sample.cut
          ? `(opens the validator with a ${name} message cut short: a valid one holds more than ${MAX_SAMPLE_VALUES} values, the validator lists those missing)`
          : `(opens the validator with a minimal valid ${name} message to edit)`}
      </span>
    </p>
  );
}
