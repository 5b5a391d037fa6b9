import type { Platform, SaveSessionRequest } from '../../renderer/platform/platform';
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
