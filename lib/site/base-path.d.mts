/** BASE_PATH normalised: '' or '/a[/b…]', no trailing slash. */
export function normaliseBasePath(raw: string | undefined): string;
