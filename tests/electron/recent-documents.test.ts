// File ▸ Open Recent and the start screen's list: main's own list of paths and
// the OS's, on real files in a temp folder; the renderer is played through the
// channel table (ipc-harness), so it sees only ids and names.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileRegistry } from '../../electron/main/file-registry';
import { parseRecentList, RECENT_FILE_NAME, RecentDocuments, serializeRecentList } from '../../electron/main/recent-documents';
import { app, dialog, resetFakeElectron } from './fake-electron';
import { startIpc, type IpcHarness } from './ipc-harness';

vi.mock('electron', () => import('./fake-electron'));

let ipc: IpcHarness;

beforeEach(async () => {
  resetFakeElectron();
  ipc = await startIpc();
});

afterEach(async () => {
  await ipc.dispose();
});

async function sessionFile(name: string, text = '{"format":"wavelength-session"}'): Promise<string> {
  const path = join(ipc.folder, name);
  await writeFile(path, text);
  return path;
}

async function openThroughDialog(path: string): Promise<void> {
  dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
  const result = await ipc.invoke(ipc.main, 'openSession');
  expect(result.kind).toBe('opened');
}

const listFile = () => join(ipc.folder, 'userData', RECENT_FILE_NAME);

describe('what goes into the list', () => {
  it('a file opened through the dialog: first in the list, in the OS list, and kept on disk; the page sees no path but the folder to show', async () => {
    const atlas = await sessionFile('Atlas.wavelength');
    const beta = await sessionFile('Beta.wavelength');
    await openThroughDialog(atlas);
    await openThroughDialog(beta);
    await openThroughDialog(atlas);

    const list = await ipc.invoke(ipc.main, 'listRecent');
    expect(list.map((f) => [f.fileName, f.folder])).toEqual([
      ['Atlas.wavelength', ipc.folder],
      ['Beta.wavelength', ipc.folder],
    ]);
    expect(app.recentDocuments).toEqual([atlas, beta, atlas]);
    await ipc.recent.idle();
    expect(parseRecentList(await readFile(listFile(), 'utf8'))).toEqual([atlas, beta]);
  });

  it('a file saved, and a file the OS handed over, go in too', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(ipc.folder, 'Saved') });
    const saved = await ipc.invoke(ipc.main, 'saveSession', { text: '{}', fileId: null, saveAs: false, suggestedName: 'Saved' });
    expect(saved.kind).toBe('saved');
    const launched = await sessionFile('Launched.wavelength');
    ipc.deps.openRequests.request({ kind: 'session', path: launched });
    await expect(ipc.invoke(ipc.main, 'takeLaunchFile')).resolves.toMatchObject({ kind: 'opened' });
    expect((await ipc.invoke(ipc.main, 'listRecent')).map((f) => f.fileName)).toEqual(['Launched.wavelength', 'Saved.wavelength']);
  });

  it('keeps the ten latest', async () => {
    for (let i = 0; i < 12; i++) await openThroughDialog(await sessionFile(`R${i}.wavelength`));
    const names = (await ipc.invoke(ipc.main, 'listRecent')).map((f) => f.fileName);
    expect(names).toEqual(['R11', 'R10', 'R9', 'R8', 'R7', 'R6', 'R5', 'R4', 'R3', 'R2'].map((n) => `${n}.wavelength`));
  });

  it('tells the facilitator’s window when the list changed', async () => {
    const sent: unknown[] = [];
    const recent = new RecentDocuments({ listFile: listFile(), files: new FileRegistry(), os: app, changed: (list) => sent.push(list) });
    recent.add(join(ipc.folder, 'A.wavelength'));
    recent.clear();
    expect(sent).toEqual([[expect.objectContaining({ fileName: 'A.wavelength' })], []]);
    await recent.idle();
  });
});

