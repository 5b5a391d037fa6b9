// Files the OS asks main to open, on real files in a temp folder; the renderer is played by the fake.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { FileRegistry } from '../../electron/main/file-registry';
import { OpenRequests, registerOpenRequestIpc } from '../../electron/main/open-requests';
import { BrowserWindow, ipcMain, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let folder: string;
let files: FileRegistry;
let win: BrowserWindow | undefined;
let ready: boolean;
let openMainWindow: Mock<() => void>;
let requests: OpenRequests;
let dispose: () => void;

beforeEach(async () => {
  resetFakeElectron();
  folder = await mkdtemp(join(tmpdir(), 'wavelength-open-'));
  files = new FileRegistry();
  win = new BrowserWindow({});
  await win.loadURL('app://wavelength/index.html');
  ready = true;
  openMainWindow = vi.fn<() => void>();
  requests = new OpenRequests({
    files,
    mainWindow: () => win as unknown as ElectronWindow | undefined,
    openMainWindow,
    isReady: () => ready,
  });
  dispose = registerOpenRequestIpc(requests, undefined, (w) => w === (win as unknown));
});

afterEach(async () => {
  dispose();
  await rm(folder, { recursive: true, force: true });
});

const take = (from: BrowserWindow = win!): Promise<unknown> => ipcMain.invokeFrom(from.webContents, CHANNELS.takeLaunchFile, []);
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

async function sessionFile(name: string, text = '{"format":"wavelength-session"}'): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, text);
  return path;
}

describe('the launch file', () => {
  it('is handed to the page once, as text and a fileId, never the path; then none', async () => {
    const path = await sessionFile('Atlas.wavelength');
    requests.request({ kind: 'session', path });

    const result = (await take()) as Record<string, string>;
    expect(result).toEqual({ kind: 'opened', fileId: expect.any(String), fileName: 'Atlas.wavelength', text: '{"format":"wavelength-session"}' });
    expect(files.pathOf(result.fileId!)).toBe(path);
    expect(JSON.stringify(result)).not.toContain(folder);

    await expect(take()).resolves.toEqual({ kind: 'none' });
  });

  it('is none when the app was started without a file', async () => {
    requests.request({ kind: 'none' });
    await expect(take()).resolves.toEqual({ kind: 'none' });
  });

  it('reports a file that is not a session, without reading it', async () => {
    requests.request({ kind: 'notSession', path: join(folder, 'notes.txt') });
    await expect(take()).resolves.toEqual({
      kind: 'error',
      fileName: 'notes.txt',
      reason: 'notSessionFile',
      detail: expect.stringContaining('.wavelength'),
    });
  });

  it('reports a missing file as not found', async () => {
    requests.request({ kind: 'session', path: join(folder, 'Gone.wavelength') });
    await expect(take()).resolves.toMatchObject({ kind: 'error', fileName: 'Gone.wavelength', reason: 'notFound' });
  });

  it('of several asked for before the page is up, keeps the latest', async () => {
    requests.request({ kind: 'session', path: await sessionFile('A.wavelength') });
    requests.request({ kind: 'session', path: await sessionFile('B.wavelength') });
    await expect(take()).resolves.toMatchObject({ kind: 'opened', fileName: 'B.wavelength' });
    expect(win!.webContents.sent).toEqual([]);
  });

  it('may be taken by the main window only, without arguments', async () => {
    const other = new BrowserWindow({});
    await other.loadURL('app://wavelength/index.html?view=presenter');
    requests.request({ kind: 'session', path: await sessionFile('A.wavelength') });
    await expect(take(other)).rejects.toThrow(/main window only/);
    await expect(ipcMain.invokeFrom(win!.webContents, CHANNELS.takeLaunchFile, ['/etc/passwd'])).rejects.toThrow(/Expected 0/);
    win!.webContents.mainFrame.url = 'https://evil.example/';
    await expect(take()).rejects.toThrow(/untrusted sender/);
    // Still waiting for the real page.
    win!.webContents.mainFrame.url = 'app://wavelength/index.html';
    await expect(take()).resolves.toMatchObject({ kind: 'opened', fileName: 'A.wavelength' });
  });
});

describe('files asked for while the app runs', () => {
  it('go straight to the page once it has taken its launch file, and focus the window', async () => {
    await take();
    const path = await sessionFile('Atlas.wavelength');
    requests.request({ kind: 'session', path });
    expect(BrowserWindow.getFocusedWindow()).toBe(win);
    await settle();
    expect(win!.webContents.sent).toEqual([
      [CHANNELS.openFile, { kind: 'opened', fileId: files.register(path), fileName: 'Atlas.wavelength', text: '{"format":"wavelength-session"}' }],
    ]);
    // Nothing waits for a later take.
    await expect(take()).resolves.toEqual({ kind: 'none' });
  });

  it('send a broken request as an error the page can explain', async () => {
    await take();
    requests.request({ kind: 'notSession', path: join(folder, 'slides.pptx') });
    await settle();
    expect(win!.webContents.sent).toEqual([[CHANNELS.openFile, expect.objectContaining({ kind: 'error', reason: 'notSessionFile' })]]);
  });

  it('wait for a new window when the last one was closed (macOS), and open one', async () => {
    await take();
    win!.close();
    win = undefined;
    const path = await sessionFile('Atlas.wavelength');
    requests.request({ kind: 'session', path });
    expect(openMainWindow).toHaveBeenCalledOnce();

    win = new BrowserWindow({});
    await win.loadURL('app://wavelength/index.html');
    await expect(take()).resolves.toMatchObject({ kind: 'opened', fileName: 'Atlas.wavelength' });
  });

  it('before ready, wait without opening a window', async () => {
    win = undefined;
    ready = false;
    requests.request({ kind: 'session', path: await sessionFile('Atlas.wavelength') });
    expect(openMainWindow).not.toHaveBeenCalled();
  });
});
