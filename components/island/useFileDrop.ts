'use client';
// Dropping a file on the editor opens it; `dragging` outlines the drop target.
import { useMemo, useState } from 'react';

export function useFileDrop(onFile: (file: File) => void) {
  const [dragging, setDragging] = useState(false);
  const drop = useMemo(
    () => ({
      onDragOver(e: React.DragEvent) {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      },
      onDragLeave() {
        setDragging(false);
      },
      onDrop(e: React.DragEvent) {
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (!file) return;
        e.preventDefault();
        onFile(file);
      },
    }),
    [onFile],
  );
  return { dragging, drop };
}
