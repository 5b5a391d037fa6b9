// The renderer's platform pieces that run without a DOM: the Electron
// pass-through and the browser build's file rules. (browser.ts itself needs a
// real page: file chooser, downloads, beforeunload.)
import { describe, expect, it, vi, type Mock } from 'vitest';
import { MAX_SESSION_BYTES, type PresenterApi, type WavelengthApi } from '../../shared/contract';
import { DEFAULT_NATIVE_TEXTS } from '../../electron/main/native-texts';
import { createElectronPlatform } from '../../renderer/platform/electron';
import { decodeSessionBytes, downloadFileName, sessionTextBytes } from '../../renderer/platform/session-file';

type Methods = Omit<WavelengthApi, 'role'>;
type FakeApi = { role: 'main' } & { [K in keyof Methods]: Mock<Methods[K]> };

function fakeApi(): FakeApi {
  return {
    role: 'main',
    openSession: vi.fn<WavelengthApi['openSession']>(async () => ({ kind: 'cancelled' })),
    saveSession: vi.fn<WavelengthApi['saveSession']>(async () => ({ kind: 'saved', fileId: 'f1', fileName: 'A.wavelength', backupProblem: null })),
    confirmUnsaved: vi.fn<WavelengthApi['confirmUnsaved']>(async () => 'discard'),
    setDocumentState: vi.fn<WavelengthApi['setDocumentState']>(),
    setNativeTexts: vi.fn<WavelengthApi['setNativeTexts']>(),
    closeWindow: vi.fn<WavelengthApi['closeWindow']>(),
    onCommand: vi.fn<WavelengthApi['onCommand']>(() => () => undefined),
    listDisplays: vi.fn<WavelengthApi['listDisplays']>(async () => []),
    openPresenter: vi.fn<WavelengthApi['openPresenter']>(async (displayId) => ({ open: true, displayId })),
    closePresenter: vi.fn<WavelengthApi['closePresenter']>(),
    onPresenterStatus: vi.fn<WavelengthApi['onPresenterStatus']>(() => () => undefined),
    publishRoomState: vi.fn<WavelengthApi['publishRoomState']>(),
    setFullScreen: vi.fn<WavelengthApi['setFullScreen']>(),
    onFullScreenChange: vi.fn<WavelengthApi['onFullScreenChange']>(() => () => undefined),
    exportPdf: vi.fn<WavelengthApi['exportPdf']>(async () => ({ kind: 'exported', fileName: 'A.pdf' })),
    exportFile: vi.fn<WavelengthApi['exportFile']>(async () => ({ kind: 'exported', fileName: 'A.png' })),
    writeAutosave: vi.fn<WavelengthApi['writeAutosave']>(async () => undefined),
    readAutosave: vi.fn<WavelengthApi['readAutosave']>(async () => ({ kind: 'none' })),
    clearAutosave: vi.fn<WavelengthApi['clearAutosave']>(async () => undefined),
    takeLaunchFile: vi.fn<WavelengthApi['takeLaunchFile']>(async () => ({ kind: 'none' })),
    onOpenFile: vi.fn<WavelengthApi['onOpenFile']>(() => () => undefined),
    roomCommand: vi.fn<WavelengthApi['roomCommand']>(),
    roomStatus: vi.fn<WavelengthApi['roomStatus']>(async () => ({ open: false, problem: null })),
    onRoomEvent: vi.fn<WavelengthApi['onRoomEvent']>(() => () => undefined),
    listRecent: vi.fn<WavelengthApi['listRecent']>(async () => [{ recentId: 'r1', fileName: 'Atlas.wavelength', folder: '/home/anna/Retros' }]),
    openRecent: vi.fn<WavelengthApi['openRecent']>(async () => ({ kind: 'opened', fileId: 'r1', fileName: 'Atlas.wavelength', text: '{}' })),
    clearRecent: vi.fn<WavelengthApi['clearRecent']>(async () => undefined),
    onRecentChanged: vi.fn<WavelengthApi['onRecentChanged']>(() => () => undefined),
    copyImage: vi.fn<WavelengthApi['copyImage']>(async () => ({ kind: 'copied' })),
  };
}

