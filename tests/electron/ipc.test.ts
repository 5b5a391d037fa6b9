// Main's IPC surface, derived from the channel table (shared/ipc.ts): who may call, what arguments
// pass, and what the file channels do, on real files in a temp folder; the renderer is played by the fake.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, MAX_SESSION_BYTES, type NativeTexts, type SaveSessionRequest } from '../../shared/contract';
import { channelsOf, IPC, WINDOW_ROLES, type InvokeName, type IpcName, type SendName } from '../../shared/ipc';
import { DEFAULT_NATIVE_TEXTS } from '../../electron/main/native-texts';
import { BrowserWindow, dialog, ipcMain, resetFakeElectron } from './fake-electron';
import { startIpc, type IpcHarness } from './ipc-harness';

vi.mock('electron', () => import('./fake-electron'));

let ipc: IpcHarness;
let folder: string;
let win: BrowserWindow;

beforeEach(async () => {
  resetFakeElectron();
  ipc = await startIpc();
  folder = ipc.folder;
  win = ipc.main;
});

afterEach(async () => {
  await ipc.dispose();
});

const invoke = (channel: InvokeName, ...args: unknown[]): Promise<unknown> => ipc.invokeRaw(win, channel, args);

function saveRequest(overrides: Partial<SaveSessionRequest> = {}): SaveSessionRequest {
  return { text: '{"format":"wavelength-session"}', fileId: null, saveAs: false, suggestedName: 'Projekt Atlas', ...overrides };
}

/** A file main already knows, as if it had been opened through the dialog. */
async function openedFile(name: string, text: string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, text);
  dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
  const result = await ipc.invoke(win, 'openSession');
  if (result.kind !== 'opened') throw new Error(`not opened: ${JSON.stringify(result)}`);
  return result.fileId;
}

describe('sender checks', () => {
  it.each(['https://evil.example/', 'file:///home/user/page.html', 'http://localhost:5173/', 'app://other/index.html'])(
    'refuses every channel from a page at %s',
    async (url) => {
      win.webContents.mainFrame.url = url;
      for (const channel of ['openSession', 'saveSession', 'confirmUnsaved'] as const) {
        await expect(invoke(channel, saveRequest())).rejects.toThrow(/untrusted sender/);
      }
      expect(dialog.showOpenDialog).not.toHaveBeenCalled();
      expect(dialog.showSaveDialog).not.toHaveBeenCalled();
      expect(dialog.showMessageBox).not.toHaveBeenCalled();

      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      ipc.sendRaw(win, 'setDocumentState', [{ title: 'pwned', dirty: true }]);
      expect(warn).toHaveBeenCalledWith(`Refused ${CHANNELS.setDocumentState}:`, expect.stringMatching(/untrusted sender/));
      warn.mockRestore();
      expect(win.title).toBe('');
      expect(ipc.documents.isDirty(win.webContents.id)).toBe(false);
    },
  );

  it('refuses a sub-frame even when it shows our page', async () => {
    const frame = { url: 'app://wavelength/index.html', parent: win.webContents.mainFrame };
    await expect(ipc.invokeRaw(win, 'openSession', [], frame)).rejects.toThrow(/untrusted/);
  });

  it('refuses a sender whose frame is gone', async () => {
    await expect(ipc.invokeRaw(win, 'openSession', [], null)).rejects.toThrow(/untrusted/);
  });

  it('accepts the dev server only when main runs in dev', async () => {
    await ipc.dispose();
    resetFakeElectron();
    ipc = await startIpc({ devServerUrl: 'http://localhost:5173/' });
    win = ipc.main;
    win.webContents.mainFrame.url = 'http://localhost:5173/';
    await expect(invoke('openSession')).resolves.toEqual({ kind: 'cancelled' });
  });
});

