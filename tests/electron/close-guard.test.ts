import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { CHANNELS, type NativeTexts } from '../../shared/contract';
import { installCloseGuard } from '../../electron/main/close-guard';
import { DEFAULT_NATIVE_TEXTS } from '../../electron/main/native-texts';
import { BrowserWindow, dialog, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let win: BrowserWindow;
let dirty: boolean;
let texts: NativeTexts;
let discarded: Mock<() => void>;
let alive: boolean;

beforeEach(() => {
  resetFakeElectron();
  win = new BrowserWindow({});
  dirty = true;
  alive = true;
  texts = DEFAULT_NATIVE_TEXTS;
  discarded = vi.fn<() => void>();
  installCloseGuard(win as unknown as ElectronWindow, { isDirty: () => dirty, pageAlive: () => alive, texts: () => texts, discarded });
});

/** Let the message box promise and its .then run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function answer(response: number): void {
  dialog.showMessageBox.mockResolvedValueOnce({ response, checkboxChecked: false });
}

describe('close guard', () => {
  it('closes a clean window without asking', () => {
    dirty = false;
    win.close();
    expect(win.isDestroyed()).toBe(true);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('asks with the latest translated texts before closing a dirty window', async () => {
    texts = { ...DEFAULT_NATIVE_TEXTS, unsavedMessage: 'Änderungen speichern?', save: 'Speichern', discard: 'Nicht speichern', cancel: 'Abbrechen' };
    answer(2);
    win.close();
    await settle();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      win,
      expect.objectContaining({
        message: 'Änderungen speichern?',
        buttons: ['Speichern', 'Nicht speichern', 'Abbrechen'],
        cancelId: 2,
      }),
    );
  });

  it('Cancel keeps the window and sends nothing', async () => {
    answer(2);
    win.close();
    await settle();
    expect(win.isDestroyed()).toBe(false);
    expect(win.webContents.sent).toEqual([]);
  });

  it("Don't save closes without asking again, and says the changes were discarded", async () => {
    answer(1);
    win.close();
    await settle();
    expect(win.isDestroyed()).toBe(true);
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(discarded).toHaveBeenCalledOnce();
  });

  it('Save, Cancel and a clean close discard nothing', async () => {
    answer(2);
    win.close();
    await settle();
    answer(0);
    win.close();
    await settle();
    dirty = false;
    win.close();
    expect(win.isDestroyed()).toBe(true);
    expect(discarded).not.toHaveBeenCalled();
  });

  it('Save keeps the window open and asks the renderer to save and close', async () => {
    answer(0);
    win.close();
    await settle();
    expect(win.isDestroyed()).toBe(false);
    expect(win.webContents.sent).toEqual([[CHANNELS.command, 'app.saveAndClose']]);

    // The renderer saved (now clean) and calls closeWindow → close goes through.
    dirty = false;
    win.close();
    expect(win.isDestroyed()).toBe(true);
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
  });

  it('does not stack a second dialog while one is open', async () => {
    answer(2);
    win.close();
    win.close();
    await settle();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);

    // Once answered, a new close asks again.
    answer(2);
    win.close();
    await settle();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('keeps the window open if the dialog itself fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    dialog.showMessageBox.mockRejectedValueOnce(new Error('no display'));
    win.close();
    await settle();
    expect(win.isDestroyed()).toBe(false);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('a dead page is never taken as "Don\'t save": the window closes without asking, and the autosave is kept', async () => {
    alive = false;
    win.close();
    await settle();
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(win.isDestroyed()).toBe(true);
    expect(discarded).not.toHaveBeenCalled();
  });

  it('a page that dies while the question is open: Save sends nothing to it, Don\'t save keeps the autosave', async () => {
    answer(0);
    win.close();
    alive = false;
    await settle();
    expect(win.webContents.sent).toEqual([]);
    expect(win.isDestroyed()).toBe(false);

    alive = true;
    answer(1);
    win.close();
    alive = false;
    await settle();
    expect(win.isDestroyed()).toBe(true);
    expect(discarded).not.toHaveBeenCalled();
  });
});
