// Files the OS asks main to open, on real files in a temp folder; the renderer is played by the fake.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { FileRegistry } from '../../electron/main/file-registry';
import { OpenRequests } from '../../electron/main/open-requests';
import { BrowserWindow, resetFakeElectron } from './fake-electron';
import { startIpc } from './ipc-harness';

vi.mock('electron', () => import('./fake-electron'));

let folder: string;
let files: FileRegistry;
let win: BrowserWindow | undefined;
let ready: boolean;
let openMainWindow: Mock<() => void>;
let requests: OpenRequests;

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
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const take = (from: BrowserWindow = win!): Promise<unknown> => requests.take(from as unknown as ElectronWindow);
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

  it('may be taken over IPC by the main window only, without arguments', async () => {
    const ipc = await startIpc();
    try {
      const room = await ipc.window('presenter');
      ipc.deps.openRequests.request({ kind: 'session', path: await sessionFile('A.wavelength') });
      await expect(ipc.invokeRaw(room, 'takeLaunchFile', [])).rejects.toThrow(/not open to the presenter window/);
      await expect(ipc.invokeRaw(ipc.main, 'takeLaunchFile', ['/etc/passwd'])).rejects.toThrow(/refused arguments/);
      ipc.main.webContents.mainFrame.url = 'https://evil.example/';
      await expect(ipc.invokeRaw(ipc.main, 'takeLaunchFile', [])).rejects.toThrow(/untrusted sender/);
      // Still waiting for the real page.
      ipc.main.webContents.mainFrame.url = 'app://wavelength/index.html';
      await expect(ipc.invoke(ipc.main, 'takeLaunchFile')).resolves.toMatchObject({ kind: 'opened', fileName: 'A.wavelength' });
    } finally {
      await ipc.dispose();
    }
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
