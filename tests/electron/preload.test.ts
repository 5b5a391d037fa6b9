import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type NativeTexts, type RoomState, type WavelengthApi } from '../../shared/contract';
import { DEFAULT_NATIVE_TEXTS } from '../../electron/main/native-texts';
import { contextBridge, ipcRenderer, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

// Pin the mock to the fake imported above before resetModules (see lifecycle.test.ts).
beforeAll(async () => {
  await import('electron');
});

let api: WavelengthApi;

beforeEach(async () => {
  resetFakeElectron();
  vi.resetModules();
  await import('../../electron/preload/index');
  api = contextBridge.exposed.get('wavelength') as WavelengthApi;
});

describe('preload', () => {
  it('exposes exactly the WavelengthApi under window.wavelength and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['wavelength']);
    expect(Object.keys(api).sort()).toEqual(
      [
        'closeWindow',
        'confirmUnsaved',
        'onCommand',
        'openSession',
        'saveSession',
        'setDocumentState',
        'setNativeTexts',
        // The presenter (room screen).
        'listDisplays',
        'openPresenter',
        'closePresenter',
        'onPresenterStatus',
        'publishRoomState',
        'onRoomState',
        'setFullScreen',
        'onFullScreenChange',
        // Exports.
        'exportPdf',
        'exportFile',
        // Autosave and files from the OS.
        'writeAutosave',
        'readAutosave',
        'clearAutosave',
        'takeLaunchFile',
        'onOpenFile',
      ].sort(),
    );
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('maps each call onto its contract channel', async () => {
    const request = { text: '{}', fileId: null, saveAs: false, suggestedName: 'A' };
    const texts: NativeTexts = DEFAULT_NATIVE_TEXTS;
    ipcRenderer.invoke.mockResolvedValueOnce({ kind: 'cancelled' });
    await expect(api.openSession()).resolves.toEqual({ kind: 'cancelled' });
    await api.saveSession(request);
    await api.confirmUnsaved(texts);
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [CHANNELS.openSession],
      [CHANNELS.saveSession, request],
      [CHANNELS.confirmUnsaved, texts],
    ]);

    api.setDocumentState({ title: 'Atlas', dirty: true });
    api.setNativeTexts(texts);
    api.closeWindow();
    expect(ipcRenderer.sendCalls).toEqual([
      [CHANNELS.setDocumentState, { title: 'Atlas', dirty: true }],
      [CHANNELS.setNativeTexts, texts],
      [CHANNELS.closeWindow],
    ]);
  });

  it('maps the export calls onto their channels, arguments untouched', async () => {
    const pdf = { sessionText: '{}', options: { paper: 'a4', language: 'de' }, suggestedName: 'A.pdf', filterName: 'PDF' } as const;
    const png = { format: 'png', data: new Uint8Array([1, 2]), suggestedName: 'A.png', filterName: 'PNG' } as const;
    await api.exportPdf(pdf);
    await api.exportFile(png);
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [CHANNELS.exportPdf, pdf],
      [CHANNELS.exportFile, png],
    ]);
  });

  it('maps the autosave and launch-file calls onto their channels', async () => {
    const request = { text: '{}', projectName: 'Atlas', fileId: null };
    await api.writeAutosave(request);
    await api.readAutosave();
    await api.clearAutosave();
    await api.takeLaunchFile();
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [CHANNELS.writeAutosave, request],
      [CHANNELS.readAutosave],
      [CHANNELS.clearAutosave],
      [CHANNELS.takeLaunchFile],
    ]);
  });

  it('hands files main opens to the listener without the event, until unsubscribed', () => {
    const listener = vi.fn();
    const off = api.onOpenFile(listener);
    const file = { kind: 'opened', fileId: 'f1', fileName: 'Atlas.wavelength', text: '{}' };
    ipcRenderer.receive(CHANNELS.openFile, file);
    expect(listener).toHaveBeenCalledExactlyOnceWith(file);
    off();
    expect(ipcRenderer.listenerCount(CHANNELS.openFile)).toBe(0);
  });

  it('passes commands to the listener without the event object', () => {
    const listener = vi.fn();
    api.onCommand(listener);
    ipcRenderer.receive(CHANNELS.command, 'file.save');
    expect(listener).toHaveBeenCalledExactlyOnceWith('file.save');
  });

  it('drops commands that are not in APP_COMMANDS', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const listener = vi.fn();
    api.onCommand(listener);
    ipcRenderer.receive(CHANNELS.command, 'app.format-disk');
    ipcRenderer.receive(CHANNELS.command, { command: 'file.save' });
    ipcRenderer.receive(CHANNELS.command, undefined);
    expect(listener).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });

  it('returns an unsubscribe function that removes exactly that listener', () => {
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = api.onCommand(first);
    api.onCommand(second);
    unsubscribeFirst();
    ipcRenderer.receive(CHANNELS.command, 'edit.undo');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('edit.undo');
    expect(ipcRenderer.listenerCount(CHANNELS.command)).toBe(1);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => api.onCommand('alert(1)' as unknown as () => void)).toThrow(TypeError);
    expect(ipcRenderer.listenerCount(CHANNELS.command)).toBe(0);
  });
});

