/**
 * The autosave channels' work, for the facilitator's window. The renderer
 * names the original file by its fileId only; main keeps the path beside the
 * autosave. On recovery the path is handed back as an id that is writable
 * only if the user opened that file in this run: otherwise saving asks where,
 * starting at that file — a path read from disk (autosave.json) never becomes
 * a file main writes without the user's say.
 */
import { basename, isAbsolute } from 'node:path';
import type { AutosaveReadResult, AutosaveWriteRequest } from '../../shared/contract';
import type { AutosaveStore } from './autosave';
import type { FileRegistry } from './file-registry';
import { IpcArgumentError } from './ipc-errors';
import { isSessionPath } from './launch-args';

export interface AutosaveRequestDeps {
  store: AutosaveStore;
  files: FileRegistry;
}

export async function writeAutosave(request: AutosaveWriteRequest, deps: AutosaveRequestDeps): Promise<undefined> {
  const originalPath = request.fileId === null ? null : deps.files.pathOf(request.fileId);
  // An id main never handed out is a bug or an attack, not a user situation.
  if (originalPath === undefined) throw new IpcArgumentError('Unknown fileId.');
  await deps.store.write({ text: request.text, projectName: request.projectName, originalPath });
  return undefined;
}

export async function readAutosave(deps: AutosaveRequestDeps): Promise<AutosaveReadResult> {
  const load = await deps.store.read();
  if (load.kind !== 'found') return load;
  const { savedAt, projectName, text, originalPath } = load.record;
  // Only a session file is worth offering back; anything else in autosave.json is forgotten, not written.
  const path = originalPath !== null && isAbsolute(originalPath) && isSessionPath(originalPath) ? originalPath : null;
  return {
    kind: 'found',
    savedAt,
    projectName,
    text,
    fileId: path === null ? null : deps.files.remember(path),
    fileName: path === null ? null : basename(path),
  };
}
