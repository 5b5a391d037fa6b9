import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CurvePoint } from '../domain';
import type { DeviceRoom, DeviceSelf, RefusalReason } from '../../shared/room-protocol';

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'needCode' | 'ended';

/** What the participant page shows; fed by the connection, the drawing and local storage. */
export interface DeviceState {
  connection: ConnectionState;
  room: DeviceRoom | null;
  /** When `room` arrived, on this device's clock (the timer counts from here). */
  roomReceivedAt: number;
  self: DeviceSelf | null;
  /** The last refusal, for a message the person can act on. */
  refusal: { reason: RefusalReason; at: number } | null;
  /** The curve drawn on this device for the current round and person. */
  draft: readonly CurvePoint[];
  sending: boolean;
  /** The person tapped "not me" and is picking again. */
  picking: boolean;
}

export type DeviceStore = StoreApi<DeviceState>;

export function createDeviceStore(): DeviceStore {
  return createStore<DeviceState>()(() => ({
    connection: 'connecting',
    room: null,
    roomReceivedAt: 0,
    self: null,
    refusal: null,
    draft: [],
    sending: false,
    picking: false,
  }));
}

/** Same points, same order: the draft is what the room has. */
export function samePoints(a: readonly (readonly [number, number])[], b: readonly (readonly [number, number])[]): boolean {
  return a.length === b.length && a.every((p, i) => p[0] === b[i]![0] && p[1] === b[i]![1]);
}
