import { BrowserWindow, nativeTheme, screen } from 'electron';
import { APP_ORIGIN, type NativeTexts } from '../../shared/contract';
import { installCloseGuard } from './close-guard';
import type { WindowDocuments } from './documents';
import { watchPageHealth } from './page-health';
import type { WindowRoles } from './window-roles';
import { keepWindowState, placeMainWindow, type WindowState, type WindowStateStore } from './window-state';
import { windowOptions } from './windows';

export interface MainWindowDeps {
  preloadPath: string;
  /** Vite's dev server URL in `electron-vite dev`; otherwise the bundle is loaded from app://. */
  devServerUrl: string | undefined;
  documents: WindowDocuments;
  roles: WindowRoles;
  nativeTexts(): NativeTexts;
  /** The user closed the window with "Don't save". */
  discarded?(): void;
  /** The user cancelled closing the window. */
  kept?(): void;
  /** The window has closed. */
  closed?(): void;
  /** Where the window was last time (checked against the displays present), and where to keep it. */
  windowState?: { saved: WindowState | null; store: WindowStateStore };
}

/** The URL every window loads its renderer from. */
export function rendererUrl(devServerUrl: string | undefined): string {
  return devServerUrl ?? `${APP_ORIGIN}/index.html`;
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  // The OS's dark mode, already for the first frame before the page has painted.
  const options = windowOptions('main', deps.preloadPath, nativeTheme.shouldUseDarkColors);
  const placement = deps.windowState
    ? placeMainWindow(
        deps.windowState.saved,
        screen.getAllDisplays().map((d) => ({ workArea: d.workArea, primary: d.id === screen.getPrimaryDisplay().id })),
        { width: options.width!, height: options.height!, minWidth: options.minWidth!, minHeight: options.minHeight! },
      )
    : undefined;
  const win = new BrowserWindow(placement ? { ...options, ...placement.bounds } : options);
  if (placement?.maximized) win.maximize();
  if (deps.windowState) keepWindowState(win, deps.windowState.store);
  deps.roles.assign(win, 'main');
  // Read once: win.webContents is gone after the window is destroyed.
  const contentsId = win.webContents.id;
  const health = watchPageHealth(win, {
    texts: deps.nativeTexts,
    // The reloaded page starts clean and offers the autosave; the old page's "unsaved" no longer holds.
    reloading: () => deps.documents.forget(contentsId),
  });
  installCloseGuard(win, {
    isDirty: () => deps.documents.isDirty(contentsId),
    pageAlive: health.isAlive,
    texts: deps.nativeTexts,
    discarded: deps.discarded,
    kept: deps.kept,
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    deps.documents.forget(contentsId);
    deps.closed?.();
  });
  void win.loadURL(rendererUrl(deps.devServerUrl)).catch((error: unknown) => {
    console.error('Could not load the renderer.', error);
  });
  return win;
}
