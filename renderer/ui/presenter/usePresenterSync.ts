import { useEffect } from 'react';
import type { RoomState } from '../../platform/platform';
import { nextRoomRev } from '../../platform/room-sequence';
import { findCommand, roomInputsChanged, roomStateOf, sameRoomContent, type AppState } from '../../state';
import { useServices } from '../AppContext';

/**
 * The facilitator's side of the room screen: publishes the room state
 * whenever what the room sees changes (coalesced per task, skipped when
 * nothing visible changed), mirrors the presenter window's status into the
 * store, and puts the window in and out of full screen with present mode.
 */
export function usePresenterSync(): void {
  const { store, platform, files } = useServices();

  useEffect(() => {
    let last: RoomState | null = null;
    let lastInputs: AppState | null = null;
    let rev = 0;
    let queued = false;
    const publish = () => {
      queued = false;
      const state = store.getState();
      // Most store changes (typing in a form, a notice) leave the room as it is: skip them without deriving.
      if (!roomInputsChanged(lastInputs, state)) return;
      lastInputs = state;
      const next = roomStateOf(state, 0);
      if (sameRoomContent(last, next)) return;
      rev = nextRoomRev(rev);
      last = { ...next, rev };
      platform.presenter.publish(last);
    };
    const schedule = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(publish);
    };
    publish();
    const offStore = store.subscribe(schedule);
    const offStatus = platform.presenter.onStatus((status) => {
      store.getState().setPresenterWindow(status);
      // A window that just opened gets the latest state again (the host may have missed it).
      if (status.open && last) platform.presenter.publish(last);
    });
    return () => {
      offStore();
      offStatus();
    };
  }, [store, platform]);

  useEffect(() => {
    // Synchronously inside the key press or click that changed it: browsers allow full screen only then.
    const offStore = store.subscribe((s, prev) => {
      if (s.presenting !== prev.presenting) platform.presenter.setFullScreen(s.presenting);
    });
    // Leaving full screen by other means (the browser's Esc, the OS) leaves present mode too.
    const offFullScreen = platform.presenter.onFullScreenChange((on) => {
      if (!on && store.getState().presenting) store.getState().setPresenting(false);
    });
    return () => {
      offStore();
      offFullScreen();
    };
  }, [store, platform]);

  // A step asked for in the presenter window (a clicker whose keys landed there) runs the same command
  // as → / ← here, when it may run.
  useEffect(
    () =>
      platform.presenter.onStepRequest((direction) => {
        const command = findCommand(direction === 'next' ? 'reveal.next' : 'reveal.previous');
        if (command.enabled(files)) void command.run(files);
      }),
    [platform, files],
  );
}
