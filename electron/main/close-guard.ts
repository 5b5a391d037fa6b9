import type { BrowserWindow } from 'electron';
import { CHANNELS, type AppCommand, type NativeTexts } from '../../shared/contract';
import { askUnsavedChoice } from './dialogs';

export interface CloseGuardDeps {
  /** Whether the window's session has unsaved changes right now. */
  isDirty(): boolean;
  /** The latest translated texts for the dialog. */
  texts(): NativeTexts;
  /** The user chose "Don't save": the window closes and its unsaved changes are given up (the autosave with them). */
  discarded?(): void;
  /** The user chose "Cancel": the window stays, and so does the app (a quit that asked is called off). */
  kept?(): void;
}

/**
 * Ask before a window with unsaved changes closes (close button, Cmd+W, quit).
 *
 * - Save: the window stays open and the renderer gets 'app.saveAndClose'; it
 *   saves through the normal path (which may show a Save dialog) and then calls
 *   closeWindow(). If saving fails or is cancelled, nothing closes.
 * - Don't save: close without asking again; deps.discarded() forgets the autosave.
 * - Cancel: nothing happens.
 */
export function installCloseGuard(win: BrowserWindow, deps: CloseGuardDeps): void {
  let closeConfirmed = false;
  let asking = false;

  win.on('close', (event) => {
    if (closeConfirmed || !deps.isDirty()) return;
    event.preventDefault();
    // A second close request while the box is open (e.g. Cmd+W twice) must not stack dialogs.
    if (asking) return;
    asking = true;
    void askUnsavedChoice(win, deps.texts())
      .then((choice) => {
        if (win.isDestroyed()) return;
        if (choice === 'save') {
          const command: AppCommand = 'app.saveAndClose';
          win.webContents.send(CHANNELS.command, command);
        } else if (choice === 'discard') {
          closeConfirmed = true;
          deps.discarded?.();
          win.close();
        } else {
          deps.kept?.();
        }
      })
      .catch((error: unknown) => console.error('Unsaved-changes dialog failed; the window stays open.', error))
      .finally(() => {
        asking = false;
      });
  });
}
