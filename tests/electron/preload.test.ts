// The preload, loaded as Electron loads it for each window role, against the fake electron module.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, ROOM_STATE_VERSION, type NativeTexts, type PresenterApi, type RoomState, type WavelengthApi } from '../../shared/contract';
import { apiKeyOf, channelsOf, type WindowRole } from '../../shared/ipc';
import { DEFAULT_NATIVE_TEXTS } from '../../electron/main/native-texts';
import { contextBridge, ipcRenderer, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

// Pin the mock to the fake imported above before resetModules (see lifecycle.test.ts).
beforeAll(async () => {
  await import('electron');
});

const savedArgv = process.argv;

/** Load the preload as in a window whose command line main gave `--wavelength-role=<role>` (or none). */
async function loadPreload(role: WindowRole | null): Promise<unknown> {
  resetFakeElectron();
  process.argv = ['/opt/Wavelength/wavelength', '--type=renderer', ...(role ? [`--wavelength-role=${role}`] : [])];
  vi.resetModules();
  await import('../../electron/preload/index');
  return contextBridge.exposed.get('wavelength');
}

afterEach(() => {
  process.argv = savedArgv;
});

describe('preload of the facilitator window', () => {
  let api: WavelengthApi;

  beforeEach(async () => {
    api = (await loadPreload('main')) as WavelengthApi;
  });

  it('exposes exactly its part of the channel table under window.wavelength and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['wavelength']);
    expect(Object.keys(api).sort()).toEqual(['role', ...channelsOf('main').map(apiKeyOf)].sort());
    expect(Object.keys(api)).toEqual(expect.arrayContaining(['openSession', 'saveSession', 'exportPdf', 'writeAutosave', 'onCommand', 'publishRoomState']));
    expect(Object.keys(api)).not.toContain('currentRoomState');
    expect(api.role).toBe('main');
    for (const [key, value] of Object.entries(api)) if (key !== 'role') expect(typeof value).toBe('function');
  });

  it('maps each call onto its table channel and checks the answer', async () => {
    const request = { text: '{}', fileId: null, saveAs: false, suggestedName: 'A' };
    const texts: NativeTexts = DEFAULT_NATIVE_TEXTS;
    ipcRenderer.invoke
      .mockResolvedValueOnce({ kind: 'cancelled' })
      .mockResolvedValueOnce({ kind: 'saved', fileId: 'f1', fileName: 'A.wavelength', backupProblem: null })
      .mockResolvedValueOnce('discard');
    await expect(api.openSession()).resolves.toEqual({ kind: 'cancelled' });
    await expect(api.saveSession(request)).resolves.toMatchObject({ kind: 'saved' });
    await expect(api.confirmUnsaved(texts)).resolves.toBe('discard');
    expect(ipcRenderer.invoke.mock.calls).toEqual([[CHANNELS.openSession], [CHANNELS.saveSession, request], [CHANNELS.confirmUnsaved, texts]]);

    api.setDocumentState({ title: 'Atlas', dirty: true });
    api.setNativeTexts(texts);
    api.closeWindow();
    expect(ipcRenderer.sendCalls).toEqual([
      [CHANNELS.setDocumentState, { title: 'Atlas', dirty: true }],
      [CHANNELS.setNativeTexts, texts],
      [CHANNELS.closeWindow],
    ]);
  });

  it('refuses an answer out of contract instead of handing it to the page', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ kind: 'opened', fileId: 'f1', fileName: 'A', text: '{}', path: '/home/anna/A.wavelength' });
    await expect(api.openSession()).rejects.toThrow(/out of contract/);
    ipcRenderer.invoke.mockResolvedValueOnce('format-disk');
    await expect(api.confirmUnsaved(DEFAULT_NATIVE_TEXTS)).rejects.toThrow(/out of contract/);
  });

  it('maps the export, autosave and launch-file calls onto their channels, arguments untouched', async () => {
    const pdf = { sessionText: '{}', options: { paper: 'a4', language: 'de' }, suggestedName: 'A.pdf', filterName: 'PDF' } as const;
    const png = { format: 'png', data: new Uint8Array([1, 2]), suggestedName: 'A.png', filterName: 'PNG' } as const;
    const request = { text: '{}', projectName: 'Atlas', fileId: null };
    ipcRenderer.invoke
      .mockResolvedValueOnce({ kind: 'cancelled' })
      .mockResolvedValueOnce({ kind: 'exported', fileName: 'A.png' })
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce({ kind: 'none' })
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce({ kind: 'none' });
    await api.exportPdf(pdf);
    await api.exportFile(png);
    await api.writeAutosave(request);
    await api.readAutosave();
    await api.clearAutosave();
    await api.takeLaunchFile();
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [CHANNELS.exportPdf, pdf],
      [CHANNELS.exportFile, png],
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

  it('maps the presenter controls onto their channels', async () => {
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

  it('status and full-screen listeners get the payload only and can unsubscribe', () => {
    const status = vi.fn();
    const fullScreen = vi.fn();
    const offStatus = api.onPresenterStatus(status);
    const offFullScreen = api.onFullScreenChange(fullScreen);
    ipcRenderer.receive(CHANNELS.presenterStatus, { open: false, displayId: null });
    ipcRenderer.receive(CHANNELS.fullScreenChange, false);
    expect(status).toHaveBeenCalledExactlyOnceWith({ open: false, displayId: null });
    expect(fullScreen).toHaveBeenCalledExactlyOnceWith(false);
    offStatus();
    offFullScreen();
    expect(ipcRenderer.listenerCount(CHANNELS.presenterStatus) + ipcRenderer.listenerCount(CHANNELS.fullScreenChange)).toBe(0);
    expect(() => api.onPresenterStatus(null as never)).toThrow(TypeError);
  });
});

describe('preload of the room screen', () => {
  let api: PresenterApi;

  beforeEach(async () => {
    api = (await loadPreload('presenter')) as PresenterApi;
  });

  it('exposes the room state and full screen, and nothing to open, save, export or autosave', () => {
    expect(Object.keys(api).sort()).toEqual(['currentRoomState', 'onFullScreenChange', 'onRoomState', 'role', 'setFullScreen']);
    expect(api.role).toBe('presenter');
  });

  it('hands over pushed room states without the event, and asks for the latest on its channel', async () => {
    const listener = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const off = api.onRoomState(listener);
    const state: RoomState = {
      version: ROOM_STATE_VERSION,
      rev: 2,
      language: 'en',
      title: 'Atlas',
      question: 'How enthusiastic was the customer?',
      screen: { kind: 'setup' },
      timeline: { phases: [{ id: 'ph1', name: 'Kickoff', width: 1 }], milestones: [], handoverId: null },
      scale: { low: 'disappointed', mid: 'satisfied', high: 'thrilled' },
      curves: [],
      legend: [],
      anonymous: false,
      compare: null,
      notes: [],
      timer: null,
      join: null,
    };
    ipcRenderer.receive(CHANNELS.roomState, state);
    expect(listener).toHaveBeenCalledExactlyOnceWith(state);
    // Checked against the room state's schema on the way in, too: something else is dropped.
    ipcRenderer.receive(CHANNELS.roomState, { version: 1, rev: 3 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    off();
    expect(ipcRenderer.listenerCount(CHANNELS.roomState)).toBe(0);
    ipcRenderer.invoke.mockResolvedValueOnce(null);
    await expect(api.currentRoomState()).resolves.toBeNull();
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(CHANNELS.currentRoomState);
  });
});

describe('preload of other windows', () => {
  it('the report window (which main gives no preload anyway) would find nothing to call', async () => {
    expect(await loadPreload('report')).toEqual({ role: 'report' });
  });

  it('a window without a role gets no window.wavelength', async () => {
    expect(await loadPreload(null)).toBeUndefined();
    expect(contextBridge.exposed.size).toBe(0);
  });

  it('an unknown role on the command line exposes nothing', async () => {
    resetFakeElectron();
    process.argv = ['/opt/Wavelength/wavelength', '--wavelength-role=admin'];
    vi.resetModules();
    await import('../../electron/preload/index');
    expect(contextBridge.exposed.size).toBe(0);
  });
});
