/**
 * The preload: exposes exactly WavelengthApi as `window.wavelength` and
 * nothing else — no ipcRenderer, no channel names, no event objects. Runs
 * sandboxed (CommonJS, only the 'electron' module), so it stays tiny; main
 * checks every argument again anyway.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { APP_COMMANDS, CHANNELS, type AppCommand, type RoomState, type WavelengthApi } from '../../shared/contract';

function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
}

const api: WavelengthApi = {
  openSession: () => ipcRenderer.invoke(CHANNELS.openSession),
  saveSession: (request) => ipcRenderer.invoke(CHANNELS.saveSession, request),
  confirmUnsaved: (texts) => ipcRenderer.invoke(CHANNELS.confirmUnsaved, texts),
  setDocumentState: (state) => ipcRenderer.send(CHANNELS.setDocumentState, state),
  setNativeTexts: (texts) => ipcRenderer.send(CHANNELS.setNativeTexts, texts),
  closeWindow: () => ipcRenderer.send(CHANNELS.closeWindow),
  onCommand(listener) {
    if (typeof listener !== 'function') throw new TypeError('onCommand needs a function.');
    // The page gets the command only: the event would hand it `sender`, i.e. ipcRenderer.
    const relay = (_event: IpcRendererEvent, command: unknown): void => {
      if (isAppCommand(command)) listener(command);
      else console.warn('Ignored an unknown command from main:', command);
    };
    ipcRenderer.on(CHANNELS.command, relay);
    return () => {
      ipcRenderer.removeListener(CHANNELS.command, relay);
    };
  },
  listDisplays: () => ipcRenderer.invoke(CHANNELS.listDisplays),
  openPresenter: (displayId) => ipcRenderer.invoke(CHANNELS.openPresenter, displayId),
  closePresenter: () => ipcRenderer.send(CHANNELS.closePresenter),
  onPresenterStatus: (listener) => subscribe(CHANNELS.presenterStatus, listener),
  publishRoomState: (state) => ipcRenderer.send(CHANNELS.publishRoomState, state),
  onRoomState(listener) {
    const off = subscribe(CHANNELS.roomState, listener);
    // Then ask for the latest state, so a window that opens late starts where the facilitator is.
    void ipcRenderer.invoke(CHANNELS.currentRoomState).then((state: unknown) => {
      if (state !== null && state !== undefined) listener(state as RoomState);
    });
    return off;
  },
  setFullScreen: (on) => ipcRenderer.send(CHANNELS.setFullScreen, on),
  onFullScreenChange: (listener) => subscribe(CHANNELS.fullScreenChanged, listener),
  exportPdf: (request) => ipcRenderer.invoke(CHANNELS.exportPdf, request),
  exportFile: (request) => ipcRenderer.invoke(CHANNELS.exportFile, request),
  writeAutosave: (request) => ipcRenderer.invoke(CHANNELS.writeAutosave, request),
  readAutosave: () => ipcRenderer.invoke(CHANNELS.readAutosave),
  clearAutosave: () => ipcRenderer.invoke(CHANNELS.clearAutosave),
  takeLaunchFile: () => ipcRenderer.invoke(CHANNELS.takeLaunchFile),
  onOpenFile: (listener) => subscribe(CHANNELS.openFile, listener),
};

/**
 * Listen to one channel main pushes on; the page gets the payload only, never
 * the event (it would hand over `sender`, i.e. ipcRenderer). Main is the only
 * sender and checked the payload before relaying it.
 */
function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('A listener must be a function.');
  const relay = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as T);
  ipcRenderer.on(channel, relay);
  return () => {
    ipcRenderer.removeListener(channel, relay);
  };
}

contextBridge.exposeInMainWorld('wavelength', api);
