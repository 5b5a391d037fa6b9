import { useEffect, useState } from 'react';
import { openDroppedFiles, type FileContext } from '../state';

/** Whether a drag carries files (not text or a link dragged from elsewhere in the page). */
const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/**
 * Open a session file dropped anywhere on the window. The page reads the
 * dropped file itself (desktop and browser alike) and hands it to the same
 * checks as Open (openDroppedFiles); Electron never navigates to a dropped
 * file (navigateOnDragDrop is off). Returns whether a file is being dragged
 * over the window, for the hint.
 */
export function useFileDrop(files: FileContext, enabled: boolean): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    // dragenter/dragleave fire for every child; counting them tells when the drag has left the window.
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setOver(true);
    };
    const onOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Without this the drop is not allowed here (and Chromium would open the file itself).
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      depth = 0;
      setOver(false);
      if (!carriesFiles(e)) return;
      e.preventDefault();
      const dropped = [...(e.dataTransfer?.files ?? [])].map((file) => ({
        name: file.name,
        size: file.size,
        bytes: async () => new Uint8Array(await file.arrayBuffer()),
      }));
      void openDroppedFiles(files, dropped).catch((error: unknown) => console.warn('Could not open the dropped file.', error));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [files, enabled]);
  return over;
}
