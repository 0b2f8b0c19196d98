'use client';
// The /validate page's island: wires the toolbar, the notices, the editor and
// the results together. State lives in hooks: the text and its history
// (useDraft), the options in the query string (usePageOptions), the checking
// in a worker (ValidatorClient, one store, read through useValidation), the
// share link (useShareLink), the user's own QEMU schemas (useOwnSchemas),
// which join the site's releases in the select and in "accepted by".
import { useCallback, useMemo, useRef } from 'react';
import { Editor, type EditorHandle } from './Editor.client';
import type { Spot } from './reveal-spot';
import { DraftBanner, EarlierTexts, ShareNotice } from './Notices';
import { ResultsPanel } from './ResultsPanel.client';
import { StatusLine } from './StatusLine';
import { Toolbar } from './Toolbar';
import type { EarlierText, TextOrigin } from './drafts';
import { useDraft } from './useDraft';
import { usePageOptions } from './usePageOptions';
import { downloadText, useShareLink } from './useShareLink';
import { useValidation, useValidatorClient } from './useValidation';
import { ownTitle, useOwnSchemas } from './useOwnSchemas';
import type { ReleaseRef } from './protocol';
import type { VersionInfo } from './version-info';

export type { VersionInfo } from './version-info';

export function ValidatorApp({ versions: site }: { versions: VersionInfo[] }) {
  const editor = useRef<EditorHandle>(null);
  const client = useValidatorClient();
  const own = useOwnSchemas(client.requestIntrospection, site);
  const { versions } = own;
  const releases = useMemo<ReleaseRef[]>(
    () => versions.map((v) => ({ label: v.title ?? v.label, modelUrl: v.modelUrl })),
    [versions],
  );
  const setLinkVersion = useRef<(v: string | undefined) => void>(() => undefined);
  const draft = useDraft(useCallback((v: string | undefined) => setLinkVersion.current(v), []));
  const { options, setOptions, version, ...opts } = usePageOptions(versions, draft.ready && own.loaded);
  setLinkVersion.current = opts.setLinkVersion;
  const checked = useValidation(client, draft.ready ? draft.text : '', options, version.modelUrl, releases);
  const ownChosen = own.own.find((o) => o.label === options.version);
  const { share, copyLink, reset: resetShare } = useShareLink();
  const { replaceText: replaceDraft, editText, latest } = draft;

  const replaceText = useCallback(
    async (next: string, origin: TextOrigin, message: string) => {
      client.checkAtOnce();
      resetShare();
      await replaceDraft(next, origin, message);
    },
    [client, replaceDraft, resetShare],
  );
  const onText = useCallback(
    (next: string, pasted: boolean) => {
      if (pasted) client.checkAtOnce();
      editText(next);
      resetShare();
    },
    [client, editText, resetShare],
  );
  const openFile = useCallback(
    async (file: File) => {
      try {
        await replaceText(await file.text(), 'file', `Opened ${file.name}.`);
      } catch {
        draft.setBanner({ kind: 'error', message: `Could not read ${file.name}.` });
      }
    },
    [replaceText, draft],
  );
  const restore = (entry: EarlierText) => {
    client.checkAtOnce();
    void draft.restore(entry);
  };
  const download = () => downloadText(latest.current.text, 'qmp-messages.txt');
  const select = useCallback((at: Spot) => editor.current?.select(at.line, at.col, at.endLine, at.endCol), []);
  const ctx = useMemo(
    () => ({ kinds: checked.kinds, docsBase: version.docsBase, onSelect: select }),
    [checked.kinds, version.docsBase, select],
  );

  return (
    <div className="validator" data-state={draft.ready ? checked.status : 'loading'} data-length={checked.resultLength}>
      <Toolbar
        events={checked.events}
        versions={versions}
        options={options}
        hasText={draft.text !== ''}
        sharing={share.state === 'working'}
        onOptions={setOptions}
        onExample={async (name) => {
          const sample = await client.requestSample(version.modelUrl, name);
          if (sample) await replaceText(sample, 'sample', `Inserted a minimal ${name} event.`);
        }}
        onFile={openFile}
        onOwnFile={async (file) => {
          const added = await own.add(file);
          if (added) setOptions({ ...options, version: added.label });
        }}
        onForgetOwn={
          ownChosen
            ? () => {
                setOptions({ ...options, version: '' });
                own.remove(ownChosen.key);
              }
            : null
        }
        onCopyLink={() => copyLink(latest.current.text, options)}
        onDownload={download}
      />
      <ShareNotice share={share} onDownload={download} />
      {own.own
        .flatMap((o) => checked.refused.filter((r) => r.modelUrl === `own:${o.key}`).map((r) => ({ o, r })))
        .map(({ o, r }) => (
          <p key={o.key} className="vt-banner vt-banner-error" role="alert">
            Your QEMU&apos;s schema &ldquo;{ownTitle(o)}&rdquo; cannot be used: {r.message}.{' '}
            <button
              type="button"
              onClick={() => {
                if (o.label === options.version) setOptions({ ...options, version: '' });
                own.remove(o.key);
              }}
            >
              Forget it
            </button>
          </p>
        ))}
      {own.note && (
        <p className={`vt-banner vt-banner-${own.note.kind}`} role={own.note.kind === 'error' ? 'alert' : 'status'}>
          {own.note.message}{' '}
          <button type="button" onClick={() => own.setNote(null)}>
            Dismiss
          </button>
        </p>
      )}
      {draft.banner ? (
        <DraftBanner
          banner={draft.banner}
          earlier={draft.earlier}
          onRestore={restore}
          onDismiss={() => draft.setBanner(null)}
        />
      ) : (
        <EarlierTexts earlier={draft.earlier} onRestore={restore} />
      )}
      {draft.storageNote && (
        <p className="vt-banner vt-banner-error" role="alert">
          {draft.storageNote}
        </p>
      )}
      <div className="vt-panes">
        <Editor
          ref={editor}
          value={draft.text}
          onText={onText}
          onReplace={(text) => replaceText(text, 'own', 'Replaced the large input with the pasted text.')}
          marks={checked.marks}
          onDropFile={openFile}
          readOnly={!draft.ready}
        />
        <div className="vt-results">
          <StatusLine ready={draft.ready} checked={checked} />
          {checked.result && (
            <ResultsPanel
              result={checked.result}
              ctx={ctx}
              accepted={releases.length > 1 ? checked.accepted : undefined}
            />
          )}
        </div>
      </div>
    </div>
  );
}
