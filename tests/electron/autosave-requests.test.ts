// Main's autosave channels, played from a fake renderer against real files in a temp folder.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_SESSION_BYTES, type AutosaveWriteRequest } from '../../shared/contract';
import type { InvokeName } from '../../shared/ipc';
import { AUTOSAVE_FILE_NAME, AutosaveStore } from '../../electron/main/autosave';
import { FileRegistry } from '../../electron/main/file-registry';
import { readAutosave } from '../../electron/main/autosave-requests';
import { BrowserWindow, dialog, resetFakeElectron } from './fake-electron';
import { startIpc, type IpcHarness } from './ipc-harness';

vi.mock('electron', () => import('./fake-electron'));

let ipc: IpcHarness;
let folder: string;
let store: AutosaveStore;
let win: BrowserWindow;

beforeEach(async () => {
  resetFakeElectron();
  ipc = await startIpc();
  folder = ipc.folder;
  store = ipc.autosave;
  win = ipc.main;
});

afterEach(async () => {
  await ipc.dispose();
});

const invoke = (channel: InvokeName, ...args: unknown[]): Promise<unknown> => ipc.invokeRaw(win, channel, args);

const request = (overrides: Partial<AutosaveWriteRequest> = {}): AutosaveWriteRequest => ({
  text: '{"format":"wavelength-session"}',
  projectName: 'Projekt Atlas',
  fileId: null,
  ...overrides,
});

/** An autosave as an earlier run (or anyone who can write the app's data folder) left it. */
async function plantAutosave(originalPath: string | null): Promise<void> {
  await mkdir(store.folder, { recursive: true });
  const record = { format: 'wavelength-autosave', version: 1, savedAt: '2026-03-12T13:05:00.000Z', projectName: 'A', originalPath, text: '{"v":1}' };
  await writeFile(join(store.folder, AUTOSAVE_FILE_NAME), JSON.stringify(record));
}

describe('autosave IPC', () => {
  it('writes, reads back and clears an autosave of a new session', async () => {
    await expect(ipc.invoke(win, 'readAutosave')).resolves.toEqual({ kind: 'none' });
    await expect(ipc.invoke(win, 'writeAutosave', request())).resolves.toBeUndefined();
    await expect(ipc.invoke(win, 'readAutosave')).resolves.toEqual({
      kind: 'found',
      savedAt: '2026-03-12T13:05:00.000Z',
      projectName: 'Projekt Atlas',
      text: '{"format":"wavelength-session"}',
      fileId: null,
      fileName: null,
    });
    await expect(ipc.invoke(win, 'clearAutosave')).resolves.toBeUndefined();
    await expect(ipc.invoke(win, 'readAutosave')).resolves.toEqual({ kind: 'none' });
  });

  it('keeps the original path in main and hands back an id for it, never the path', async () => {
    const path = join(folder, 'Kunden', 'Atlas.wavelength');
    await ipc.invoke(win, 'writeAutosave', request({ fileId: ipc.files.register(path) }));

    // The next run: a new registry that has never seen the path.
    const files = new FileRegistry();
    const result = await readAutosave({ store, files });

    expect(result).toMatchObject({ kind: 'found', fileName: 'Atlas.wavelength' });
    const fileId = result.kind === 'found' ? result.fileId! : '';
    expect(files.fileOf(fileId)).toEqual({ path, writable: false });
    expect(JSON.stringify(result)).not.toContain(folder);
    expect(JSON.stringify(result)).not.toContain('Kunden');
  });

  it('reports a corrupt autosave as such, and clear removes it', async () => {
    await mkdir(store.folder, { recursive: true });
    await writeFile(join(store.folder, AUTOSAVE_FILE_NAME), '{"format":"wavelength-autosave","vers');
    await expect(ipc.invoke(win, 'readAutosave')).resolves.toMatchObject({ kind: 'corrupt', detail: expect.any(String) });
    await ipc.invoke(win, 'clearAutosave');
    await expect(ipc.invoke(win, 'readAutosave')).resolves.toEqual({ kind: 'none' });
  });
});

