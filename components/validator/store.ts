// What the validator page keeps in this browser (components/island/storage.ts,
// under 'qapi-explorer:validator:…'): its drafts and earlier texts, and the
// list of the user's own QEMU schemas.
import { draftStore } from '@/components/island/drafts';
import { textStore } from '@/components/island/storage';
import type { OpenedMessages } from '@/components/island/useDraft';

export const validatorStore = textStore('validator');
export const validatorDrafts = draftStore(validatorStore);

export const OPENED: OpenedMessages = {
  shared: 'Opened the shared messages.',
  example: 'Opened the example from the docs.',
};