describe('createElectronPlatform', () => {
  it('passes the recent files and the clipboard through to main’s channels', async () => {
    const api = fakeApi();
    const platform = createElectronPlatform(api);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    await expect(platform.recent!.list()).resolves.toEqual([{ recentId: 'r1', fileName: 'Atlas.wavelength', folder: '/home/anna/Retros' }]);
    await expect(platform.recent!.open('r1')).resolves.toMatchObject({ kind: 'opened', fileName: 'Atlas.wavelength' });
    await platform.recent!.clear();
    const listener = vi.fn();
    platform.recent!.onChange(listener);
    await expect(platform.copyImage(png)).resolves.toEqual({ kind: 'copied' });
    expect(api.openRecent).toHaveBeenCalledWith('r1');
    expect(api.clearRecent).toHaveBeenCalledOnce();
    expect(api.onRecentChanged).toHaveBeenCalledWith(listener);
    expect(api.copyImage).toHaveBeenCalledWith({ png });
  });

  it('is the electron kind and passes every call through to window.wavelength', async () => {
    const api = fakeApi();
    const platform = createElectronPlatform(api);
    const request = { text: '{}', fileId: null, saveAs: true, suggestedName: 'A' };

    expect(platform.kind).toBe('electron');
    await expect(platform.openSession()).resolves.toEqual({ kind: 'cancelled' });
    await expect(platform.saveSession(request)).resolves.toEqual({ kind: 'saved', fileId: 'f1', fileName: 'A.wavelength', backupProblem: null });
    await expect(platform.confirmUnsaved(DEFAULT_NATIVE_TEXTS)).resolves.toBe('discard');
    platform.setDocumentState({ title: 'A', dirty: true });
    platform.setNativeTexts(DEFAULT_NATIVE_TEXTS);
    platform.closeWindow();

    expect(api.saveSession).toHaveBeenCalledWith(request);
    expect(api.confirmUnsaved).toHaveBeenCalledWith(DEFAULT_NATIVE_TEXTS);
    expect(api.setDocumentState).toHaveBeenCalledWith({ title: 'A', dirty: true });
    expect(api.setNativeTexts).toHaveBeenCalledWith(DEFAULT_NATIVE_TEXTS);
    expect(api.closeWindow).toHaveBeenCalledOnce();
  });

  it('passes the autosave and files from the OS through to window.wavelength', async () => {
    const api = fakeApi();
    const platform = createElectronPlatform(api);
    const found = { kind: 'found', savedAt: '2026-03-12T13:05:00.000Z', projectName: 'Atlas', text: '{}', fileId: 'f2', fileName: 'Atlas.wavelength' } as const;
    api.readAutosave.mockResolvedValueOnce(found);
    api.takeLaunchFile.mockResolvedValueOnce({ kind: 'opened', fileId: 'f3', fileName: 'B.wavelength', text: '{}' });
    const unsubscribe = vi.fn();
    api.onOpenFile.mockReturnValue(unsubscribe);

    await platform.autosave.write('{"a":1}', { projectName: 'Atlas', fileId: 'f1' });
    await expect(platform.autosave.read()).resolves.toEqual(found);
    await platform.autosave.clear();
    await expect(platform.takeLaunchFile()).resolves.toMatchObject({ kind: 'opened', fileId: 'f3' });
    const listener = vi.fn();
    platform.onOpenFile(listener)();

    expect(api.writeAutosave).toHaveBeenCalledWith({ text: '{"a":1}', projectName: 'Atlas', fileId: 'f1' });
    expect(api.clearAutosave).toHaveBeenCalledOnce();
    expect(api.onOpenFile).toHaveBeenCalledWith(listener);
    expect(unsubscribe).toHaveBeenCalledOnce();
  });

  it("returns the preload's unsubscribe function from onCommand", () => {
    const api = fakeApi();
    const unsubscribe = vi.fn();
    api.onCommand.mockReturnValue(unsubscribe);
    const listener = vi.fn();

    const off = createElectronPlatform(api).onCommand(listener);
    off();

    expect(api.onCommand).toHaveBeenCalledWith(listener);
    expect(unsubscribe).toHaveBeenCalledOnce();
  });
});

describe('createElectronPlatform in the room screen', () => {
  it('has the room state and full screen; everything else refuses or does nothing', async () => {
    const api = {
      role: 'presenter',
      currentRoomState: vi.fn(async () => null),
      onRoomState: vi.fn(() => () => undefined),
      setFullScreen: vi.fn(),
      onFullScreenChange: vi.fn(() => () => undefined),
    } satisfies PresenterApi;
    const platform = createElectronPlatform(api);
    await expect(platform.openSession()).rejects.toThrow(/not open to the presenter window/);
    await expect(platform.saveSession({ text: '{}', fileId: null, saveAs: true, suggestedName: 'A' })).rejects.toThrow(/not open/);
    await expect(platform.exportPdf({ sessionText: '{}', options: { paper: 'a4', language: 'de' }, suggestedName: 'A', filterName: 'PDF' })).rejects.toThrow(/not open/);
    await expect(platform.autosave.write('{}', { projectName: '', fileId: null })).rejects.toThrow(/not open/);
    platform.presenter.setFullScreen(true);
    expect(api.setFullScreen).toHaveBeenCalledWith(true);
    const listener = vi.fn();
    platform.presenter.onState(listener);
    expect(api.onRoomState).toHaveBeenCalledOnce();
    expect(api.currentRoomState).toHaveBeenCalledOnce();
  });
});

describe('browser session file rules', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    expect(decodeSessionBytes(new TextEncoder().encode('{"a":"ä"}'))).toEqual({ ok: true, text: '{"a":"ä"}' });
    expect(decodeSessionBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toEqual({ ok: true, text: '{}' });
  });

  it('refuses non-UTF-8 bytes', () => {
    expect(decodeSessionBytes(new Uint8Array([0x7b, 0xe4, 0x7d]))).toMatchObject({ ok: false, reason: 'notUtf8' });
  });

  it('refuses more than MAX_SESSION_BYTES', () => {
    expect(decodeSessionBytes(new Uint8Array(MAX_SESSION_BYTES + 1))).toMatchObject({ ok: false, reason: 'tooLarge' });
    expect(decodeSessionBytes(new Uint8Array(MAX_SESSION_BYTES)).ok).toBe(true);
  });

  it('counts text size in UTF-8 bytes', () => {
    expect(sessionTextBytes('aä😀')).toBe(1 + 2 + 4);
  });

  it.each([
    ['Projekt Atlas', 'Projekt Atlas.wavelength'],
    ['Projekt Atlas.wavelength', 'Projekt Atlas.wavelength'],
    ['../x/y', 'x y.wavelength'],
    ['', 'Session.wavelength'],
  ])('names the download %j → %j', (suggested, expected) => {
    expect(downloadFileName(suggested)).toBe(expected);
  });
});
