/**
 * Wavelength's main process: app lifecycle and wiring, nothing else. Windows
 * and their security live in windows.ts, the app:// scheme in
 * protocol-electron.ts, IPC in ipc.ts, the menu in menu.ts.
 */
import { join } from 'node:path';
import { app, BrowserWindow, nativeTheme, session } from 'electron';
import { parseExportArgs } from '../../batch/args';
import type { AppCommand } from '../../shared/commands';
import type { NativeTexts, RecentFile } from '../../shared/contract';
import { AUTOSAVE_FOLDER_NAME, AutosaveStore } from './autosave';
import { startBatchExport } from './batch-export';
import { WindowDocuments } from './documents';
import { FileRegistry } from './file-registry';
import { removeStaleTempFiles } from './files';
import { createIpcHandlers, registerIpc } from './ipc';
import { launchRequestForPath, launchRequestFromArgv } from './launch-args';
import { createMainWindow } from './main-window';
import { focusWindow, OpenRequests } from './open-requests';
import { PresenterWindows } from './presenter-window';
import { installApplicationMenu, type RecentMenu } from './menu';
import { RECENT_FILE_NAME, RecentDocuments } from './recent-documents';
import { WINDOW_STATE_FILE_NAME, WindowStateStore } from './window-state';
import { DEFAULT_NATIVE_TEXTS } from './native-texts';
import { registerAppProtocol, registerAppScheme } from './protocol-electron';
import { RoomService } from './room';
import { participantFiles } from '../../room/static-files';
import { sendEvent, WindowRoles } from './window-roles';
import { hardenContents, hardenSession } from './windows';

// electron-vite bundles main into out/main/index.js; the preload and the
// renderer bundle sit beside it in out/.
const outDir = join(import.meta.dirname, '..');
const preloadPath = join(outDir, 'preload', 'index.cjs');
const rendererDir = join(outDir, 'renderer');

// `electron-vite dev` serves the renderer from Vite and says where; a packaged
// app never listens to that variable.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined;

const documents = new WindowDocuments();
const files = new FileRegistry();
const roles = new WindowRoles();
let nativeTexts: NativeTexts = DEFAULT_NATIVE_TEXTS;
/** Quit (Cmd+Q, the menu) was asked for; a window the close guard held may still be deciding. */
let quitRequested = false;
/** Made once the app is ready (it needs the screen module). */
let presenter: PresenterWindows | undefined;
/** The facilitator's window: the one with the session, its autosave and the files the OS asks to open. */
let mainWindow: BrowserWindow | undefined;
let ready = false;
// Nothing listens until the facilitator opens the room; the participant page's files are read from the build then.
const room = new RoomService({ files: () => participantFiles(rendererDir) });
// userData is known before 'ready'; the folder itself is made on the first write.
const autosave = new AutosaveStore(join(app.getPath('userData'), AUTOSAVE_FOLDER_NAME), undefined, app.getVersion());
const windowState = new WindowStateStore(join(app.getPath('userData'), WINDOW_STATE_FILE_NAME));
/** The recent list as the menu shows it (kept up to date by `recent`). */
let recentFiles: readonly RecentFile[] = [];
const recent = new RecentDocuments({
  listFile: join(app.getPath('userData'), RECENT_FILE_NAME),
  files,
  os: app,
  changed: (list) => {
    recentFiles = list;
    if (ready) installMenu();
    if (mainWindow && !mainWindow.isDestroyed()) sendEvent(mainWindow.webContents, 'recentChanged', [...list]);
  },
});
const openRequests = new OpenRequests({
  files,
  mainWindow: () => mainWindow,
  openMainWindow: () => void openMainWindow(),
  isReady: () => ready,
  opened: (path) => recent.add(path),
});

/** File ▸ Open Recent: main reads the file again and hands it to the window like a file from the OS. */
const recentMenu = (): RecentMenu => ({
  files: recentFiles,
  open: (recentId) => {
    const path = recent.pathOf(recentId);
    if (path === undefined) return;
    // macOS without a window: open one, and the file waits for its page like a file from the Finder.
    if (!mainWindow || mainWindow.isDestroyed()) {
      openRequests.request(launchRequestForPath(path, process.cwd()));
      return;
    }
    void recent.open(recentId).then((result) => {
      const win = mainWindow;
      if (!result || !win || win.isDestroyed()) return;
      focusWindow(win);
      sendEvent(win.webContents, 'openFile', result);
    });
  },
  clear: () => recent.clear(),
});

