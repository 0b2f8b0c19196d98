// Entry of the standalone /review bundle (scripts/postexport-review.mjs): the
// exported page carries no Next.js runtime; this bundle is React plus the
// review island alone, mounted on the server-rendered #review-root with the
// data the page wrote into its data-review attribute.
import { createRoot } from 'react-dom/client';
import { ReviewApp } from './ReviewApp.client';
import type { ReviewPageData } from './page-data';

function mount() {
  const root = document.getElementById('review-root');
  if (!root?.dataset.review) return;
  const data = JSON.parse(root.dataset.review) as ReviewPageData;
  root.replaceChildren();
  createRoot(root).render(<ReviewApp data={data} />);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
