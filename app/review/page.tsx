import type { Metadata } from 'next';
import { Shell } from '@/components/site/Shell';
import { reviewPageData } from '@/components/site/routes';
import { ReviewApp } from '@/components/review/ReviewApp.client';
import { getDefaultSchema } from '@/lib/site/source';
import '@/components/validator/validator.css';
import '@/components/review/review.css';

export const metadata: Metadata = {
  title: 'Review a QAPI patch',
  description:
    "Paste a patch to QEMU's QAPI schema and see what it changes on the wire, its docs as the site renders them, and the review a QAPI maintainer would write. Runs in your browser.",
};

export default function Page() {
  const props = reviewPageData();
  return (
    <Shell site={getDefaultSchema()} page={{ kind: 'review' }}>
      <h1 className="vt-title">Review a QAPI patch</h1>
      <p className="vt-lede">
        Paste a patch mail, a series, a diff or a reply quoting one: it is applied to the release it was made for (found
        by its blob hashes), checked by that QEMU release&apos;s own rules, and shown as these pages would show it.
        Everything runs in your browser: nothing is sent anywhere.
      </p>
      {/* scripts/postexport-review.mjs mounts the island here from data-review when Next's runtime is stripped */}
      <div id="review-root" data-review={JSON.stringify(props)}>
        <ReviewApp data={props} />
      </div>
    </Shell>
  );
}
