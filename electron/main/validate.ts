/**
 * Hand-written shape checks, kept only for electron/main/room-state.ts until
 * the room state's zod schema lives in shared/room-state.ts; every other
 * argument is checked by its schema in the channel table (shared/ipc.ts).
 */
import { IpcArgumentError } from './ipc-errors';

export { IpcArgumentError };

/** A plain object (as structured clone delivers it) with exactly `keys`. */
export function expectRecord(value: unknown, what: string, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new IpcArgumentError(`${what} must be an object.`);
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new IpcArgumentError(`${what} must be a plain object.`);
  }
  const actual = Object.keys(value);
  const missing = keys.filter((key) => !Object.hasOwn(value, key));
  const extra = actual.filter((key) => !keys.includes(key));
  if (missing.length > 0 || extra.length > 0) {
    throw new IpcArgumentError(
      `${what} has wrong keys (missing: ${missing.join(', ') || '-'}; unexpected: ${extra.join(', ') || '-'}).`,
    );
  }
  return value as Record<string, unknown>;
}

export function expectString(value: unknown, what: string, maxLength: number): string {
  if (typeof value !== 'string') throw new IpcArgumentError(`${what} must be a string.`);
  if (value.length > maxLength) throw new IpcArgumentError(`${what} is too long.`);
  return value;
}

export function expectBoolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw new IpcArgumentError(`${what} must be a boolean.`);
  return value;
}
