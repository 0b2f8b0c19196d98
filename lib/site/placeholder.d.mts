/** The param of a dynamic route's placeholder page, removed after the export. */
export const PLACEHOLDER: '_none';