/** Arguments that pass each channel's schema, so only the role can be the reason for a refusal. */
const VALID_ARGS: { readonly [K in InvokeName | SendName]: unknown[] } = {
  openSession: [],
  saveSession: [saveRequest()],
  confirmUnsaved: [DEFAULT_NATIVE_TEXTS],
  setDocumentState: [{ title: 'pwned', dirty: true }],
  setNativeTexts: [DEFAULT_NATIVE_TEXTS],
  closeWindow: [],
  takeLaunchFile: [],
  listRecent: [],
  openRecent: ['not-a-known-id'],
  clearRecent: [],
  copyImage: [{ png: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }],
  writeAutosave: [{ text: '{}', projectName: 'A', fileId: null }],
  readAutosave: [],
  clearAutosave: [],
  exportPdf: [{ sessionText: '{}', options: { paper: 'a4', language: 'de' }, suggestedName: 'A', filterName: 'PDF' }],
  exportFile: [{ format: 'csv', data: 'a;b', suggestedName: 'A', filterName: 'CSV' }],
  listDisplays: [],
  openPresenter: [null],
  closePresenter: [],
  publishRoomState: [{}],
  currentRoomState: [],
  setFullScreen: [true],
  roomCommand: [{ type: 'open' }],
  roomStatus: [],
};

describe('window roles: each window may call only its part of the table', () => {
  const forbidden = WINDOW_ROLES.flatMap((role) =>
    (Object.keys(IPC) as IpcName[])
      .filter((name) => IPC[name].kind !== 'event' && !channelsOf(role).includes(name))
      .map((name) => [role, name] as const),
  );

  it('the presenter gets the room state and full screen, the report window nothing', () => {
    expect(channelsOf('presenter').sort()).toEqual(['currentRoomState', 'fullScreenChange', 'roomState', 'setFullScreen']);
    expect(channelsOf('report')).toEqual([]);
  });

  it.each(forbidden)('a %s window calling %s is refused, and nothing happens', async (role, name) => {
    const caller = await ipc.window(role);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    if (IPC[name].kind === 'invoke') {
      await expect(ipc.invokeRaw(caller, name as InvokeName, VALID_ARGS[name as InvokeName])).rejects.toThrow(`${name} is not open to the ${role} window`);
    } else {
      ipc.sendRaw(caller, name as SendName, VALID_ARGS[name as SendName]);
      expect(warn).toHaveBeenCalledWith(`Refused ${IPC[name].channel}:`, `${name} is not open to the ${role} window.`);
    }
    warn.mockRestore();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(caller.title).toBe('');
    expect(caller.isDestroyed()).toBe(false);
    expect(BrowserWindow.getAllWindows()).toHaveLength(2);
  });

  it('a window main did not give a role is refused everything', async () => {
    const stranger = await ipc.window(null);
    await expect(ipc.invokeRaw(stranger, 'readAutosave', [])).rejects.toThrow(/no role/);
    await expect(ipc.invokeRaw(stranger, 'currentRoomState', [])).rejects.toThrow(/no role/);
  });

  it('the presenter window may use its own part', async () => {
    await ipc.invoke(win, 'openPresenter', null);
    const room = ipc.presenter.window as unknown as BrowserWindow;
    expect(ipc.roles.roleOf(ipc.presenter.window!)).toBe('presenter');
    room.setFullScreen(false);
    await expect(ipc.invoke(room, 'currentRoomState')).resolves.toBeNull();
    ipc.send(room, 'setFullScreen', true);
    expect(room.isFullScreen()).toBe(true);
  });
});

