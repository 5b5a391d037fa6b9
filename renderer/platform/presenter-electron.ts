import type { WavelengthApi } from '../../shared/contract';
import type { PresenterHost } from './platform';
import { newerRoomStates } from './room-sequence';

/**
 * The presenter inside Electron: main owns the second window (on the display
 * it is told, full screen) and relays the room state; this is a pass-through
 * to the preload's API.
 */
export function createElectronPresenter(api: WavelengthApi): PresenterHost {
  return {
    picksDisplays: true,
    listDisplays: () => api.listDisplays(),
    async open(displayId) {
      try {
        return { kind: 'opened', status: await api.openPresenter(displayId) };
      } catch (error) {
        return { kind: 'failed', detail: error instanceof Error ? error.message : String(error) };
      }
    },
    close: () => api.closePresenter(),
    onStatus: (listener) => api.onPresenterStatus(listener),
    publish: (state) => api.publishRoomState(state),
    onState: (listener) => api.onRoomState(newerRoomStates(listener)),
    setFullScreen: (on) => api.setFullScreen(on),
    onFullScreenChange: (listener) => api.onFullScreenChange(listener),
    // Main shows the presenter window without taking focus: keys and clickers stay with the facilitator's window.
    requestStep: () => {},
    onStepRequest: () => () => {},
  };
}