function installMenu(): void {
  installApplicationMenu(nativeTexts, sendToFocusedWindow, devServerUrl !== undefined, recentMenu());
}
/** Menu commands go to the window the user is looking at; from the room view, to its facilitator's window. */
function sendToFocusedWindow(command: AppCommand): void {
  const focused = BrowserWindow.getFocusedWindow();
  const target = focused && presenter?.isPresenter(focused) ? presenter.facilitator : focused;
  if (target) sendEvent(target.webContents, 'command', command);
}

function openMainWindow(): BrowserWindow {
  const win = createMainWindow({
    preloadPath,
    devServerUrl,
    documents,
    roles,
    nativeTexts: () => nativeTexts,
    // Read each time a window opens (macOS reopens one from the Dock): where the last one was.
    windowState: { saved: windowState.load(), store: windowState },
    // "Don't save" gives the changes up, so there is nothing left to recover; a crash never gets here.
    discarded: () => void autosave.clear().catch((error: unknown) => console.warn('Could not clear the autosave.', error)),
    // Quit held the window to ask about unsaved changes: Cancel calls the quit off, a close carries it on
    // (on macOS too, where closing the last window alone does not quit).
    kept: () => {
      quitRequested = false;
    },
    closed: () => {
      if (quitRequested) app.quit();
    },
  });
  mainWindow = win;
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  return win;
}

/** Electron's own leading arguments: the executable, and the app's path when run as `electron .`. */
const argvOptions = (cwd: string) => ({ skip: process.defaultApp ? 2 : 1, cwd });

// Every renderer runs sandboxed, whatever a window's options say.
app.enableSandbox();
// Both must happen before 'ready'.
registerAppScheme();

// `--export <file|folder> --out <folder>`: export headlessly and exit, no window (batch-export.ts).
const cli = parseExportArgs(process.argv.slice(1), 'app');

if (cli.kind !== 'none') {
  void startBatchExport(cli, { preloadPath, devServerUrl, rendererDir });
} else if (!app.requestSingleInstanceLock()) {
  // Another Wavelength is running; it focuses its window (below).
  app.quit();
} else {
  // Started with a file (double-click, `Wavelength Atlas.wavelength`): it waits until the page asks for it.
  openRequests.request(launchRequestFromArgv(process.argv, argvOptions(process.cwd())));

  // Another start, maybe with a file: this instance focuses its window and opens the file there.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow) focusWindow(mainWindow);
    openRequests.request(launchRequestFromArgv(argv, argvOptions(workingDirectory)));
  });

  // macOS Finder: may come before 'ready' (the file the app was started for); OpenRequests queues it.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openRequests.request(launchRequestForPath(path, process.cwd()));
  });

  app.on('before-quit', () => {
    quitRequested = true;
  });

  // A write or clear of the autosave may still be on its way to disk; finish it before the process ends.
  // The local room closes too: its listener stops and every device's access ends.
  let autosaveFlushed = false;
  app.on('will-quit', (event) => {
    if (autosaveFlushed) return;
    event.preventDefault();
    void Promise.all([autosave.idle(), presenter?.idle(), room.dispose(), recent.idle(), windowState.idle()]).finally(() => {
      autosaveFlushed = true;
      app.quit();
    });
  });

  // Covers every web contents, including ones we never create on purpose.
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, devServerUrl));

  app.on('window-all-closed', () => {
    // macOS apps stay active without windows until Cmd+Q.
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, devServerUrl);
    // The facilitator's window follows the OS's light or dark mode (prefers-color-scheme); the room view keeps its own theme.
    nativeTheme.themeSource = 'system';
    app.setAboutPanelOptions({ applicationName: 'Wavelength', applicationVersion: app.getVersion(), version: '' });
    registerAppProtocol(rendererDir);
    presenter = new PresenterWindows({ preloadPath, devServerUrl, dataDir: app.getPath('userData'), roles });
    // What saves killed mid-write in an earlier run left in the app's own folders.
    void autosave.removeLeftovers();
    void removeStaleTempFiles(app.getPath('userData'));
    const deps = {
      roles,
      devServerUrl,
      files,
      documents,
      autosave,
      presenter,
      room,
      openRequests,
      recent,
      report: { preloadPath, devServerUrl, roles },
      nativeTexts: () => nativeTexts,
      setNativeTexts: (texts: NativeTexts) => {
        nativeTexts = texts;
        installMenu();
      },
      documentsFolder: () => app.getPath('documents'),
    };
    registerIpc(createIpcHandlers(deps), deps);
    // A tiny file, read before the menu is built and the window opens.
    recent.load();
    installMenu();
    ready = true;
    openMainWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
    });
  });
}
