import type { ExternalFileResult, RecentFile } from '../platform/platform';
import { loadRecoveryOffer, startAutosave } from './autosave';
import { openExternalFile, type FileContext } from './fileActions';

/**
 * What the facilitator's window starts once, outside React (StrictMode would
 * run an effect twice, and the launch file can be taken only once):
 *
 * 1. the autosave of unsaved changes;
 * 2. the offer to recover what an earlier run left unsaved;
 * 3. the file the app was started with, then any file the host asks to
 *    open later — one after another, each like File ▸ Open;
 * 4. the recent files the host keeps, for the start screen.
 *
 * Returns a function that stops listening.
 */
export function startFileServices(ctx: FileContext): () => void {
  const stopAutosave = startAutosave(ctx.store, ctx.platform.autosave);

  let opening: Promise<unknown> = Promise.resolve();
  const open = (result: ExternalFileResult): void => {
    opening = opening.then(() => openExternalFile(ctx, result)).catch((error: unknown) => console.warn('Could not open the file.', error));
  };
  // Listen before taking the launch file, so a file that arrives in between is not lost.
  const stopListening = ctx.platform.onOpenFile(open);

  void (async () => {
    // The offer first: opening the launch file must not take its place (see startAutosave).
    await loadRecoveryOffer(ctx);
    try {
      const launch = await ctx.platform.takeLaunchFile();
      if (launch.kind !== 'none') open(launch);
    } catch (error) {
      console.warn('Could not ask for the launch file.', error);
    }
  })();

  const recent = ctx.platform.recent;
  const setRecent = (files: readonly RecentFile[]) => ctx.store.getState().setRecentFiles(files);
  const stopRecent = recent ? recent.onChange(setRecent) : () => undefined;
  recent?.list().then(setRecent, (error: unknown) => console.warn('Could not list the recent files.', error));

  return () => {
    stopAutosave();
    stopListening();
    stopRecent();
  };
}
