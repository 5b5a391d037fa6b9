import { SESSION_EXTENSION } from '../../shared/contract';
import { sanitizeFileName } from '../../shared/file-names';
import { createSession, parseSessionFile, serializeSession, type Session, type SessionRepair } from '../domain';
import type { ExternalFileResult, FileProblem, NativeTexts, Platform } from '../platform/platform';
import { isDirty, replaceSession, todayIso, type AppStore } from './store';

/** What file actions need from outside the store. */
export interface FileContext {
  readonly store: AppStore;
  readonly platform: Platform;
  /** Translated texts for the host's native dialogs. */
  readonly nativeTexts: () => NativeTexts;
  /** Name for a session without a project name, e.g. "Retro". */
  readonly untitledName: () => string;
}

/** A file name from the project name, safe on every OS. */
export function suggestFileName(projectName: string, untitled: string): string {
  return sanitizeFileName(projectName, SESSION_EXTENSION, untitled);
}

/** Problems the user gets past by saving somewhere else: the notice offers Save as…. */
const SAVE_AS_HELPS: readonly FileProblem[] = ['readOnlyFile', 'readOnlyVolume', 'noPermission', 'folderMissing', 'isFolder', 'nameTooLong'];

export function saveAsHelpsWith(problem: FileProblem): boolean {
  return SAVE_AS_HELPS.includes(problem);
}

/** Save (in place, or ask where); resolves true when the session is on disk. */
export async function saveSession(ctx: FileContext, options: { saveAs: boolean }): Promise<boolean> {
  const { store, platform } = ctx;
  const state = store.getState();
  // Remember exactly what we wrote: edits made while the dialog is open stay unsaved.
  const written = state.session;
  const result = await platform.saveSession({
    text: serializeSession(written),
    fileId: state.fileId,
    saveAs: options.saveAs || state.fileId === null,
    suggestedName: suggestFileName(written.project.name, ctx.untitledName()),
  });
  switch (result.kind) {
    case 'saved':
      store.setState({
        fileId: result.fileId,
        fileName: result.fileName,
        savedSession: written,
        notice: result.backupProblem
          ? { kind: 'backupNotUpdated', fileName: result.fileName, osCode: result.backupProblem.osCode }
          : { kind: 'saved', fileName: result.fileName },
      });
      return true;
    case 'cancelled':
      return false;
    case 'error': {
      const { fileName, problem, osCode, targetUnchanged } = result;
      store.setState({ notice: { kind: 'saveFailed', fileName, problem, osCode, targetUnchanged } });
      return false;
    }
  }
}

/** Before unsaved changes would be lost: ask, and save if asked to. Resolves true to go on. */
export async function confirmDiscardOrSave(ctx: FileContext): Promise<boolean> {
  if (!isDirty(ctx.store.getState())) return true;
  const choice = await ctx.platform.confirmUnsaved(ctx.nativeTexts());
  switch (choice) {
    case 'save':
      return saveSession(ctx, { saveAs: false });
    case 'discard':
      return true;
    case 'cancel':
      return false;
  }
}

export async function newSession(ctx: FileContext): Promise<boolean> {
  if (!(await confirmDiscardOrSave(ctx))) return false;
  const language = ctx.store.getState().language;
  replaceSession(ctx.store, createSession(language, todayIso()), { fileId: null, fileName: null });
  ctx.store.setState({ notice: null });
  return true;
}

/**
 * Ask for a file and open it. A file that fails to load leaves the current
 * session as it was and is never written to; the notice says why.
 */
export async function openSession(ctx: FileContext): Promise<boolean> {
  if (!(await confirmDiscardOrSave(ctx))) return false;
  const result = await ctx.platform.openSession();
  if (result.kind === 'cancelled') return false;
  const opened = loadReadFile(ctx, result);
  if (!opened) return false;
  showOpened(ctx, opened);
  return true;
}

/**
 * Open a file the host was asked to open from outside (the command line, the
 * file manager, the Finder), already read. It goes the way of Open, except
 * that a broken file is refused before asking about unsaved changes: there is
 * nothing to decide when it can't be opened anyway.
 */
export async function openExternalFile(ctx: FileContext, result: ExternalFileResult): Promise<boolean> {
  const opened = loadReadFile(ctx, result);
  if (!opened) return false;
  if (!(await confirmDiscardOrSave(ctx))) return false;
  showOpened(ctx, opened);
  return true;
}

interface LoadedFile {
  session: Session;
  repairs: readonly SessionRepair[];
  fileId: string;
  fileName: string;
}

/** The session in a file the host read, or undefined after putting the reason it can't be opened in a notice. */
function loadReadFile(ctx: FileContext, result: ExternalFileResult): LoadedFile | undefined {
  if (result.kind === 'error') {
    ctx.store.setState({
      notice: { kind: 'readFailed', fileName: result.fileName, reason: result.reason, detail: result.detail },
    });
    return undefined;
  }
  const parsed = parseSessionFile(result.text);
  if (!parsed.ok) {
    ctx.store.setState({ notice: { kind: 'openFailed', fileName: result.fileName, error: parsed.error } });
    return undefined;
  }
  return { session: parsed.session, repairs: parsed.repairs, fileId: result.fileId, fileName: result.fileName };
}

function showOpened(ctx: FileContext, { session, repairs, fileId, fileName }: LoadedFile): void {
  // A mended session is not what is on disk: it starts unsaved (and autosaved), the file stays untouched until Save.
  replaceSession(ctx.store, session, { fileId, fileName }, { unsaved: repairs.length > 0 });
  ctx.store.setState({ notice: { kind: 'opened', fileName, repairs } });
}

/**
 * Open a session that ships with the app (a sample). It opens as a new,
 * unsaved document: Save asks where, so the bundled file is never touched.
 */
export async function openBundledSession(ctx: FileContext, name: string, text: string): Promise<boolean> {
  if (!(await confirmDiscardOrSave(ctx))) return false;
  const parsed = parseSessionFile(text);
  if (!parsed.ok) {
    ctx.store.setState({ notice: { kind: 'openFailed', fileName: name, error: parsed.error } });
    return false;
  }
  replaceSession(ctx.store, parsed.session, { fileId: null, fileName: null });
  ctx.store.setState({ notice: { kind: 'opened', fileName: name, repairs: parsed.repairs } });
  return true;
}

/** The host is closing the window and the user chose "Save". */
export async function saveAndClose(ctx: FileContext): Promise<void> {
  if (await saveSession(ctx, { saveAs: false })) ctx.platform.closeWindow();
}