describe('argument checks for saveSession', () => {
  it.each([
    ['no argument', []],
    ['two arguments', [saveRequest(), 'extra']],
    ['a string', ['{}']],
    ['null', [null]],
    ['an array', [[]]],
    ['non-string text', [{ ...saveRequest(), text: 42 }]],
    ['non-boolean saveAs', [{ ...saveRequest(), saveAs: 'yes' }]],
    ['numeric fileId', [{ ...saveRequest(), fileId: 7 }]],
    ['a missing key', [{ text: 'x', fileId: null, saveAs: false }]],
    ['an extra key', [{ ...saveRequest(), path: '/etc/passwd' }]],
    ['a class instance', [Object.assign(new (class Request {})(), saveRequest())]],
  ])('refuses %s', async (_what, args) => {
    await expect(invoke('saveSession', ...args)).rejects.toThrow();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses text over MAX_SESSION_BYTES, counted in UTF-8 bytes', async () => {
    // Half as many characters as the limit, but each "ä" is two bytes.
    const text = 'ä'.repeat(MAX_SESSION_BYTES / 2 + 1);
    await expect(invoke('saveSession', saveRequest({ text }))).rejects.toThrow(/larger than/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses a fileId main never handed out, with or without saveAs', async () => {
    await expect(invoke('saveSession', saveRequest({ fileId: '/etc/passwd' }))).rejects.toThrow(/Unknown fileId/);
    await expect(invoke('saveSession', saveRequest({ fileId: 'deadbeef', saveAs: true }))).rejects.toThrow(
      /Unknown fileId/,
    );
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('openSession', () => {
  it('returns cancelled when the dialog is cancelled', async () => {
    await expect(invoke('openSession')).resolves.toEqual({ kind: 'cancelled' });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      win,
      expect.objectContaining({
        properties: ['openFile'],
        filters: [{ name: DEFAULT_NATIVE_TEXTS.fileFilterName, extensions: ['wavelength', 'json'] }],
      }),
    );
  });

  it('reads the chosen file and hands out an opaque fileId, not the path', async () => {
    const path = join(folder, 'Atlas.wavelength');
    await writeFile(path, '{"hello":"wörld"}');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });

    const result = (await invoke('openSession')) as Record<string, string>;

    expect(result).toMatchObject({ kind: 'opened', fileName: 'Atlas.wavelength', text: '{"hello":"wörld"}' });
    expect(result.fileId).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(result)).not.toContain(folder);
  });

  it('reports a non-UTF-8 file as a typed error', async () => {
    const path = join(folder, 'latin1.wavelength');
    await writeFile(path, Buffer.from([0xe4]));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    await expect(invoke('openSession')).resolves.toMatchObject({
      kind: 'error',
      fileName: 'latin1.wavelength',
      reason: 'notUtf8',
    });
  });

  it('refuses arguments', async () => {
    await expect(invoke('openSession', '/etc/passwd')).rejects.toThrow(/argument/);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('saveSession', () => {
  it('writes a known file in place, without a dialog, keeping a backup', async () => {
    const fileId = await openedFile('Atlas.wavelength', 'old');
    const result = await invoke('saveSession', saveRequest({ fileId, text: 'new' }));

    expect(result).toEqual({ kind: 'saved', fileId, fileName: 'Atlas.wavelength', backupProblem: null });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(await readFile(join(folder, 'Atlas.wavelength'), 'utf8')).toBe('new');
    expect(await readFile(join(folder, 'Atlas.wavelength.bak'), 'utf8')).toBe('old');
  });

  it('asks where to save a new session, offering a safe name with the extension', async () => {
    const chosen = join(folder, 'Atlas.wavelength');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });

    const result = (await invoke('saveSession', saveRequest({ suggestedName: '../Q3: Atlas/Übergabe' }))) as Record<
      string,
      string
    >;

    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      win,
      expect.objectContaining({
        defaultPath: join(folder, 'Q3 Atlas Übergabe.wavelength'),
        filters: [{ name: DEFAULT_NATIVE_TEXTS.fileFilterName, extensions: ['wavelength'] }],
      }),
    );
    expect(result).toMatchObject({ kind: 'saved', fileName: 'Atlas.wavelength' });
    expect(await readFile(chosen, 'utf8')).toBe(saveRequest().text);

    // The new id now names that file: a second save goes there without asking.
    await invoke('saveSession', saveRequest({ fileId: result.fileId!, text: 'second' }));
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    expect(await readFile(chosen, 'utf8')).toBe('second');
  });

  it('adds the extension when the dialog returns a name without it', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(folder, 'Atlas') });
    await expect(invoke('saveSession', saveRequest())).resolves.toMatchObject({ fileName: 'Atlas.wavelength' });
    expect(await readFile(join(folder, 'Atlas.wavelength'), 'utf8')).toBe(saveRequest().text);
  });

  it('asks again, with the extension, before the name without it would silently replace an existing file', async () => {
    await writeFile(join(folder, 'Atlas.wavelength'), 'precious');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(folder, 'Atlas') });
    // The second dialog, offered "Atlas.wavelength", is where its own overwrite question appears; here it is cancelled.
    await expect(invoke('saveSession', saveRequest())).resolves.toEqual({ kind: 'cancelled' });
    expect(dialog.showSaveDialog).toHaveBeenLastCalledWith(win, expect.objectContaining({ defaultPath: join(folder, 'Atlas.wavelength') }));
    expect(await readFile(join(folder, 'Atlas.wavelength'), 'utf8')).toBe('precious');
  });

  it('Save As asks even for a known file, starting in its folder', async () => {
    const fileId = await openedFile('Atlas.wavelength', 'old');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(folder, 'Copy.wavelength') });

    const result = (await invoke('saveSession', saveRequest({ fileId, saveAs: true, text: 'copy' }))) as Record<
      string,
      string
    >;

    expect(dialog.showSaveDialog).toHaveBeenCalledWith(win, expect.objectContaining({ defaultPath: join(folder, 'Projekt Atlas.wavelength') }));
    expect(result.fileId).not.toBe(fileId);
    expect(await readFile(join(folder, 'Copy.wavelength'), 'utf8')).toBe('copy');
    expect(await readFile(join(folder, 'Atlas.wavelength'), 'utf8')).toBe('old');
  });

  it('returns cancelled and writes nothing when the dialog is cancelled', async () => {
    await expect(invoke('saveSession', saveRequest())).resolves.toEqual({ kind: 'cancelled' });
  });

  it('reports a failed write as a typed reason with the OS code, never as English errno text', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(folder, 'missing', 'A.wavelength') });
    await expect(invoke('saveSession', saveRequest())).resolves.toEqual({
      kind: 'error',
      fileName: 'A.wavelength',
      problem: 'folderMissing',
      osCode: 'ENOENT',
      targetUnchanged: true,
    });
  });
});

