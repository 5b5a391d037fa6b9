import type { AnyRoleApi, PresenterApi, WavelengthApi } from '../../shared/contract';
import type { PresenterHost } from './platform';
import { newerRoomStates } from './room-sequence';

const nothing = (): void => undefined;

/**
 * The presenter inside Electron: main owns the second window (on the display
 * it is told, full screen) and relays the room state. The facilitator's
 * window controls it; the room screen's own window only receives states and
 * knows about full screen — its preload exposes nothing else.
 */
export function createElectronPresenter(api: AnyRoleApi): PresenterHost {
  return api.role === 'main' ? facilitatorPresenter(api) : roomScreenPresenter(api);
}

function facilitatorPresenter(api: WavelengthApi): PresenterHost {
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
    // Room states go to the room screen only.
    onState: () => nothing,
    setFullScreen: (on) => api.setFullScreen(on),
    onFullScreenChange: (listener) => api.onFullScreenChange(listener),
    // Main shows the presenter window without taking focus: keys and clickers stay with the facilitator's window.
    requestStep: nothing,
    onStepRequest: () => nothing,
  };
}

function roomScreenPresenter(api: PresenterApi | Exclude<AnyRoleApi, WavelengthApi | PresenterApi>): PresenterHost {
  const room = api.role === 'presenter' ? api : undefined;
  return {
    picksDisplays: false,
    listDisplays: async () => [],
    open: async () => ({ kind: 'failed', detail: 'The room screen cannot open another one.' }),
    close: nothing,
    onStatus: () => nothing,
    publish: nothing,
    onState(listener) {
      if (!room) return nothing;
      const inOrder = newerRoomStates(listener);
      const off = room.onRoomState(inOrder);
      // Then ask for the latest state, so a window that opens late starts where the facilitator is.
      void room
        .currentRoomState()
        .then((state) => {
          if (state !== null) inOrder(state);
        })
        .catch((error: unknown) => console.warn('Could not ask for the room state.', error));
      return off;
    },
    setFullScreen: (on) => room?.setFullScreen(on),
    onFullScreenChange: (listener) => room?.onFullScreenChange(listener) ?? nothing,
    requestStep: nothing,
    onStepRequest: () => nothing,
  };
}
