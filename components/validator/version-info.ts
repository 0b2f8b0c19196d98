// What the /validate page tells its island about each schema version it serves.
export interface VersionInfo {
  label: string;
  /** what the select shows, when not the label (the user's own QEMU) */
  title?: string;
  isDefault: boolean;
  /** URL of the compact model JSON (base path included) */
  modelUrl: string;
  /** base path + version prefix of the docs pages */
  docsBase: string;
}
