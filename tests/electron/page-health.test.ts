// A crashed or hung facilitator page: main keeps the autosave and offers to reload, with the fake electron module.
import type { BrowserWindow as ElectronWindow } from 'electron';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { DEFAULT_NATIVE_TEXTS } from '../../electron/main/native-texts';
import { watchPageHealth, type PageHealth } from '../../electron/main/page-health';
import { BrowserWindow, dialog, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let win: BrowserWindow;
let health: PageHealth;
let reloading: Mock<() => void>;

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const answer = (response: number) => dialog.showMessageBox.mockResolvedValueOnce({ response, checkboxChecked: false });

beforeEach(() => {
  resetFakeElectron();
  win = new BrowserWindow({});
  reloading = vi.fn<() => void>();
  health = watchPageHealth(win as unknown as ElectronWindow, { texts: () => DEFAULT_NATIVE_TEXTS, reloading });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('a crashed page', () => {
  it('is no longer alive, and the user is offered Reload or Close window in the UI language', async () => {
    answer(1);
    win.webContents.crash('crashed');
    expect(health.state()).toBe('gone');
    await settle();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      win,
      expect.objectContaining({ message: DEFAULT_NATIVE_TEXTS.crashMessage, buttons: [DEFAULT_NATIVE_TEXTS.reload, DEFAULT_NATIVE_TEXTS.closeWindow] }),
    );
    // Close window: the window goes; nothing here touches the autosave.
    expect(win.isDestroyed()).toBe(true);
    expect(win.webContents.reloads).toBe(0);
  });

  it('Reload loads the page afresh, which offers the autosave back; it is alive again once loaded', async () => {
    answer(0);
    win.webContents.crash('oom');
    await settle();
    expect(reloading).toHaveBeenCalledOnce();
    expect(win.webContents.reloads).toBe(1);
    expect(health.isAlive()).toBe(true);
  });

  it('a page ending normally (the window closing) is no crash', async () => {
    win.webContents.crash('clean-exit');
    await settle();
    expect(health.isAlive()).toBe(true);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });
});

describe('a hung page', () => {
  it('Wait leaves it be; when it answers again it is alive', async () => {
    answer(0);
    win.emit('unresponsive');
    expect(health.state()).toBe('hung');
    await settle();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(win, expect.objectContaining({ buttons: [DEFAULT_NATIVE_TEXTS.wait, DEFAULT_NATIVE_TEXTS.reload] }));
    expect(win.webContents.reloads).toBe(0);
    win.emit('responsive');
    expect(health.isAlive()).toBe(true);
  });

  it('Reload ends the hung page first, then loads it afresh', async () => {
    answer(1);
    win.emit('unresponsive');
    await settle();
    expect(win.webContents.forcedCrashes).toBe(1);
    expect(win.webContents.reloads).toBe(1);
  });

  it('a page that answered again before the user chose Reload is not reloaded', async () => {
    let respond: (value: { response: number; checkboxChecked: boolean }) => void = () => undefined;
    dialog.showMessageBox.mockReturnValueOnce(new Promise((resolve) => (respond = resolve)));
    win.emit('unresponsive');
    win.emit('responsive');
    respond({ response: 1, checkboxChecked: false });
    await settle();
    expect(win.webContents.reloads).toBe(0);
    expect(win.webContents.forcedCrashes).toBe(0);
  });

  it('asks once while it hangs, not again for every report', async () => {
    dialog.showMessageBox.mockReturnValueOnce(new Promise(() => undefined));
    win.emit('unresponsive');
    win.emit('unresponsive');
    await settle();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
  });
});
