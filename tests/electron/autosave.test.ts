// The autosave on disk, on real files in a temp folder.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SESSION_BYTES } from '../../shared/contract';
import { AUTOSAVE_FILE_NAME, AutosaveStore, compareVersions, OLDER_AUTOSAVE_FILE_NAME } from '../../electron/main/autosave';

let root: string;
let folder: string;
let store: AutosaveStore;
const NOW = new Date('2026-03-12T13:05:00.000Z');

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'wavelength-autosave-'));
  folder = join(root, 'userData', 'autosave');
  store = new AutosaveStore(folder, () => NOW, '0.1.0');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const entry = { text: '{"format":"wavelength-session"}', projectName: 'Projekt Atlas', originalPath: '/home/anna/Atlas.wavelength' };

/** Put raw content where the autosave lives, as a crash or a broken disk might leave it. */
async function plant(content: string | Buffer): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, AUTOSAVE_FILE_NAME), content);
}

const record = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'wavelength-autosave', version: 1, savedAt: NOW.toISOString(), projectName: 'A', originalPath: null, text: '{}', ...fields });

describe('AutosaveStore', () => {
  it('finds nothing before the first write', async () => {
    await expect(store.read()).resolves.toEqual({ kind: 'none' });
  });

  it('writes into a folder it makes, and reads back what it wrote with main’s time', async () => {
    await store.write(entry);
    expect(await readdir(folder)).toEqual([AUTOSAVE_FILE_NAME]);
    await expect(store.read()).resolves.toEqual({ kind: 'found', record: { ...entry, savedAt: NOW.toISOString() } });
  });

  it('replaces the previous autosave, keeping no backup', async () => {
    await store.write(entry);
    await store.write({ ...entry, text: '{"v":2}', originalPath: null });
    expect(await readdir(folder)).toEqual([AUTOSAVE_FILE_NAME]);
    await expect(store.read()).resolves.toMatchObject({ kind: 'found', record: { text: '{"v":2}', originalPath: null } });
  });

  it('clear removes the folder, with any temp file a crash mid-write left', async () => {
    await store.write(entry);
    await writeFile(join(folder, '.autosave.json.0123456789ab.tmp'), 'half');
    await store.clear();
    await expect(readdir(folder)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(store.read()).resolves.toEqual({ kind: 'none' });
    // Clearing when there is nothing is fine.
    await expect(store.clear()).resolves.toBeUndefined();
  });

  it('runs writes and clears in the order asked, so a clear after a write wins', async () => {
    const pending = [store.write(entry), store.clear(), store.write({ ...entry, text: 'last' }), store.clear()];
    await store.idle();
    await Promise.all(pending);
    await expect(store.read()).resolves.toEqual({ kind: 'none' });

    void store.clear();
    void store.write({ ...entry, text: 'kept' });
    await store.idle();
    await expect(store.read()).resolves.toMatchObject({ kind: 'found', record: { text: 'kept' } });
  });

  it('a failed write rejects, and the queue goes on', async () => {
    // A file where the folder should be: mkdir fails.
    await mkdir(join(root, 'userData'), { recursive: true });
    await writeFile(folder, 'not a folder');
    await expect(store.write(entry)).rejects.toThrow();
    await rm(folder);
    await expect(store.write(entry)).resolves.toBeUndefined();
  });

  it.each([
    ['cut off', '{"format":"wavelength-autosave","version":1,"savedAt":"2026'],
    ['not JSON at all', 'hello'],
    ['an array', '[]'],
    ['another format', record({ format: 'wavelength-session' })],
    ['an older, unknown version', record({ version: 0 })],
    ['no valid time', record({ savedAt: 'yesterday' })],
    ['no project name', record({ projectName: 7 })],
    ['a wrong original path', record({ originalPath: { path: '/x' } })],
    ['no session text', record({ text: null })],
  ])('reports an autosave that is %s as corrupt, without throwing', async (_what, content) => {
    await plant(content);
    const result = await store.read();
    expect(result).toMatchObject({ kind: 'corrupt', detail: expect.any(String) });
  });

  it('reports bytes that are not UTF-8 as corrupt', async () => {
    await plant(Buffer.from([0x7b, 0xe4, 0x7d]));
    await expect(store.read()).resolves.toMatchObject({ kind: 'corrupt' });
  });

  it('reports a session text over MAX_SESSION_BYTES as corrupt', async () => {
    await plant(record({ text: 'x'.repeat(MAX_SESSION_BYTES + 1) }));
    await expect(store.read()).resolves.toMatchObject({ kind: 'corrupt', detail: expect.stringMatching(/too large/) });
  });

  it('stores the session text verbatim inside its JSON envelope', async () => {
    const text = '{"a":"ä \\" \\n"}';
    await store.write({ ...entry, text });
    const raw = JSON.parse(await readFile(store.path, 'utf8')) as { text: string };
    expect(raw.text).toBe(text);
  });

  it('stamps the autosave with the app version that wrote it', async () => {
    await store.write(entry);
    expect(JSON.parse(await readFile(store.path, 'utf8'))).toMatchObject({ appVersion: '0.1.0', version: 1 });
  });
});

describe('a newer version’s autosave', () => {
  const newer = [
    ['a newer autosave format', record({ version: 2, somethingNew: true })],
    ['a newer app version', record({ appVersion: '0.2.0', text: '{"from":"newer"}' })],
  ] as const;

  it.each(newer)('with %s is neither offered, nor cleared, nor overwritten', async (_what, content) => {
    await plant(content);
    await expect(store.read()).resolves.toEqual({ kind: 'none' });

    // This older version autosaves beside it, and reads its own back.
    await store.write(entry);
    expect(await readFile(store.path, 'utf8')).toBe(content);
    await expect(store.read()).resolves.toMatchObject({ kind: 'found', record: { text: entry.text } });

    // Saving, New, Don't save: clear removes this version's autosave only.
    await store.clear();
    expect(await readdir(folder)).toEqual([AUTOSAVE_FILE_NAME]);
    expect(await readFile(store.path, 'utf8')).toBe(content);
    await expect(store.read()).resolves.toEqual({ kind: 'none' });
  });

  it('is also left alone by a clear that comes first (the renderer clears when it starts clean)', async () => {
    await plant(record({ appVersion: '1.0.0' }));
    await store.clear();
    expect(await readdir(folder)).toEqual([AUTOSAVE_FILE_NAME]);
  });

  it('an older or the same version’s autosave is this version’s to offer and clear', async () => {
    await plant(record({ appVersion: '0.0.9' }));
    await expect(store.read()).resolves.toMatchObject({ kind: 'found' });
    await store.write(entry);
    expect(await readdir(folder)).toEqual([AUTOSAVE_FILE_NAME]);
    await store.clear();
    await expect(readdir(folder)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('compares versions by their numbers', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0-beta.1')).toBe(0);
    expect(compareVersions('0.1', '0.1.0')).toBe(0);
    expect(compareVersions('0.1.0', '0.2.0')).toBeLessThan(0);
  });

  it('the file this version writes beside a newer one has its own name', () => {
    expect(OLDER_AUTOSAVE_FILE_NAME).not.toBe(AUTOSAVE_FILE_NAME);
  });
});
