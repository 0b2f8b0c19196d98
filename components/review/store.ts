// What the /review page keeps in this browser (components/island/storage.ts,
// under 'qapi-explorer:review:…'): its drafts and earlier patches.
import { draftStore } from '@/components/island/drafts';
import { textStore } from '@/components/island/storage';
import type { OpenedMessages } from '@/components/island/useDraft';

export const reviewDrafts = draftStore(textStore('review'));

export const OPENED: OpenedMessages = {
  shared: 'Opened the shared patch.',
  example: 'Opened the text of the link.',
};
