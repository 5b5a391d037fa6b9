/**
 * A hand-written stand-in for the 'electron' module, just big enough for
 * main and preload. It records what the code under test did (window options,
 * handlers, menus, sent messages) so tests can assert on it, and lets tests
 * play the other side (a renderer invoking a channel, a user answering a
 * dialog, a page trying to navigate).
 *
 * Wire it with: vi.mock('electron', () => import('./fake-electron'))
 * and call resetFakeElectron() in beforeEach.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

/** An Electron-style event: listeners may call preventDefault(). */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  [key: string]: unknown;
}

export function fakeEvent(fields: Record<string, unknown> = {}): FakeEvent {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  /** Every webContents.send(channel, ...args), in order. */
  readonly sent: unknown[][] = [];
  loadedUrl: string | undefined;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  /** The page's top frame; tests change its url to pose as another page. */
  mainFrame: FakeFrame = { url: 'app://wavelength/index.html', parent: null };

  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.mainFrame.url = url;
  }

  /** How often the page was reloaded; a reload starts a fresh page, which finishes loading. */
  reloads = 0;
  reload(): void {
    this.reloads++;
    this.emit('did-finish-load');
  }

  /** How often main ended a hung page on purpose. */
  forcedCrashes = 0;
  forcefullyCrashRenderer(): void {
    this.forcedCrashes++;
  }

  /** Plays the page's process dying ('crashed', 'oom', 'killed', …). */
  crash(reason = 'crashed'): void {
    this.emit('render-process-gone', fakeEvent(), { reason, exitCode: 139 });
  }

  /** Answers executeJavaScript for every page: tests play the page (the report page's hook). */
  static pageScript: (code: string, contents: FakeWebContents) => unknown = () => undefined;
  /** Every script run in this page, in order. */
  readonly scripts: string[] = [];

  async executeJavaScript(code: string): Promise<unknown> {
    this.scripts.push(code);
    return FakeWebContents.pageScript(code, this);
  }

  /** Every printToPDF call's options; the "PDF" names the page that was printed. */
  readonly printed: unknown[] = [];

  async printToPDF(options: unknown): Promise<Buffer> {
    this.printed.push(options);
    return Buffer.from(`%PDF-fake ${this.loadedUrl ?? ''}`);
  }
}

export class BrowserWindow extends EventEmitter {
  static windows: BrowserWindow[] = [];
  static focused: BrowserWindow | null = null;

  readonly webContents = new FakeWebContents();
  title = '';
  documentEdited = false;
  visible = false;
  /** Shown with showInactive(): visible without taking the focus. */
  shownInactive = false;
  destroyed = false;
  fullScreen: boolean;
  bounds: { x: number; y: number; width: number; height: number };
  menuRemoved = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    const n = (key: string, fallback: number) => (typeof options[key] === 'number' ? (options[key] as number) : fallback);
    this.bounds = { x: n('x', 0), y: n('y', 0), width: n('width', 800), height: n('height', 600) };
    this.fullScreen = options.fullscreen === true;
    BrowserWindow.windows.push(this);
    // Like Electron: the app hears about the new contents as the window is made.
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }

  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.windows.filter((win) => !win.destroyed);
  }

  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.focused;
  }

  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.windows.find((win) => win.webContents === contents && !win.destroyed) ?? null;
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  /** Emits 'close'; unless a listener prevents it, the window goes away. */
  close(): void {
    if (this.destroyed) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  show(): void {
    this.visible = true;
  }

  showInactive(): void {
    this.visible = true;
    this.shownInactive = true;
  }

  getBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }

  setBounds(bounds: { x: number; y: number; width: number; height: number }): void {
    this.bounds = { ...bounds };
  }

  isFullScreen(): boolean {
    return this.fullScreen;
  }

  /** Like Electron: changing full screen emits enter-/leave-full-screen. */
  setFullScreen(on: boolean): void {
    if (this.fullScreen === on) return;
    this.fullScreen = on;
    this.emit(on ? 'enter-full-screen' : 'leave-full-screen');
  }

  removeMenu(): void {
    this.menuRemoved = true;
  }

  focus(): void {
    BrowserWindow.focused = this;
  }

  isMinimized(): boolean {
    return false;
  }

  restore(): void {}

  setTitle(title: string): void {
    this.title = title;
  }

  setDocumentEdited(edited: boolean): void {
    this.documentEdited = edited;
  }

  /** macOS: the file shown in the title bar; '' for none. */
  representedFilename = '';
  setRepresentedFilename(path: string): void {
    this.representedFilename = path;
  }

  maximized = false;
  /** Like Electron: maximising emits 'maximize'; the normal bounds stay what they were. */
  maximize(): void {
    if (this.maximized) return;
    this.maximized = true;
    this.emit('maximize');
  }

  unmaximize(): void {
    if (!this.maximized) return;
    this.maximized = false;
    this.emit('unmaximize');
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }

  /** Plays the user dragging or resizing the window. */
  moveTo(bounds: { x: number; y: number; width: number; height: number }): void {
    const resized = bounds.width !== this.bounds.width || bounds.height !== this.bounds.height;
    this.bounds = { ...bounds };
    this.emit(resized ? 'resize' : 'move');
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/** userData for tests that don't point it anywhere: a temp folder of this test process. */
const FALLBACK_USER_DATA = mkdtempSync(join(tmpdir(), 'wavelength-fake-userdata-'));

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly enableSandbox = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => true);
  documentsPath = '/home/user/Documents';
  version = '0.1.0';
  /** The OS's recent documents (macOS Dock, Windows jump list), as app.addRecentDocument left them. */
  readonly recentDocuments: string[] = [];
  addRecentDocument(path: string): void {
    this.recentDocuments.push(path);
  }
  clearRecentDocuments(): void {
    this.recentDocuments.length = 0;
  }
  aboutPanelOptions: Record<string, unknown> | undefined;
  setAboutPanelOptions(options: Record<string, unknown>): void {
    this.aboutPanelOptions = options;
  }

  getVersion(): string {
    return this.version;
  }

  /** getPath(name) for names a test points at a real folder (e.g. userData); others are /fake/<name>. */
  readonly paths = new Map<string, string>();

  getPath(name: string): string {
    if (name === 'documents') return this.documentsPath;
    // Main writes to userData by itself (the window's place, the recent files): never into a real /fake folder.
    if (name === 'userData') return this.paths.get(name) ?? FALLBACK_USER_DATA;
    return this.paths.get(name) ?? `/fake/${name}`;
  }

  private ready = deferred();

  /** Resolves once a test calls becomeReady(), so tests can check what happens before 'ready'. */
  whenReady(): Promise<void> {
    return this.ready.promise;
  }

  becomeReady(): void {
    this.ready.resolve();
  }

  resetReady(): void {
    this.ready = deferred();
  }
}

