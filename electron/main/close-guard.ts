import type { BrowserWindow } from 'electron';
import type { NativeTexts } from '../../shared/contract';
import { askUnsavedChoice } from './dialogs';
import { sendEvent } from './window-roles';

export interface CloseGuardDeps {
  /** Whether the window's session has unsaved changes right now. */
  isDirty(): boolean;
  /**
   * Whether the window's page can still save and answer: false once it has
   * crashed or stopped responding. Its unsaved changes then live on in the
   * autosave only, and nothing may take that as "Don't save".
   */
  pageAlive(): boolean;
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
 *
 * A page that has crashed or hangs can neither save nor be asked on its
 * behalf: the window closes without the question, and the autosave stays for
 * the next start. An answer that arrives after the page died is not acted on
 * as "Don't save" either.
 */
export function installCloseGuard(win: BrowserWindow, deps: CloseGuardDeps): void {
  let closeConfirmed = false;
  let asking = false;

  win.on('close', (event) => {
    if (closeConfirmed || !deps.isDirty()) return;
    if (!deps.pageAlive()) return;
    event.preventDefault();
    // A second close request while the box is open (e.g. Cmd+W twice) must not stack dialogs.
    if (asking) return;
    asking = true;
    void askUnsavedChoice(win, deps.texts())
      .then((choice) => {
        if (win.isDestroyed()) return;
        if (!deps.pageAlive()) {
          // Save can't run in a dead page; the crash offer (page-health.ts) reloads it with the autosave.
          // Don't save closes, but keeps the autosave: the user judged a page that is gone now.
          if (choice === 'discard') {
            closeConfirmed = true;
            win.close();
          }
          return;
        }
        if (choice === 'save') {
          sendEvent(win.webContents, 'command', 'app.saveAndClose');
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
