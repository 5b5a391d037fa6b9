import type { WavelengthApi } from '../../shared/contract';
import type { Platform } from './platform';
import { createElectronExports } from './export-electron';
import { createElectronPresenter } from './presenter-electron';
import { UNAVAILABLE_ROOM } from './room';

/**
 * The platform inside Electron: a thin pass-through to the preload's API
 * (`window.wavelength`). Main shows the native dialogs, owns the paths and
 * checks every argument; nothing is decided here.
 */
export function createElectronPlatform(api: WavelengthApi): Platform {
  return {
    kind: 'electron',
    openSession: () => api.openSession(),
    saveSession: (request) => api.saveSession(request),
    confirmUnsaved: (texts) => api.confirmUnsaved(texts),
    setDocumentState: (state) => api.setDocumentState(state),
    setNativeTexts: (texts) => api.setNativeTexts(texts),
    closeWindow: () => api.closeWindow(),
    onCommand: (listener) => api.onCommand(listener),
    presenter: createElectronPresenter(api),
    ...createElectronExports(api),
    autosave: {
      write: (text, meta) => api.writeAutosave({ text, projectName: meta.projectName, fileId: meta.fileId }),
      read: () => api.readAutosave(),
      clear: () => api.clearAutosave(),
    },
    takeLaunchFile: () => api.takeLaunchFile(),
    onOpenFile: (listener) => api.onOpenFile(listener),
    // Main does not run the room server yet (waits for the IPC channel table of issue 9).
    room: UNAVAILABLE_ROOM,
  };
}
