/**
 * The preload: exposes exactly WavelengthApi as `window.wavelength` and
 * nothing else — no ipcRenderer, no channel names, no event objects. Runs
 * sandboxed (CommonJS, only the 'electron' module), so it stays tiny; main
 * checks every argument again anyway.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { APP_COMMANDS, CHANNELS, type AppCommand, type WavelengthApi } from '../contract';

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
};

contextBridge.exposeInMainWorld('wavelength', api);