describe('opening a recent file checks it again', () => {
  it('reads it afresh and hands out a writable id, and it moves to the front', async () => {
    const atlas = await sessionFile('Atlas.wavelength');
    await openThroughDialog(atlas);
    await openThroughDialog(await sessionFile('Beta.wavelength'));
    await writeFile(atlas, '{"changed":true}');
    const [, atlasEntry] = await ipc.invoke(ipc.main, 'listRecent');

    const opened = await ipc.invoke(ipc.main, 'openRecent', atlasEntry!.recentId);
    expect(opened).toMatchObject({ kind: 'opened', fileName: 'Atlas.wavelength', text: '{"changed":true}' });
    if (opened.kind !== 'opened') throw new Error('not opened');
    expect(ipc.files.fileOf(opened.fileId)).toEqual({ path: atlas, writable: true });
    expect((await ipc.invoke(ipc.main, 'listRecent')).map((f) => f.fileName)).toEqual(['Atlas.wavelength', 'Beta.wavelength']);
  });

  it('a file that is gone says so and leaves the list', async () => {
    const gone = await sessionFile('Gone.wavelength');
    await openThroughDialog(gone);
    await rm(gone);
    const [entry] = await ipc.invoke(ipc.main, 'listRecent');
    await expect(ipc.invoke(ipc.main, 'openRecent', entry!.recentId)).resolves.toMatchObject({ kind: 'error', fileName: 'Gone.wavelength', reason: 'notFound' });
    await expect(ipc.invoke(ipc.main, 'listRecent')).resolves.toEqual([]);
  });

  it('a folder now where the file was is unreadable, and stays listed (it may be a drive not mounted yet)', async () => {
    const path = await sessionFile('Moved.wavelength');
    await openThroughDialog(path);
    await rm(path);
    await mkdir(path);
    const [entry] = await ipc.invoke(ipc.main, 'listRecent');
    await expect(ipc.invoke(ipc.main, 'openRecent', entry!.recentId)).resolves.toMatchObject({ kind: 'error', reason: 'unreadable' });
    expect(await ipc.invoke(ipc.main, 'listRecent')).toHaveLength(1);
  });

  it('refuses an id that is not in the list, even one main handed out for another file', async () => {
    const other = await sessionFile('Other.wavelength');
    const id = ipc.files.register(other);
    await expect(ipc.invokeRaw(ipc.main, 'openRecent', [id])).rejects.toThrow(/Unknown recent file/);
    await expect(ipc.invokeRaw(ipc.main, 'openRecent', ['made-up'])).rejects.toThrow(/Unknown recent file/);
  });

  it('only the facilitator’s window may use the list', async () => {
    const room = await ipc.window('presenter');
    await expect(ipc.invokeRaw(room, 'listRecent', [])).rejects.toThrow(/not open to the presenter window/);
  });
});

describe('clearing and the file on disk', () => {
  it('Clear empties our list and the OS’s', async () => {
    await openThroughDialog(await sessionFile('Atlas.wavelength'));
    await ipc.invoke(ipc.main, 'clearRecent');
    expect(app.recentDocuments).toEqual([]);
    await expect(ipc.invoke(ipc.main, 'listRecent')).resolves.toEqual([]);
    await ipc.recent.idle();
    expect(parseRecentList(await readFile(listFile(), 'utf8'))).toEqual([]);
  });

  it('a list left by an earlier run is read back; a broken one is an empty list', async () => {
    const atlas = await sessionFile('Atlas.wavelength');
    await mkdir(join(ipc.folder, 'userData'), { recursive: true });
    await writeFile(listFile(), serializeRecentList([atlas]));
    const recent = new RecentDocuments({ listFile: listFile(), files: new FileRegistry(), os: app });
    recent.load();
    expect(recent.list().map((f) => f.fileName)).toEqual(['Atlas.wavelength']);

    await writeFile(listFile(), '{"format":"wavelength-recent-documents","version":1,"paths":[');
    recent.load();
    expect(recent.list()).toEqual([]);
  });

  it('parseRecentList keeps only absolute session paths of a list it knows', () => {
    const list = (paths: unknown) => JSON.stringify({ format: 'wavelength-recent-documents', version: 1, paths });
    expect(parseRecentList(list(['/a/Atlas.wavelength', '/a/Atlas.wavelength', '/b/Beta.WAVELENGTH']))).toEqual(['/a/Atlas.wavelength', '/b/Beta.WAVELENGTH']);
    // One bad entry means the file is not ours as written: nothing of it is trusted.
    expect(parseRecentList(list(['/a/Atlas.wavelength', 'relative.wavelength']))).toEqual([]);
    expect(parseRecentList(list(['/etc/passwd']))).toEqual([]);
    expect(parseRecentList(list([42]))).toEqual([]);
    expect(parseRecentList(JSON.stringify({ format: 'other', version: 1, paths: [] }))).toEqual([]);
    expect(parseRecentList(JSON.stringify({ format: 'wavelength-recent-documents', version: 2, paths: [] }))).toEqual([]);
    expect(parseRecentList('not json')).toEqual([]);
  });
});

