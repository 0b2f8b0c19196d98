'use client';
// The /review page's island: the patch (the validator's editor, its drafts,
// share link and file input, components/island/), the base option in the
// query string (?base=<label>), the review in a worker (useReview), and what
// it says (ReviewResults). Nothing leaves the browser: the patch is reviewed
// against the site's own copies of its source trees.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Editor } from '@/components/validator/Editor.client';
import { emptyMarks, type MarkSet } from '@/components/validator/place-marks';
import { DraftNotices, ShareNotice } from '@/components/island/Notices';
import type { EarlierText, TextOrigin } from '@/components/island/drafts';
import { useDraft } from '@/components/island/useDraft';
import { downloadText, useShareLink } from '@/components/island/useShareLink';
import { textLink } from '@/lib/site/validator-share';
import type { ReviewPageData } from './page-data';
import { ReviewResults, statusText } from './ReviewResults';
import { ReviewToolbar } from './ReviewToolbar';
import { OPENED, reviewDrafts } from './store';
import { useReview } from './useReview';

const PLACEHOLDER =
  'Paste a patch to QEMU\'s QAPI schema here: a git format-patch mail, an mbox of a series,\na git diff, or a reply that quotes the patch with "> " (or drop a file).';

const ORIGIN_NAMES = { sample: 'sample patch' };

/** A file that holds NUL bytes is no patch mail (an image, an archive): it is not opened. */
const looksBinary = (text: string) => text.slice(0, 1 << 16).includes('\u0000');

function useBaseOption(bases: ReviewPageData['bases']) {
  const [base, setBase] = useState('');
  useEffect(() => {
    const asked = new URLSearchParams(location.search).get('base') ?? '';
    if (bases.some((b) => b.label === asked)) setBase(asked);
  }, [bases]);
  const choose = useCallback((label: string) => {
    setBase(label);
    const q = label ? `?${new URLSearchParams({ base: label })}` : '';
    history.replaceState(history.state, '', location.pathname + q + location.hash);
  }, []);
  return [base, choose] as const;
}

export function ReviewApp({ data }: { data: ReviewPageData }) {
  const immediate = useRef(true);
  const draft = useDraft(reviewDrafts, OPENED, () => undefined);
  const [base, setBase] = useBaseOption(data.bases);
  const review = useReview(draft.ready ? draft.text : '', base, data.index, draft.ready, immediate);
  const { share, copyLink, reset: resetShare } = useShareLink();
  const [note, setNote] = useState<string | null>(null);
  const { replaceText: replaceDraft, editText, latest } = draft;

  const replaceText = useCallback(
    async (next: string, origin: TextOrigin, message: string) => {
      immediate.current = true;
      resetShare();
      setNote(null);
      await replaceDraft(next, origin, message);
    },
    [replaceDraft, resetShare],
  );
  const onText = useCallback(
    (next: string, pasted: boolean) => {
      if (pasted) immediate.current = true;
      editText(next);
      resetShare();
    },
    [editText, resetShare],
  );
  const openFile = useCallback(
    async (file: File) => {
      try {
        const text = await file.text();
        if (looksBinary(text))
          setNote(
            `${file.name} is not a text file (it holds NUL bytes): a patch mail is text. Your patch is unchanged.`,
          );
        else await replaceText(text, 'file', `Opened ${file.name}.`);
      } catch {
        setNote(`Could not read ${file.name}. Your patch is unchanged.`);
      }
    },
    [replaceText],
  );
  const loadSample = useCallback(async () => {
    try {
      const res = await fetch(data.sample!);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      await replaceText(await res.text(), 'sample', 'Loaded the sample patch.');
    } catch (err) {
      setNote(`Could not load the sample (${err instanceof Error ? err.message : String(err)}).`);
    }
  }, [data.sample, replaceText]);
  const download = () => downloadText(latest.current.text, 'patch.txt');
  const restore = useCallback(
    (entry: EarlierText) => {
      immediate.current = true;
      void draft.restore(entry);
    },
    [draft],
  );

  // the findings' lines in the editor's gutter, while the editor shows the text they are about
  const marks = useMemo<MarkSet>(() => {
    const set = emptyMarks();
    if (!review.view || review.view.patchText !== null || review.text !== draft.text) return set;
    for (const f of review.view.findings)
      if (f.patchLine !== null && set.severityByLine.get(f.patchLine) !== 'error')
        set.severityByLine.set(f.patchLine, f.severity);
    return set;
  }, [review.view, review.text, draft.text]);

  const done = review.status === 'done' && review.previewsDone;
  return (
    <div
      className="review"
      data-state={
        !draft.ready ? 'loading' : review.status === 'done' && !review.previewsDone ? 'previewing' : review.status
      }
      data-length={review.inputLength}
      data-slices={review.slices}
      data-verdict={done ? review.view?.verdict : undefined}
    >
      <ReviewToolbar
        data={data}
        base={base}
        hasText={draft.text !== ''}
        sharing={share.state === 'working'}
        onSample={loadSample}
        onFile={openFile}
        onBase={(label) => {
          immediate.current = true;
          setBase(label);
        }}
        onCopyLink={() => copyLink(() => textLink(location.href, location.search, latest.current.text))}
        onDownload={download}
      />
      <ShareNotice share={share} what="patch" onDownload={download} />
      {note && (
        <p className="vt-banner vt-banner-error" role="alert">
          {note}{' '}
          <button type="button" onClick={() => setNote(null)}>
            Dismiss
          </button>
        </p>
      )}
      <DraftNotices draft={draft} originNames={ORIGIN_NAMES} onRestore={restore} />
      <Editor
        value={draft.text}
        onText={onText}
        onReplace={(text) => replaceText(text, 'own', 'Replaced the large input with the pasted text.')}
        marks={marks}
        onDropFile={openFile}
        readOnly={!draft.ready}
        label="Patch"
        placeholder={PLACEHOLDER}
      />
      <p className="rv-status" role="status" data-verdict={done ? review.view?.verdict : undefined}>
        {statusText(draft.ready, review)}
      </p>
      <ReviewResults state={review} />
    </div>
  );
}
