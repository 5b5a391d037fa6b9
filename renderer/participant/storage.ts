/**
 * What a device keeps for itself, so a phone that locks, reloads or loses
 * the Wi-Fi comes back as the same person where it was: its token and the
 * curve it is drawing (per round and person). Keyed by the room's address,
 * so two rooms never mix. localStorage, not cookies: nothing of it is sent
 * to the server unasked.
 */
import { isValidCurve, type CurvePoint } from '../domain';

export interface DeviceStorage {
  token(): string | null;
  setToken(token: string | null): void;
  /** The join link's secret, kept for this tab in case the token is refused. */
  key(): string | null;
  setKey(key: string | null): void;
  draft(roundId: string, participantId: string): CurvePoint[];
  setDraft(roundId: string, participantId: string, points: readonly CurvePoint[]): void;
}

export function createDeviceStorage(host: string, local: Storage, session: Storage): DeviceStorage {
  const prefix = `wavelength-room:${host}:`;
  const read = (store: Storage, key: string) => {
    try {
      return store.getItem(prefix + key);
    } catch {
      return null; // Private mode on some phones throws: the device then only forgets on reload.
    }
  };
  const write = (store: Storage, key: string, value: string | null) => {
    try {
      if (value === null) store.removeItem(prefix + key);
      else store.setItem(prefix + key, value);
    } catch {
      // As above: storage refused; the page keeps working, it just can't remember across a reload.
    }
  };
  return {
    token: () => read(local, 'token'),
    setToken: (token) => write(local, 'token', token),
    key: () => read(session, 'key'),
    setKey: (key) => write(session, 'key', key),
    draft(roundId, participantId) {
      const raw = read(local, `draft:${roundId}:${participantId}`);
      if (!raw) return [];
      try {
        const points = JSON.parse(raw) as CurvePoint[];
        return Array.isArray(points) && isValidCurve(points) ? points : [];
      } catch {
        return [];
      }
    },
    setDraft(roundId, participantId, points) {
      write(local, `draft:${roundId}:${participantId}`, points.length ? JSON.stringify(points) : null);
    },
  };
}
