/**
 * The facilitator's page can crash ('render-process-gone') or hang
 * ('unresponsive'). Its unsaved work is then in the autosave only (written a
 * couple of seconds after each change), so main keeps that and offers to
 * reload the page, which offers the autosave back on its start screen:
 *
 * - crashed: "Reload" or "Close window"; either way the autosave stays;
 * - hangs: "Wait" or "Reload" (the hung page is ended first); if it answers
 *   again meanwhile, nothing happens.
 *
 * While the page is gone or hangs, the close guard lets the window close
 * without asking (it could not save), never as "Don't save".
 */
import { dialog, type BrowserWindow } from 'electron';
import type { NativeTexts } from '../../shared/contract';

export type PageState = 'alive' | 'gone' | 'hung';

export interface PageHealthDeps {
  texts(): NativeTexts;
  /** The page is being loaded afresh: what it said about its session no longer holds. */
  reloading?(): void;
}

export interface PageHealth {
  state(): PageState;
  isAlive(): boolean;
}

export function watchPageHealth(win: BrowserWindow, deps: PageHealthDeps): PageHealth {
  let state: PageState = 'alive';
  let asking = false;

  const reload = (): void => {
    if (win.isDestroyed()) return;
    // A hung page would not unload; end it first. A crashed one is gone already.
    if (state === 'hung') win.webContents.forcefullyCrashRenderer();
    deps.reloading?.();
    win.webContents.reload();
  };

  const offer = async (kind: 'gone' | 'hung'): Promise<void> => {
    if (asking || win.isDestroyed()) return;
    asking = true;
    try {
      const texts = deps.texts();
      const buttons = kind === 'gone' ? [texts.reload, texts.closeWindow] : [texts.wait, texts.reload];
      const { response } = await dialog.showMessageBox(win, {
        type: kind === 'gone' ? 'error' : 'warning',
        title: texts.crashTitle,
        message: kind === 'gone' ? texts.crashMessage : texts.hangMessage,
        detail: kind === 'gone' ? texts.crashDetail : texts.hangDetail,
        buttons,
        defaultId: 0,
        // Escape: reload a crashed page (nothing is lost by it), keep waiting for a hung one.
        cancelId: 0,
        noLink: true,
      });
      if (win.isDestroyed()) return;
      if (kind === 'gone') {
        if (response === 1) win.close();
        else if (state === 'gone') reload();
      } else if (response === 1 && state === 'hung') {
        reload();
      }
    } catch (error) {
      console.error('Could not offer to reload the page.', error);
    } finally {
      asking = false;
    }
  };

  win.webContents.on('render-process-gone', (_event, details: { reason: string }) => {
    // 'clean-exit' is the page ending normally (the window closing).
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    console.error(`The page is gone (${details.reason}); its autosave is kept.`);
    state = 'gone';
    void offer('gone');
  });
  win.on('unresponsive', () => {
    if (state !== 'alive') return;
    state = 'hung';
    void offer('hung');
  });
  win.on('responsive', () => {
    if (state === 'hung') state = 'alive';
  });
  // A reloaded page is a new page: alive until it says otherwise.
  win.webContents.on('did-finish-load', () => {
    state = 'alive';
  });

  return {
    state: () => state,
    isAlive: () => state === 'alive',
  };
}
