/**
 * Wavelength's main process: app lifecycle and wiring, nothing else. Windows
 * and their security live in windows.ts, the app:// scheme in
 * protocol-electron.ts, IPC in ipc.ts, the menu in menu.ts.
 */
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { parseExportArgs } from '../batch/args';
import { CHANNELS, type AppCommand, type NativeTexts } from '../contract';
import { startBatchExport } from './batch-export';
import { WindowDocuments } from './documents';
import { registerExportIpc } from './export-ipc';
import { FileRegistry } from './file-registry';
import { registerIpcHandlers } from './ipc';
import { createMainWindow } from './main-window';
import { registerPresenterIpc } from './presenter-ipc';
import { PresenterWindows } from './presenter-window';
import { installApplicationMenu } from './menu';
import { DEFAULT_NATIVE_TEXTS } from './native-texts';
import { registerAppProtocol, registerAppScheme } from './protocol-electron';
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
let nativeTexts: NativeTexts = DEFAULT_NATIVE_TEXTS;
/** Made once the app is ready (it needs the screen module). */
let presenter: PresenterWindows | undefined;

/** Menu commands go to the window the user is looking at; from the room view, to its facilitator's window. */
function sendToFocusedWindow(command: AppCommand): void {
  const focused = BrowserWindow.getFocusedWindow();
  const target = focused && presenter?.isPresenter(focused) ? presenter.facilitator : focused;
  target?.webContents.send(CHANNELS.command, command);
}

function openMainWindow(): BrowserWindow {
  return createMainWindow({ preloadPath, devServerUrl, documents, nativeTexts: () => nativeTexts });
}

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
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  // Covers every web contents, including ones we never create on purpose.
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, devServerUrl));

  app.on('window-all-closed', () => {
    // macOS apps stay active without windows until Cmd+Q.
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, devServerUrl);
    registerAppProtocol(rendererDir);
    presenter = new PresenterWindows({ preloadPath, devServerUrl, dataDir: app.getPath('userData') });
    registerPresenterIpc(presenter, devServerUrl);
    registerExportIpc({ preloadPath, devServerUrl });
    registerIpcHandlers({
      files,
      documents,
      devServerUrl,
      nativeTexts: () => nativeTexts,
      setNativeTexts: (texts) => {
        nativeTexts = texts;
        installApplicationMenu(nativeTexts, sendToFocusedWindow, devServerUrl !== undefined);
      },
    });
    installApplicationMenu(nativeTexts, sendToFocusedWindow, devServerUrl !== undefined);
    openMainWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
    });
  });
}
