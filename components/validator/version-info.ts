// What the /validate page tells its island about each schema version it serves.
export interface VersionInfo {
  label: string;
  isDefault: boolean;
  /** URL of the compact model JSON (base path included) */
  modelUrl: string;
  /** base path + version prefix of the docs pages */
  docsBase: string;
}
