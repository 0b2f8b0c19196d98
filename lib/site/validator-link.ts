// The contract between doc pages and the validator page (issue 5):
//   /validate/#example=<encodeURIComponent(transcript)>&version=<label>
// A fragment, not a query: it never reaches the static server (no URL length
// limits there) and it works on a static export without server-side routing.
export function validatorHref(versionLabel: string, transcript: string): string {
  const params = new URLSearchParams({ example: transcript, version: versionLabel });
  return `/validate/#${params.toString()}`;
}

/** Reads the fragment written by validatorHref (for the validator page). */
export function readValidatorFragment(hash: string): { example?: string; version?: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return { example: params.get('example') ?? undefined, version: params.get('version') ?? undefined };
}
