/**
 * Shape checks for everything the renderer sends over IPC. The renderer is
 * treated as untrusted input: exact argument counts, exact keys, exact types,
 * bounded sizes. Each parser returns a fresh, typed value or throws
 * IpcArgumentError, which rejects the renderer's invoke() call.
 */
import {
  APP_COMMANDS,
  MAX_SESSION_BYTES,
  type AutosaveWriteRequest,
  type DocumentState,
  type NativeTexts,
  type SaveSessionRequest,
} from '../../shared/contract';

export class IpcArgumentError extends Error {
  override name = 'IpcArgumentError';
}

/** Longest label, title or message we accept; far beyond any real translation. */
const MAX_TEXT_LENGTH = 2000;
/** Longest suggested file name or file id we accept before even looking at it. */
const MAX_NAME_LENGTH = 1000;

const MENU_TEXT_KEYS = [...APP_COMMANDS, 'file', 'edit', 'view', 'window', 'help', 'quit'] as const;
// Compile-time proof that MENU_TEXT_KEYS lists exactly the keys of NativeTexts['menu'].
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const menuTextKeysAreExact: SameKeys<(typeof MENU_TEXT_KEYS)[number], keyof NativeTexts['menu']> = true;

const NATIVE_TEXT_KEYS = [
  'unsavedTitle',
  'unsavedMessage',
  'unsavedDetail',
  'save',
  'discard',
  'cancel',
  'fileFilterName',
] as const satisfies readonly Exclude<keyof NativeTexts, 'menu'>[];

export function expectArgumentCount(args: readonly unknown[], count: number): void {
  if (args.length !== count) {
    throw new IpcArgumentError(`Expected ${count} argument(s), got ${args.length}.`);
  }
}

export function parseSaveSessionRequest(value: unknown): SaveSessionRequest {
  const object = expectRecord(value, 'save request', ['text', 'fileId', 'saveAs', 'suggestedName']);
  return {
    text: expectSessionText(object.text, 'text'),
    fileId: expectFileId(object.fileId),
    saveAs: expectBoolean(object.saveAs, 'saveAs'),
    suggestedName: expectString(object.suggestedName, 'suggestedName', MAX_NAME_LENGTH),
  };
}

export function parseAutosaveWriteRequest(value: unknown): AutosaveWriteRequest {
  const object = expectRecord(value, 'autosave request', ['text', 'projectName', 'fileId']);
  return {
    text: expectSessionText(object.text, 'text'),
    projectName: expectString(object.projectName, 'projectName', MAX_TEXT_LENGTH),
    fileId: expectFileId(object.fileId),
  };
}

/** A session file's text: a string of at most MAX_SESSION_BYTES in UTF-8. */
function expectSessionText(value: unknown, what: string): string {
  const text = expectString(value, what, MAX_SESSION_BYTES);
  // Length in UTF-16 units is a lower bound of the UTF-8 size, so the cheap check above comes first.
  if (Buffer.byteLength(text, 'utf8') > MAX_SESSION_BYTES) {
    throw new IpcArgumentError(`${what} is larger than ${MAX_SESSION_BYTES} bytes.`);
  }
  return text;
}

/** null, or a string short enough to look up; whether main handed it out is the caller's check. */
function expectFileId(value: unknown): string | null {
  return value === null ? null : expectString(value, 'fileId', MAX_NAME_LENGTH);
}

export function parseDocumentState(value: unknown): DocumentState {
  const object = expectRecord(value, 'document state', ['title', 'dirty']);
  return {
    title: expectString(object.title, 'title', MAX_TEXT_LENGTH),
    dirty: expectBoolean(object.dirty, 'dirty'),
  };
}

export function parseNativeTexts(value: unknown): NativeTexts {
  const object = expectRecord(value, 'native texts', [...NATIVE_TEXT_KEYS, 'menu']);
  const menuObject = expectRecord(object.menu, 'menu texts', MENU_TEXT_KEYS);
  const menu = Object.fromEntries(
    MENU_TEXT_KEYS.map((key) => [key, expectString(menuObject[key], `menu.${key}`, MAX_TEXT_LENGTH)]),
  ) as NativeTexts['menu'];
  const texts = Object.fromEntries(
    NATIVE_TEXT_KEYS.map((key) => [key, expectString(object[key], key, MAX_TEXT_LENGTH)]),
  ) as Omit<NativeTexts, 'menu'>;
  return { ...texts, menu };
}

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
