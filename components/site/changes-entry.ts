// Entry of the standalone pair picker bundle for /changes/ (scripts/postexport-changes.mjs).
import { initChanges } from './changes-client';

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void initChanges());
else void initChanges();
