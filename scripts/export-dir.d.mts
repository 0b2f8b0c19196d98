export function exportPaths(exportDir?: string): { target: string; distDir: string };
export function moveStagedExport(exportDir?: string): string;
