// Entry of the standalone validator bundle (scripts/postexport-validator.mjs).
// The exported /validate page carries no Next.js runtime (scripts/postexport.mjs
// strips it from every page, ~120 KB gzipped): this bundle is React plus the
// validator island alone, mounted on the server-rendered #validator-root with
// the props the page wrote into its data attributes.
import { createRoot } from 'react-dom/client';
import { ValidatorApp } from './ValidatorApp.client';
import type { VersionInfo } from './version-info';

function mount() {
  const root = document.getElementById('validator-root');
  if (!root) return;
  const versions = JSON.parse(root.dataset.versions ?? '[]') as VersionInfo[];
  root.replaceChildren();
  createRoot(root).render(<ValidatorApp versions={versions} />);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
