/**
 * Which file the app is asked to open on its command line: a double-click in
 * the file manager or Explorer (electron-builder registers .wavelength), a
 * Linux .desktop entry's `%U` (a file:// URL), or `Wavelength Atlas.wavelength`
 * in a terminal — at start (process.argv) or in a second start (the
 * 'second-instance' argv). Pure: no file system, so every rule is unit-tested.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPORT_VALUE_FLAGS } from '../../batch/args';
import { SESSION_EXTENSION } from '../../shared/contract';

export type LaunchRequest =
  | { readonly kind: 'none' }
  /** An absolute path with the .wavelength extension; whether it exists is for whoever reads it. */
  | { readonly kind: 'session'; readonly path: string }
  /** A file was named, but not a session file: the user is told so rather than left wondering. */
  | { readonly kind: 'notSession'; readonly path: string };

export interface LaunchArgvOptions {
  /**
   * Leading entries that are Electron's own: the executable, and, when run as
   * `electron .` (process.defaultApp), the app's path as well.
   */
  readonly skip: number;
  /** The working directory of the process that was started; relative paths are relative to it. */
  readonly cwd: string;
}

/**
 * The file named on a command line. Switches (Chromium's `--flag=value`,
 * macOS's `-psn_…`) are skipped, as are the batch flags with their values; a
 * command line with `--export` opens nothing (batch-export.ts handles it).
 * Of several files, the first session file wins; without one, the first
 * other file is reported as not a session.
 */
export function launchRequestFromArgv(argv: readonly string[], options: LaunchArgvOptions): LaunchRequest {
  const words: string[] = [];
  const args = argv.slice(options.skip);
  let onlyWords = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (onlyWords || !arg.startsWith('-') || arg === '-') {
      words.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyWords = true;
      continue;
    }
    const flag = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (flag === '--export') return { kind: 'none' };
    // `--out folder`: the folder is the flag's value, not a file to open.
    if (EXPORT_VALUE_FLAGS.includes(flag) && flag === arg) i++;
  }

  const paths = words.map((word) => pathOf(word, options.cwd)).filter((path): path is string => path !== undefined);
  const session = paths.find(isSessionPath);
  if (session !== undefined) return { kind: 'session', path: session };
  return paths[0] === undefined ? { kind: 'none' } : { kind: 'notSession', path: paths[0] };
}

/** A path the OS handed over directly (macOS 'open-file'). */
export function launchRequestForPath(path: string, cwd: string): LaunchRequest {
  const absolute = pathOf(path, cwd);
  if (absolute === undefined) return { kind: 'none' };
  return isSessionPath(absolute) ? { kind: 'session', path: absolute } : { kind: 'notSession', path: absolute };
}

export function isSessionPath(path: string): boolean {
  return path.toLowerCase().endsWith(`.${SESSION_EXTENSION}`);
}

/** An absolute path for a word of the command line; undefined for an empty word or a URL that is not file://. */
function pathOf(word: string, cwd: string): string | undefined {
  if (word.trim() === '') return undefined;
  // Two or more letters before "://": a URL. (One letter is a Windows drive, "C:\…".)
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(word)) {
    if (!word.toLowerCase().startsWith('file://')) return undefined;
    try {
      return fileURLToPath(word);
    } catch {
      return undefined;
    }
  }
  return resolve(cwd, word);
}
