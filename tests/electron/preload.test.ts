import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type NativeTexts, type WavelengthApi } from '../../electron/contract';
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
