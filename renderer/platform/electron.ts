import type { AnyRoleApi, WavelengthApi } from '../../shared/contract';
import type { Platform } from './platform';
import { createElectronExports } from './export-electron';
import { createElectronPresenter } from './presenter-electron';
import { UNAVAILABLE_ROOM } from './room';
import { createElectronRoom } from './room-electron';

/**
 * The platform inside Electron: a thin pass-through to the preload's API
 * (`window.wavelength`), whose shape comes from the channel table
 * (shared/ipc.ts). Main shows the native dialogs, owns the paths and checks
 * every argument; nothing is decided here.
 *
 * The facilitator's window gets the whole platform. The room screen's preload
 * exposes only the room state and full screen: there, everything else
 * refuses with a reason (the room screen never asks for it).
 */
export function createElectronPlatform(api: AnyRoleApi): Platform {
  return api.role === 'main' ? facilitatorPlatform(api) : roomScreenPlatform(api);
}

function facilitatorPlatform(api: WavelengthApi): Platform {
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
    room: createElectronRoom(api),
    recent: {
      list: () => api.listRecent(),
      open: (recentId) => api.openRecent(recentId),
      clear: () => api.clearRecent(),
      onChange: (listener) => api.onRecentChanged(listener),
    },
    copyImage: (png) => api.copyImage({ png }),
  };
}

function roomScreenPlatform(api: Exclude<AnyRoleApi, WavelengthApi>): Platform {
  const refused = (what: string) => () => Promise.reject(new Error(`${what} is not open to the ${api.role} window.`));
  const nothing = (): void => undefined;
  return {
    kind: 'electron',
    openSession: refused('Opening a session'),
    saveSession: refused('Saving a session'),
    confirmUnsaved: refused('Asking about unsaved changes'),
    setDocumentState: nothing,
    setNativeTexts: nothing,
    closeWindow: nothing,
    onCommand: () => nothing,
    presenter: createElectronPresenter(api),
    exportPdf: refused('Exporting'),
    exportFile: refused('Exporting'),
    autosave: { write: refused('The autosave'), read: refused('The autosave'), clear: refused('The autosave') },
    takeLaunchFile: refused('The launch file'),
    onOpenFile: () => nothing,
    // The room's controls belong to the facilitator's window alone.
    room: UNAVAILABLE_ROOM,
    recent: null,
    copyImage: refused('The clipboard'),
  };
}
