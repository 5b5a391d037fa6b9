/**
 * Every window's security settings in one place: the options each
 * BrowserWindow is created with, and the hardening applied to every web
 * contents and to the session. Nothing here knows about sessions or files.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { ROLE_ARGUMENT_PREFIX, type WindowRole } from '../../shared/ipc';

/**
 * The one source of BrowserWindow options; `preloadPath` is out/preload/index.cjs.
 * The preload learns the window's role from its command line and exposes only
 * that role's channels; the hidden report window gets no preload at all (main
 * drives its page, it calls nothing).
 */
export function windowOptions(role: WindowRole, preloadPath: string, dark = false): BrowserWindowConstructorOptions {
  const preload = role === 'report' ? {} : { preload: preloadPath, additionalArguments: [`${ROLE_ARGUMENT_PREFIX}${role}`] };
  return {
    width: 1440,
    height: 900,
    // The draw view needs room for the canvas and the side panel.
    minWidth: 960,
    minHeight: 600,
    title: 'Wavelength',
    // The page's background in the OS's light or dark mode (app.css), so the window opens without a flash.
    backgroundColor: dark ? '#14181f' : '#ffffff',
    // Shown on 'ready-to-show', so there is no white flash of an empty window.
    show: false,
    webPreferences: {
      ...preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Dropping a file on the window would otherwise navigate to file://.
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}

/**
 * Applied to every web contents the app ever creates (via
 * app 'web-contents-created'): no navigation away from our page, no new
 * windows, no <webview>. In dev, the Vite server may reload its own page.
 */
export function hardenContents(contents: WebContents, devServerUrl: string | undefined): void {
  // The page never navigates: it is one document that swaps views in place.
  // Only `electron-vite dev` needs Vite's full reloads to its own server.
  const denyNavigation = (event: { url: string; preventDefault(): void }): void => {
    if (!isDevServerUrl(event.url, devServerUrl)) event.preventDefault();
  };
  contents.on('will-navigate', denyNavigation);
  contents.on('will-frame-navigate', denyNavigation);
  // Links with target=_blank, window.open: never a new window, and not the
  // system browser either — the app opens nothing on the network.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Session-wide: deny every permission (camera, notifications, clipboard read,
 * …) both when asked and when checked, and cancel any request to the network
 * — CSP already forbids it; this is the second lock. The dev server is the one
 * exception, and only in dev.
 */
export function hardenSession(session: Session, devServerUrl: string | undefined): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => callback({ cancel: !isDevServerUrl(details.url, devServerUrl) }),
  );
}

function isDevServerUrl(url: string, devServerUrl: string | undefined): boolean {
  if (devServerUrl === undefined) return false;
  try {
    const target = new URL(url);
    const server = new URL(devServerUrl);
    // Vite's hot reload talks over ws:// to the same host and port.
    return target.host === server.host && ['http:', 'https:', 'ws:', 'wss:'].includes(target.protocol);
  } catch {
    return false;
  }
}
