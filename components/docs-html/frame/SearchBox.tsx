/** @jsxImportSource @/lib/site/html */
// The search button and its (initially closed) dialog, as static markup: an
// ARIA combobox (the input) controlling a listbox (the results);
// components/site/search-dialog.ts opens it, loads the index and fills the results.
export function SearchBox({ indexUrl, base }: { indexUrl: string; base: string }) {
  return (
    <>
      <button
        type="button"
        className="search-button"
        data-index={indexUrl}
        data-base={base}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K /"
      >
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M20 20l-4-4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className="search-label">Search</span>
        <kbd>Ctrl K</kbd>
      </button>
      <dialog className="search-dialog" aria-label="Search the schema">
        <div className="search-panel">
          <input
            type="text"
            role="combobox"
            className="search-input"
            placeholder="Search events, commands, types, members, values…"
            aria-label="Search"
            aria-expanded="false"
            aria-controls="search-results"
            aria-autocomplete="list"
            autoComplete="off"
            spellCheck={false}
          />
          <div className="search-status" aria-live="polite" />
          <ul id="search-results" className="search-results" role="listbox" aria-label="Results" />
        </div>
      </dialog>
    </>
  );
}
