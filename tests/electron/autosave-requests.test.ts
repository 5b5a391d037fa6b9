// Main's autosave channels, played from a fake renderer against real files in a temp folder.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, MAX_SESSION_BYTES, type AutosaveWriteRequest } from '../../shared/contract';
import { AUTOSAVE_FILE_NAME, AutosaveStore } from '../../electron/main/autosave';
import { registerAutosaveIpc } from '../../electron/main/autosave-ipc';
import { FileRegistry } from '../../electron/main/file-registry';
import { BrowserWindow, ipcMain, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let folder: string;
let store: AutosaveStore;
let files: FileRegistry;
let win: BrowserWindow;
let presenterWin: BrowserWindow;
let dispose: () => void;

const CHANNEL_LIST = [CHANNELS.writeAutosave, CHANNELS.readAutosave, CHANNELS.clearAutosave];

beforeEach(async () => {
  resetFakeElectron();
  folder = await mkdtemp(join(tmpdir(), 'wavelength-autosave-ipc-'));
  store = new AutosaveStore(join(folder, 'autosave'), () => new Date('2026-03-12T13:05:00.000Z'));
  files = new FileRegistry();
  win = new BrowserWindow({});
  presenterWin = new BrowserWindow({});
  await win.loadURL('app://wavelength/index.html');
  await presenterWin.loadURL('app://wavelength/index.html?view=presenter');
  dispose = registerAutosaveIpc({ store, files, devServerUrl: undefined, isMainWindow: (w) => w === (win as unknown) });
});

afterEach(async () => {
  dispose();
  await rm(folder, { recursive: true, force: true });
});

const invoke = (channel: string, ...args: unknown[]): Promise<unknown> => ipcMain.invokeFrom(win.webContents, channel, args);

const request = (overrides: Partial<AutosaveWriteRequest> = {}): AutosaveWriteRequest => ({
  text: '{"format":"wavelength-session"}',
  projectName: 'Projekt Atlas',
  fileId: null,
  ...overrides,
});

describe('autosave IPC', () => {
  it('writes, reads back and clears an autosave of a new session', async () => {
    await expect(invoke(CHANNELS.readAutosave)).resolves.toEqual({ kind: 'none' });
    await expect(invoke(CHANNELS.writeAutosave, request())).resolves.toBeUndefined();
    await expect(invoke(CHANNELS.readAutosave)).resolves.toEqual({
      kind: 'found',
      savedAt: '2026-03-12T13:05:00.000Z',
      projectName: 'Projekt Atlas',
      text: '{"format":"wavelength-session"}',
      fileId: null,
      fileName: null,
    });
    await expect(invoke(CHANNELS.clearAutosave)).resolves.toBeUndefined();
    await expect(invoke(CHANNELS.readAutosave)).resolves.toEqual({ kind: 'none' });
  });

  it('keeps the original path in main and hands back a fresh fileId for it, never the path', async () => {
    const path = join(folder, 'Kunden', 'Atlas.wavelength');
    const fileId = files.register(path);
    await invoke(CHANNELS.writeAutosave, request({ fileId }));

    // The next run: a new registry that has never seen the path.
    files = new FileRegistry();
    dispose();
    dispose = registerAutosaveIpc({ store, files, devServerUrl: undefined, isMainWindow: (w) => w === (win as unknown) });
    const result = (await invoke(CHANNELS.readAutosave)) as { kind: string; fileId: string; fileName: string };

    expect(result).toMatchObject({ kind: 'found', fileName: 'Atlas.wavelength' });
    expect(files.pathOf(result.fileId)).toBe(path);
    expect(JSON.stringify(result)).not.toContain(folder);
    expect(JSON.stringify(result)).not.toContain('Kunden');
  });

  it('reports a corrupt autosave as such, and clear removes it', async () => {
    await mkdir(store.folder, { recursive: true });
    await writeFile(join(store.folder, AUTOSAVE_FILE_NAME), '{"format":"wavelength-autosave","vers');
    await expect(invoke(CHANNELS.readAutosave)).resolves.toMatchObject({ kind: 'corrupt', detail: expect.any(String) });
    await invoke(CHANNELS.clearAutosave);
    await expect(invoke(CHANNELS.readAutosave)).resolves.toEqual({ kind: 'none' });
  });
});

describe('autosave IPC: senders', () => {
  it.each(['https://evil.example/', 'file:///home/user/page.html', 'app://other/index.html'])(
    'refuses every channel from a page at %s',
    async (url) => {
      win.webContents.mainFrame.url = url;
      for (const channel of CHANNEL_LIST) {
        await expect(invoke(channel, ...(channel === CHANNELS.writeAutosave ? [request()] : []))).rejects.toThrow(/untrusted sender/);
      }
      await expect(store.read()).resolves.toEqual({ kind: 'none' });
    },
  );

  it('refuses a sub-frame of our page', async () => {
    const frame = { url: 'app://wavelength/index.html', parent: win.webContents.mainFrame };
    await expect(ipcMain.invokeFrom(win.webContents, CHANNELS.writeAutosave, [request()], frame)).rejects.toThrow(/untrusted/);
  });

  it('refuses our own page in a window that is not the main window (the presenter)', async () => {
    await invoke(CHANNELS.writeAutosave, request());
    for (const channel of CHANNEL_LIST) {
      const args = channel === CHANNELS.writeAutosave ? [request({ text: 'overwritten' })] : [];
      await expect(ipcMain.invokeFrom(presenterWin.webContents, channel, args)).rejects.toThrow(/main window only/);
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
    await expect(invoke(CHANNELS.writeAutosave, ...args)).rejects.toThrow();
    await expect(store.read()).resolves.toEqual({ kind: 'none' });
  });

  it('refuses text over MAX_SESSION_BYTES, counted in UTF-8 bytes', async () => {
    const text = 'ä'.repeat(MAX_SESSION_BYTES / 2 + 1);
    await expect(invoke(CHANNELS.writeAutosave, request({ text }))).rejects.toThrow(/larger than/);
    await expect(store.read()).resolves.toEqual({ kind: 'none' });
  });

  it('refuses a fileId main never handed out', async () => {
    await expect(invoke(CHANNELS.writeAutosave, request({ fileId: '/etc/passwd' }))).rejects.toThrow(/Unknown fileId/);
    await expect(store.read()).resolves.toEqual({ kind: 'none' });
  });

  it('refuses arguments to read and clear', async () => {
    await expect(invoke(CHANNELS.readAutosave, 'x')).rejects.toThrow(/Expected 0/);
    await invoke(CHANNELS.writeAutosave, request());
    await expect(invoke(CHANNELS.clearAutosave, { all: true })).rejects.toThrow(/Expected 0/);
    await expect(store.read()).resolves.toMatchObject({ kind: 'found' });
  });

  it('removes its handlers again', () => {
    dispose();
    for (const channel of CHANNEL_LIST) expect(ipcMain.handlers.has(channel)).toBe(false);
    dispose = () => undefined;
  });
});