describe('a recovered autosave never names a file main writes on its own', () => {
  it('saving it asks where, starting at the remembered file; cancelling writes nothing', async () => {
    const original = join(folder, 'Atlas.wavelength');
    await writeFile(original, 'on disk');
    await plantAutosave(original);
    const found = await ipc.invoke(win, 'readAutosave');
    expect(found).toMatchObject({ kind: 'found', fileName: 'Atlas.wavelength' });
    const fileId = found.kind === 'found' ? found.fileId : null;

    await expect(ipc.invoke(win, 'saveSession', { text: 'recovered', fileId, saveAs: false, suggestedName: 'A' })).resolves.toEqual({ kind: 'cancelled' });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(win, expect.objectContaining({ defaultPath: original }));
    expect(await readFile(original, 'utf8')).toBe('on disk');

    // Confirmed in the dialog: now it is the user's choice, and later saves go there directly.
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: original });
    await expect(ipc.invoke(win, 'saveSession', { text: 'recovered', fileId, saveAs: false, suggestedName: 'A' })).resolves.toMatchObject({ kind: 'saved' });
    expect(await readFile(original, 'utf8')).toBe('recovered');
  });

  it('a file the user opened in this run is saved back without a dialog', async () => {
    const original = join(folder, 'Atlas.wavelength');
    await writeFile(original, 'on disk');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [original] });
    await ipc.invoke(win, 'openSession');
    await plantAutosave(original);
    const found = await ipc.invoke(win, 'readAutosave');
    const fileId = found.kind === 'found' ? found.fileId : null;

    await expect(ipc.invoke(win, 'saveSession', { text: 'recovered', fileId, saveAs: false, suggestedName: 'A' })).resolves.toMatchObject({ kind: 'saved' });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(await readFile(original, 'utf8')).toBe('recovered');
  });

  it.each([
    ['a file without the session extension', '/home/anna/.bashrc'],
    ['a relative path', 'Atlas.wavelength'],
  ])('%s is forgotten: the session is offered as a new one', async (_what, path) => {
    await plantAutosave(path);
    await expect(ipc.invoke(win, 'readAutosave')).resolves.toMatchObject({ kind: 'found', fileId: null, fileName: null });
  });
});

describe('autosave IPC: senders', () => {
  it.each(['https://evil.example/', 'file:///home/user/page.html', 'app://other/index.html'])('refuses every channel from a page at %s', async (url) => {
    win.webContents.mainFrame.url = url;
    for (const channel of ['writeAutosave', 'readAutosave', 'clearAutosave'] as const) {
      await expect(invoke(channel, ...(channel === 'writeAutosave' ? [request()] : []))).rejects.toThrow(/untrusted sender/);
    }
    await expect(store.read()).resolves.toEqual({ kind: 'none' });
  });

  it('refuses our own page in the presenter window', async () => {
    await ipc.invoke(win, 'writeAutosave', request());
    const room = await ipc.window('presenter');
    for (const channel of ['writeAutosave', 'readAutosave', 'clearAutosave'] as const) {
      const args = channel === 'writeAutosave' ? [request({ text: 'overwritten' })] : [];
      await expect(ipc.invokeRaw(room, channel, args)).rejects.toThrow(/not open to the presenter window/);
    }
    await expect(store.read()).resolves.toMatchObject({ kind: 'found', record: { text: '{"format":"wavelength-session"}' } });
  });
});

describe('autosave IPC: arguments', () => {
  it.each([
    ['no argument', []],
    ['two arguments', [request(), 'extra']],
    ['a string', ['{}']],
    ['null', [null]],
    ['non-string text', [{ ...request(), text: 42 }]],
    ['a numeric fileId', [{ ...request(), fileId: 7 }]],
    ['a non-string project name', [{ ...request(), projectName: ['A'] }]],
    ['a missing key', [{ text: '{}', projectName: 'A' }]],
    ['a path instead of a fileId', [{ ...request(), path: '/etc/passwd' }]],
    ['a class instance', [Object.assign(new (class Request {})(), request())]],
  ])('refuses a write with %s', async (_what, args) => {
    await expect(invoke('writeAutosave', ...args)).rejects.toThrow(/refused arguments/);
    await expect(store.read()).resolves.toEqual({ kind: 'none' });
  });

  it('refuses text over MAX_SESSION_BYTES, counted in UTF-8 bytes', async () => {
    const text = 'ä'.repeat(MAX_SESSION_BYTES / 2 + 1);
    await expect(invoke('writeAutosave', request({ text }))).rejects.toThrow(/larger than/);
    await expect(store.read()).resolves.toEqual({ kind: 'none' });
  });

  it('refuses a fileId main never handed out', async () => {
    await expect(invoke('writeAutosave', request({ fileId: '/etc/passwd' }))).rejects.toThrow(/Unknown fileId/);
    await expect(store.read()).resolves.toEqual({ kind: 'none' });
  });

  it('refuses arguments to read and clear', async () => {
    await expect(invoke('readAutosave', 'x')).rejects.toThrow(/refused arguments/);
    await ipc.invoke(win, 'writeAutosave', request());
    await expect(invoke('clearAutosave', { all: true })).rejects.toThrow(/refused arguments/);
    await expect(store.read()).resolves.toMatchObject({ kind: 'found' });
  });
});
