/**
 * Files the OS asks the app to open from outside: on the command line at
 * start, with a second start ('second-instance'), or from the macOS Finder
 * ('open-file', which may come before 'ready'). Until the facilitator's
 * renderer has asked for its launch file, the latest request waits here;
 * after that, each one goes straight to the window, which opens it like
 * File ▸ Open (asking about unsaved changes first).
 *
 * Main reads the file and registers its path in the FileRegistry: the
 * renderer gets text and a fileId, never the path.
 */
import { basename } from 'node:path';
import type { BrowserWindow } from 'electron';
import { SESSION_EXTENSION, type ExternalFileResult, type LaunchFileResult } from '../../shared/contract';
import type { FileRegistry } from './file-registry';
import { readSessionFile } from './files';
import type { LaunchRequest } from './launch-args';
import { sendEvent } from './window-roles';

export interface OpenRequestsDeps {
  files: FileRegistry;
  /** The facilitator's window, if one is open. */
  mainWindow(): BrowserWindow | undefined;
  /** Open the facilitator's window (macOS keeps running without one); its renderer asks for the waiting file. */
  openMainWindow(): void;
  /** Windows can only be made after 'ready'. */
  isReady(): boolean;
  /** A file was read for the window (it goes into the recent list). */
  opened?(path: string): void;
}

export type FileRequest = Exclude<LaunchRequest, { kind: 'none' }>;

export class OpenRequests {
  private waiting: FileRequest | undefined;
  /** webContents ids of main windows whose page has taken its launch file, and so listens for more. */
  private readonly listening = new Set<number>();

  constructor(private readonly deps: OpenRequestsDeps) {}

  /** The OS asks to open a file: send it to the window if its page listens, else keep it for takeLaunchFile. */
  request(request: LaunchRequest): void {
    if (request.kind === 'none') return;
    const win = this.deps.mainWindow();
    if (win && !win.isDestroyed() && this.listening.has(win.webContents.id)) {
      focusWindow(win);
      void this.read(request).then((result) => {
        if (!win.isDestroyed()) sendEvent(win.webContents, 'openFile', result);
      });
      return;
    }
    // One session at a time: of several files asked for before the page is up, the latest wins.
    this.waiting = request;
    if (!win && this.deps.isReady()) this.deps.openMainWindow();
  }

  /** The page of `win` starts up: hand it the waiting file, once; from now on files go to it directly. */
  async take(win: BrowserWindow): Promise<LaunchFileResult> {
    const contentsId = win.webContents.id;
    if (!this.listening.has(contentsId)) {
      this.listening.add(contentsId);
      win.once('closed', () => this.listening.delete(contentsId));
    }
    const request = this.waiting;
    this.waiting = undefined;
    return request === undefined ? { kind: 'none' } : this.read(request);
  }

  private async read(request: FileRequest): Promise<ExternalFileResult> {
    const result = await readRequest(request, this.deps.files);
    if (result.kind === 'opened') this.deps.opened?.(request.path);
    return result;
  }
}

/** Read the requested file as Open would; never throws. */
export async function readRequest(request: FileRequest, files: FileRegistry): Promise<ExternalFileResult> {
  const fileName = basename(request.path);
  if (request.kind === 'notSession') {
    return { kind: 'error', fileName, reason: 'notSessionFile', detail: `Only .${SESSION_EXTENSION} files can be opened.` };
  }
  const read = await readSessionFile(request.path);
  if (!read.ok) return { kind: 'error', fileName, reason: read.reason, detail: read.detail };
  return { kind: 'opened', fileId: files.register(request.path), fileName, text: read.text };
}

/** Bring a window to the front, out of the dock if minimised. */
export function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.focus();
}
