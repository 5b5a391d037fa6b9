// The renderer's presenter host inside Electron: a pass-through to the preload
// API that keeps room states in order and turns a refused open into a result.
import { describe, expect, it, vi } from 'vitest';
import { ROOM_STATE_VERSION, type PresenterApi, type RoomState, type WavelengthApi } from '../../shared/contract';
import { createElectronPresenter } from '../../renderer/platform/presenter-electron';

const state = (rev: number) => ({ version: ROOM_STATE_VERSION, rev }) as unknown as RoomState;

function fakeApi() {
  const api = {
    role: 'main' as const,
    listDisplays: vi.fn(async () => []),
    openPresenter: vi.fn(async (displayId: number | null) => ({ open: true, displayId })),
    closePresenter: vi.fn(),
    onPresenterStatus: vi.fn(() => () => undefined),
    publishRoomState: vi.fn(),
    setFullScreen: vi.fn(),
    onFullScreenChange: vi.fn(() => () => undefined),
  };
  return { api };
}

/** The room screen's preload: room states pushed by main, and the latest on request. */
function fakeRoomApi(latest: RoomState | null = null) {
  let push: (state: RoomState) => void = () => undefined;
  const api = {
    role: 'presenter' as const,
    onRoomState: vi.fn((listener: (state: RoomState) => void) => {
      push = listener;
      return () => undefined;
    }),
    currentRoomState: vi.fn(async () => latest),
    setFullScreen: vi.fn(),
    onFullScreenChange: vi.fn(() => () => undefined),
  } satisfies PresenterApi;
  return { api, push: (s: RoomState) => push(s) };
}

describe('createElectronPresenter', () => {
  it('passes calls through to the preload API and can pick displays', async () => {
    const { api } = fakeApi();
    const host = createElectronPresenter(api as unknown as WavelengthApi);
    expect(host.picksDisplays).toBe(true);
    await expect(host.open(2)).resolves.toEqual({ kind: 'opened', status: { open: true, displayId: 2 } });
    host.publish(state(1));
    host.setFullScreen(true);
    host.close();
    expect(api.openPresenter).toHaveBeenCalledWith(2);
    expect(api.publishRoomState).toHaveBeenCalledWith(state(1));
    expect(api.setFullScreen).toHaveBeenCalledWith(true);
    expect(api.closePresenter).toHaveBeenCalledOnce();
  });

  it('reports an open that main refused as failed instead of throwing', async () => {
    const { api } = fakeApi();
    api.openPresenter.mockRejectedValueOnce(new Error('Unknown display.'));
    await expect(createElectronPresenter(api as unknown as WavelengthApi).open(9)).resolves.toEqual({ kind: 'failed', detail: 'Unknown display.' });
  });

  it('in the room screen, hands room states on in revision order, dropping stale ones', () => {
    const { api, push } = fakeRoomApi();
    const listener = vi.fn();
    createElectronPresenter(api).onState(listener);
    push(state(2));
    push(state(1));
    push(state(3));
    expect(listener.mock.calls.map(([s]) => s.rev)).toEqual([2, 3]);
  });

  it('in the room screen, starts from the latest state main kept, unless a newer one came first', async () => {
    const { api, push } = fakeRoomApi(state(4));
    const listener = vi.fn();
    createElectronPresenter(api).onState(listener);
    push(state(5));
    await vi.waitFor(() => expect(api.currentRoomState).toHaveBeenCalledOnce());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(listener.mock.calls.map(([s]) => s.rev)).toEqual([5]);

    const late = fakeRoomApi(state(4));
    const second = vi.fn();
    createElectronPresenter(late.api).onState(second);
    await vi.waitFor(() => expect(second.mock.calls.map(([s]) => s.rev)).toEqual([4]));
  });
});