describe('preload: the presenter', () => {
  it('maps the presenter calls onto their channels', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce([]).mockResolvedValueOnce({ open: true, displayId: 2 });
    await expect(api.listDisplays()).resolves.toEqual([]);
    await expect(api.openPresenter(2)).resolves.toEqual({ open: true, displayId: 2 });
    api.closePresenter();
    api.setFullScreen(true);
    const state = { version: 1, rev: 1 } as unknown as RoomState;
    api.publishRoomState(state);
    expect(ipcRenderer.invoke.mock.calls).toEqual([[CHANNELS.listDisplays], [CHANNELS.openPresenter, 2]]);
    expect(ipcRenderer.sendCalls).toEqual([[CHANNELS.closePresenter], [CHANNELS.setFullScreen, true], [CHANNELS.publishRoomState, state]]);
  });

  it('onRoomState hands over pushed states and first asks for the latest, without the event', async () => {
    const latest = { version: 1, rev: 1 } as unknown as RoomState;
    ipcRenderer.invoke.mockResolvedValueOnce(latest);
    const listener = vi.fn();
    const off = api.onRoomState(listener);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(CHANNELS.currentRoomState);
    await vi.waitFor(() => expect(listener).toHaveBeenCalledWith(latest));
    ipcRenderer.receive(CHANNELS.roomState, { version: 1, rev: 2 });
    expect(listener).toHaveBeenLastCalledWith({ version: 1, rev: 2 });
    expect(listener.mock.calls.every((call) => call.length === 1)).toBe(true);
    off();
    expect(ipcRenderer.listenerCount(CHANNELS.roomState)).toBe(0);
  });

  it('status and full-screen listeners get the payload only and can unsubscribe', () => {
    const status = vi.fn();
    const fullScreen = vi.fn();
    const offStatus = api.onPresenterStatus(status);
    const offFullScreen = api.onFullScreenChange(fullScreen);
    ipcRenderer.receive(CHANNELS.presenterStatus, { open: false, displayId: null });
    ipcRenderer.receive(CHANNELS.fullScreenChanged, false);
    expect(status).toHaveBeenCalledExactlyOnceWith({ open: false, displayId: null });
    expect(fullScreen).toHaveBeenCalledExactlyOnceWith(false);
    offStatus();
    offFullScreen();
    expect(ipcRenderer.listenerCount(CHANNELS.presenterStatus) + ipcRenderer.listenerCount(CHANNELS.fullScreenChanged)).toBe(0);
    expect(() => api.onPresenterStatus(null as never)).toThrow(TypeError);
  });
});
