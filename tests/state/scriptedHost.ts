import type { AutosaveHost, AutosaveMeta, AutosaveReadResult, NativeTexts, Platform, SaveSessionRequest } from '../../renderer/platform/platform';
import type { AppStore, FileContext } from '../../renderer/state';
import { UNAVAILABLE_ROOM } from '../../renderer/platform/room';

/** A host that records what it was asked and answers from a script (the real hosts are tested end to end). */
export function scriptedHost(answers: Partial<Platform> = {}) {
  const saved: SaveSessionRequest[] = [];
  const host: Platform = {
    kind: 'browser',
    openSession: async () => ({ kind: 'cancelled' }),
    saveSession: async (req) => {
      saved.push(req);
      return { kind: 'saved', fileId: 'f1', fileName: req.suggestedName, backupProblem: null };
    },
    confirmUnsaved: async () => 'cancel',
    setDocumentState: () => {},
    setNativeTexts: () => {},
    closeWindow: () => {},
    onCommand: () => () => {},
    presenter: {
      picksDisplays: false,
      listDisplays: async () => [],
      open: async () => ({ kind: 'opened', status: { open: true, displayId: null } }),
      close: () => {},
      onStatus: () => () => {},
      publish: () => {},
      onState: () => () => {},
      setFullScreen: () => {},
      onFullScreenChange: () => () => {},
      requestStep: () => {},
      onStepRequest: () => () => {},
    },
    exportPdf: async () => ({ kind: 'printing' }),
    exportFile: async (req) => ({ kind: 'exported', fileName: req.suggestedName }),
    autosave: { write: async () => {}, read: async () => ({ kind: 'none' }), clear: async () => {} },
    takeLaunchFile: async () => ({ kind: 'none' }),
    onOpenFile: () => () => {},
    room: UNAVAILABLE_ROOM,
    recent: null,
    copyImage: async () => ({ kind: 'copied' }),
    ...answers,
  };
  return { host, saved };
}

export type AutosaveCall = ['write', string, AutosaveMeta] | ['clear'];

/** An autosave host that records every write and clear, and reads back `found`. */
export function recordingAutosave(found: AutosaveReadResult = { kind: 'none' }) {
  const calls: AutosaveCall[] = [];
  const host: AutosaveHost = {
    write: async (text, meta) => void calls.push(['write', text, meta]),
    read: async () => found,
    clear: async () => void calls.push(['clear']),
  };
  return { host, calls };
}

/** The file actions' context over a scripted host. */
export function fileContext(store: AppStore, platform: Partial<Platform> = {}): FileContext {
  return { store, platform: scriptedHost(platform).host, nativeTexts: () => ({}) as NativeTexts, untitledName: () => 'Retro' };
}