describe('confirmUnsaved', () => {
  it.each([
    [0, 'save'],
    [1, 'discard'],
    [2, 'cancel'],
  ])('maps button %i to %s', async (response, choice) => {
    dialog.showMessageBox.mockResolvedValueOnce({ response, checkboxChecked: false });
    const texts: NativeTexts = { ...DEFAULT_NATIVE_TEXTS, save: 'Speichern', discard: 'Verwerfen', cancel: 'Abbrechen' };
    await expect(invoke('confirmUnsaved', texts)).resolves.toBe(choice);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      win,
      expect.objectContaining({ buttons: ['Speichern', 'Verwerfen', 'Abbrechen'], cancelId: 2 }),
    );
  });

  it('refuses texts with a missing menu entry or a non-string', async () => {
    const { 'file.new': _dropped, ...menu } = DEFAULT_NATIVE_TEXTS.menu;
    await expect(invoke('confirmUnsaved', { ...DEFAULT_NATIVE_TEXTS, menu })).rejects.toThrow(/menu/);
    await expect(invoke('confirmUnsaved', { ...DEFAULT_NATIVE_TEXTS, save: 1 })).rejects.toThrow(/save/);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });
});

describe('fire-and-forget channels', () => {
  it('setDocumentState sets the title and remembers the dirty flag', () => {
    ipc.sendRaw(win, 'setDocumentState', [{ title: 'Atlas — Wavelength', dirty: true }]);
    expect(win.title).toBe('Atlas — Wavelength');
    expect(ipc.documents.isDirty(win.webContents.id)).toBe(true);
  });

  it('setDocumentState ignores malformed state instead of crashing main', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    ipc.sendRaw(win, 'setDocumentState', [{ title: 'x', dirty: 'yes' }]);
    ipc.sendRaw(win, 'setDocumentState', [{ title: 'x', dirty: true, extra: 1 }]);
    expect(win.title).toBe('');
    expect(ipc.documents.isDirty(win.webContents.id)).toBe(false);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('setNativeTexts passes validated texts on', () => {
    const texts = { ...DEFAULT_NATIVE_TEXTS, save: 'Speichern' };
    ipc.sendRaw(win, 'setNativeTexts', [texts]);
    expect(ipc.deps.setNativeTexts).toHaveBeenCalledWith(texts);
  });

  it('closeWindow marks the session clean and closes the window', () => {
    ipc.documents.set(win.webContents.id, { title: 'x', dirty: true });
    ipc.sendRaw(win, 'closeWindow', []);
    expect(ipc.documents.isDirty(win.webContents.id)).toBe(false);
    expect(win.isDestroyed()).toBe(true);
  });
});

it('registers one handler per channel of the table, and dispose removes them all', async () => {
  const calls = (Object.keys(IPC) as IpcName[]).filter((name) => IPC[name].kind === 'invoke').map((name) => IPC[name].channel);
  expect([...ipcMain.handlers.keys()].sort()).toEqual(calls.sort());
  await ipc.dispose();
  expect(ipcMain.handlers.size).toBe(0);
  for (const channel of Object.values(CHANNELS)) expect(ipcMain.listenerCount(channel)).toBe(0);
});
