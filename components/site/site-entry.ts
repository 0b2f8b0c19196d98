// Entry of the standalone site.js bundle (scripts/postexport.mjs).
import { enhance } from './enhance';

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhance);
else enhance();
