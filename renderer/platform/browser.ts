import { MAX_SESSION_BYTES, SESSION_EXTENSION } from '../../shared/contract';
import type { CopyImageResult, OpenSessionResult, Platform, SaveSessionResult, UnsavedChoice } from './platform';
import { createBrowserAutosave } from './autosave-browser';
import { createBrowserExports } from './export-browser';
import { createBrowserPresenter } from './presenter-browser';
import { createBrowserRoom } from './room-browser';
import { decodeSessionBytes, downloadFileName, sessionTextBytes, tooLarge, type SessionTextResult } from './session-file';

/**
 * fileIds in the browser name no file: a page can neither learn a path nor
 * write back to what it opened. Every save is a new download.
 */
export const OPENED_FILE_ID = 'upload';
export const DOWNLOADED_FILE_ID = 'download';

/** What the hidden file input offers: session files, and JSON for files renamed by a mail client. */
const FILE_INPUT_ACCEPT = `.${SESSION_EXTENSION},application/json`;

/**
 * The platform for a plain web page (`npm run web`, end-to-end tests, a
 * locked-down laptop):
 *
 * - openSession: a hidden <input type="file"> (so Playwright's 'filechooser'
 *   event sees it), read with the same size limit and strict UTF-8 as main.
 * - saveSession: a download named after suggestedName. The page cannot tell
 *   whether the user then cancelled the browser's own "Save as", so it always
 *   answers 'saved'.
 * - confirmUnsaved: window.confirm, which has two buttons, not three:
 *   OK = discard the changes, Cancel = cancel. There is no "save" answer;
 *   the user cancels and saves from the app.
 * - setDocumentState: the tab title, and a 'beforeunload' prompt while dirty.
 * - no native menu, so no host commands; closeWindow does nothing (a page
 *   may not close a tab it did not open).
 * - presenter: a second window of the same page, kept in step over a
 *   BroadcastChannel (presenter-browser.ts).
 * - exports: the report in a new tab with the print dialog, files as
 *   downloads (export-browser.ts).
 * - autosave: one record in IndexedDB (autosave-browser.ts).
 * - no launch file and no files from the OS: a page is only ever opened by URL.
 */
export function createBrowserPlatform(win: Window = window): Platform {
  const doc = win.document;
  let unloadGuardInstalled = false;

  const guardUnload = (event: BeforeUnloadEvent): void => {
    event.preventDefault();
    // Older Chromium shows the prompt only when returnValue is set.
    event.returnValue = '';
  };

  return {
    kind: 'browser',

    async openSession(): Promise<OpenSessionResult> {
      const file = await pickFile(doc);
      if (!file) return { kind: 'cancelled' };
      // Refuse before reading: a huge file should not be loaded into memory first.
      const decoded = file.size > MAX_SESSION_BYTES ? tooLarge(file.size) : await readFileText(file);
      if (!decoded.ok) return { kind: 'error', fileName: file.name, reason: decoded.reason, detail: decoded.detail };
      return { kind: 'opened', fileId: OPENED_FILE_ID, fileName: file.name, text: decoded.text };
    },

    async saveSession(request): Promise<SaveSessionResult> {
      const fileName = downloadFileName(request.suggestedName);
      if (sessionTextBytes(request.text) > MAX_SESSION_BYTES) {
        return { kind: 'error', fileName, problem: 'tooLarge', osCode: null, targetUnchanged: true };
      }
      // octet-stream, so no browser swaps the .wavelength extension for one that matches a MIME type.
      const url = URL.createObjectURL(new Blob([request.text], { type: 'application/octet-stream' }));
      const link = doc.createElement('a');
      link.href = url;
      link.download = fileName;
      link.hidden = true;
      doc.body.append(link);
      link.click();
      link.remove();
      // The download has taken its copy of the blob once click() returns; free it a little later to be safe.
      win.setTimeout(() => URL.revokeObjectURL(url), 1000);
      return { kind: 'saved', fileId: DOWNLOADED_FILE_ID, fileName, backupProblem: null };
    },

    async confirmUnsaved(texts): Promise<UnsavedChoice> {
      const message = `${texts.unsavedTitle}\n\n${texts.unsavedDetail}\n\nOK: ${texts.discard}`;
      return win.confirm(message) ? 'discard' : 'cancel';
    },

    setDocumentState(state) {
      doc.title = state.title;
      if (state.dirty && !unloadGuardInstalled) {
        win.addEventListener('beforeunload', guardUnload);
        unloadGuardInstalled = true;
      } else if (!state.dirty && unloadGuardInstalled) {
        win.removeEventListener('beforeunload', guardUnload);
        unloadGuardInstalled = false;
      }
    },

    setNativeTexts() {
      // No native menus or dialogs to translate; confirmUnsaved gets its texts per call.
    },

    closeWindow() {
      // Scripts may only close windows they opened; the tab stays.
    },

    onCommand() {
      return () => undefined;
    },

    presenter: createBrowserPresenter(win),
    ...createBrowserExports(win),
    autosave: createBrowserAutosave(win.indexedDB),

    async takeLaunchFile() {
      return { kind: 'none' };
    },

    onOpenFile() {
      return () => undefined;
    },

    room: createBrowserRoom(win),
    // A page cannot open a file again by itself: the start screen lists no recent files here.
    recent: null,

    async copyImage(png) {
      return copyImageInBrowser(win, png);
    },
  };
}

/**
 * The Clipboard API, where the browser has it and lets the page write a
 * picture (a secure context, and the page has the focus); otherwise the
 * answer says the browser can't, and the UI suggests the PNG export.
 */
async function copyImageInBrowser(win: Window, png: Uint8Array): Promise<CopyImageResult> {
  const clipboard = win.navigator.clipboard as Clipboard | undefined;
  const Item = (win as Window & typeof globalThis).ClipboardItem as typeof ClipboardItem | undefined;
  if (!clipboard || typeof clipboard.write !== 'function' || typeof Item !== 'function') return { kind: 'unsupported' };
  try {
    const blob = new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' });
    await clipboard.write([new Item({ 'image/png': blob })]);
    return { kind: 'copied' };
  } catch (error) {
    // NotAllowedError: no permission or no focus; the user can still export the PNG.
    return { kind: 'error', problem: 'refused', detail: error instanceof Error ? error.name : String(error) };
  }
}

/** Show the file picker; resolves with the chosen file, or undefined when the user cancels. */
function pickFile(doc: Document): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = FILE_INPUT_ACCEPT;
    input.hidden = true;
    const finish = (file: File | undefined): void => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0]), { once: true });
    // Fired by Chromium ≥ 113 and Firefox ≥ 91 when the picker is dismissed.
    input.addEventListener('cancel', () => finish(undefined), { once: true });
    doc.body.append(input);
    input.click();
  });
}

async function readFileText(file: File): Promise<SessionTextResult> {
  try {
    return decodeSessionBytes(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    return { ok: false, reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
}