export const app = new FakeApp();

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Plays a renderer's ipcRenderer.invoke from `contents` (its top frame, unless `frame` says otherwise). */
  async invokeFrom(contents: FakeWebContents, channel: string, args: unknown[], frame?: FakeFrame | null): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(ipcEvent(contents, frame), ...args);
  }

  /** Plays a renderer's ipcRenderer.send from `contents`. */
  sendFrom(contents: FakeWebContents, channel: string, args: unknown[], frame?: FakeFrame | null): void {
    this.emit(channel, ipcEvent(contents, frame), ...args);
  }
}

function ipcEvent(contents: FakeWebContents, frame: FakeFrame | null | undefined): Record<string, unknown> {
  return { sender: contents, senderFrame: frame === undefined ? contents.mainFrame : frame, processId: 1, frameId: 1 };
}

export const ipcMain = new FakeIpcMain();

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 2, checkboxChecked: false })),
};

export const protocol = {
  privilegedSchemes: [] as unknown[],
  handlers: new Map<string, (request: { url: string; method: string }) => unknown>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: { url: string; method: string }) => unknown): void {
    this.handlers.set(scheme, handler);
  },
};

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: PermissionCheckHandler | undefined;
  beforeRequest: { filter: { urls: string[] }; listener: BeforeRequestListener } | undefined;
  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, listener: BeforeRequestListener): void => {
      this.beforeRequest = { filter, listener };
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
}

export const session = { defaultSession: new FakeSession() };

export const Menu = {
  applicationMenu: null as { template: unknown[] } | null,
  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown[] } | null): void {
    this.applicationMenu = menu;
  },
};

export interface FakeDisplay {
  id: number;
  label: string;
  bounds: { x: number; y: number; width: number; height: number };
  /** The bounds without taskbar or menu bar; the same as the bounds unless a test says otherwise. */
  workArea: { x: number; y: number; width: number; height: number };
  size: { width: number; height: number };
  internal: boolean;
}

/** A display as Electron describes it; `size` (and, unless given, `workArea`) follow the bounds. */
export function fakeDisplay(id: number, bounds: FakeDisplay['bounds'], extra: Partial<Omit<FakeDisplay, 'id' | 'bounds' | 'size'>> = {}): FakeDisplay {
  return { id, label: '', internal: false, workArea: { ...bounds }, ...extra, bounds, size: { width: bounds.width, height: bounds.height } };
}

class FakeScreen extends EventEmitter {
  /** The first display is the primary one. Default: one 1920×1080 laptop screen. */
  displays: FakeDisplay[] = [];

  getAllDisplays(): FakeDisplay[] {
    return this.displays;
  }

  getPrimaryDisplay(): FakeDisplay {
    return this.displays[0]!;
  }

  /** The display a rectangle overlaps most (the first when it overlaps none), like Electron. */
  getDisplayMatching(rect: { x: number; y: number; width: number; height: number }): FakeDisplay {
    const overlap = (d: FakeDisplay) =>
      Math.max(0, Math.min(rect.x + rect.width, d.bounds.x + d.bounds.width) - Math.max(rect.x, d.bounds.x)) *
      Math.max(0, Math.min(rect.y + rect.height, d.bounds.y + d.bounds.height) - Math.max(rect.y, d.bounds.y));
    return [...this.displays].sort((a, b) => overlap(b) - overlap(a))[0]!;
  }

  /** Plays the OS removing a display (a projector unplugged). */
  removeDisplay(id: number): void {
    const display = this.displays.find((d) => d.id === id);
    this.displays = this.displays.filter((d) => d.id !== id);
    if (display) this.emit('display-removed', fakeEvent(), display);
  }
}

export const screen = new FakeScreen();

/** Electron's nativeTheme: what the OS says about dark mode, and the app's choice. */
export const nativeTheme = { themeSource: 'system' as 'system' | 'light' | 'dark', shouldUseDarkColors: false };

/** A decoded picture: the fake "decodes" anything that starts with PNG's signature. */
export class FakeNativeImage {
  constructor(readonly bytes: Buffer) {}
  isEmpty(): boolean {
    return !(this.bytes.byteLength > 8 && this.bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])));
  }
}

export const nativeImage = {
  createFromBuffer: (buffer: Buffer): FakeNativeImage => new FakeNativeImage(Buffer.from(buffer)),
};

/** Electron 45's ClipboardItem: MIME types and their data. */
export class ClipboardItem {
  constructor(readonly items: Record<string, unknown>) {}
  get types(): string[] {
    return Object.keys(this.items);
  }
}

export const clipboard = {
  /** What clipboard.write put on the clipboard last, item by item. */
  contents: [] as ClipboardItem[],
  /** Tests make the OS refuse the write (a clipboard another program holds). */
  refuse: null as Error | null,
  async write(items: ClipboardItem[]): Promise<void> {
    if (this.refuse) throw this.refuse;
    this.contents = [...items];
  },
};

export const LAPTOP_DISPLAY = fakeDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 }, { internal: true, label: 'Built-in' });

// --- the preload's side ---------------------------------------------------

class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined);
  readonly sendCalls: unknown[][] = [];

  send(channel: string, ...args: unknown[]): void {
    this.sendCalls.push([channel, ...args]);
  }

  /** Plays main's webContents.send(channel, ...args) arriving at this renderer. */
  receive(channel: string, ...args: unknown[]): void {
    this.emit(channel, { sender: this, senderId: 0, ports: [] }, ...args);
  }
}

export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  /** What the preload put into the page's world, by key. */
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  },
};

/** Back to a fresh Electron: no windows, handlers, menus or recorded calls. */
export function resetFakeElectron(): void {
  BrowserWindow.windows = [];
  BrowserWindow.focused = null;
  app.removeAllListeners();
  app.resetReady();
  app.isPackaged = false;
  app.paths.clear();
  app.quit.mockClear();
  app.exit.mockClear();
  FakeWebContents.pageScript = () => undefined;
  app.enableSandbox.mockClear();
  app.recentDocuments.length = 0;
  app.aboutPanelOptions = undefined;
  nativeTheme.themeSource = 'system';
  nativeTheme.shouldUseDarkColors = false;
  clipboard.contents = [];
  clipboard.refuse = null;
  app.requestSingleInstanceLock.mockReset().mockReturnValue(true);
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  dialog.showOpenDialog.mockReset().mockResolvedValue({ canceled: true, filePaths: [] });
  dialog.showSaveDialog.mockReset().mockResolvedValue({ canceled: true, filePath: '' });
  dialog.showMessageBox.mockReset().mockResolvedValue({ response: 2, checkboxChecked: false });
  protocol.privilegedSchemes = [];
  protocol.handlers.clear();
  session.defaultSession = new FakeSession();
  Menu.applicationMenu = null;
  screen.removeAllListeners();
  screen.displays = [LAPTOP_DISPLAY];
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoke.mockReset().mockResolvedValue(undefined);
  ipcRenderer.sendCalls.length = 0;
  contextBridge.exposed.clear();
}
