import { link, lstat, mkdtemp, mkdir, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SESSION_BYTES } from '../../shared/contract';
import { FileWriteError, isTempFileName, nodeSaveFs, readSessionFile, removeStaleTempFiles, writeFileAtomic, type SaveFs } from '../../electron/main/files';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'wavelength-files-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Real fs with some calls swapped for ones that fail the way a full disk or a shared folder does. */
const withFs = (swapped: Partial<SaveFs>): SaveFs => ({ ...nodeSaveFs, ...swapped });

/** Temp files of saves left in the folder. */
const tempFiles = async (): Promise<string[]> => (await readdir(folder)).filter((name) => name.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  it('creates a new file without a backup', async () => {
    const target = join(folder, 'Atlas.wavelength');
    await writeFileAtomic(target, '{"v":1}');
    expect(await readFile(target, 'utf8')).toBe('{"v":1}');
    expect(await readdir(folder)).toEqual(['Atlas.wavelength']);
  });

  it('replaces the content and keeps the previous version as .bak', async () => {
    const target = join(folder, 'Atlas.wavelength');
    await writeFile(target, 'first');
    await writeFileAtomic(target, 'second');
    expect(await readFile(target, 'utf8')).toBe('second');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('first');

    await writeFileAtomic(target, 'third');
    expect(await readFile(target, 'utf8')).toBe('third');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('second');
    expect((await readdir(folder)).sort()).toEqual(['Atlas.wavelength', 'Atlas.wavelength.bak']);
  });

  it('writes non-ASCII text as UTF-8', async () => {
    const target = join(folder, 'Übergabe.wavelength');
    await writeFileAtomic(target, 'Begeisterung – Übergabe 😀');
    expect((await readFile(target)).equals(Buffer.from('Begeisterung – Übergabe 😀', 'utf8'))).toBe(true);
  });

  it('keeps the permission bits of the file it replaces', async () => {
    if (process.platform === 'win32') return;
    const target = join(folder, 'private.wavelength');
    await writeFile(target, 'old', { mode: 0o600 });
    await writeFileAtomic(target, 'new');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('leaves the old file whole and no temp file behind when the rename fails', async () => {
    const target = join(folder, 'Atlas.wavelength');
    await writeFile(target, 'precious');
    const rename: typeof fsp.rename = async () => {
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    };

    await expect(writeFileAtomic(target, 'new', { fs: withFs({ rename }) })).rejects.toMatchObject({
      problem: 'diskFull',
      osCode: 'ENOSPC',
      targetUnchanged: true,
    });

    expect(await readFile(target, 'utf8')).toBe('precious');
    expect(await tempFiles()).toEqual([]);
  });

  it('a full disk while writing the new version: target and backup as they were, no temp file', async () => {
    const target = join(folder, 'Atlas.wavelength');
    await writeFile(target, 'current');
    await writeFile(`${target}.bak`, 'older');
    const open = (async (path: string, flags: string, mode?: number) => {
      const handle = await fsp.open(path, flags, mode);
      if (flags !== 'wx') return handle;
      // The disk fills up halfway through the new version.
      return {
        writeFile: async (data: Uint8Array) => {
          await handle.writeFile(data.subarray(0, 2));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    }) as unknown as typeof fsp.open;

    await expect(writeFileAtomic(target, 'the new version', { fs: withFs({ open }) })).rejects.toMatchObject({ problem: 'diskFull', targetUnchanged: true });
    expect(await readFile(target, 'utf8')).toBe('current');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('older');
    expect(await tempFiles()).toEqual([]);
  });

  it('a full disk during the backup copy keeps the older .bak whole and fails the save with the target unchanged', async () => {
    const target = join(folder, 'Atlas.wavelength');
    await writeFile(target, 'current version');
    await writeFile(`${target}.bak`, 'older version');
    // Like a real copy on a full disk: the destination is created and half filled, then ENOSPC.
    const copyFile: typeof fsp.copyFile = async (source, destination) => {
      await writeFile(destination, (await readFile(source)).subarray(0, 4));
      throw Object.assign(new Error('ENOSPC: no space left on device, copyfile'), { code: 'ENOSPC' });
    };

    const failure = await writeFileAtomic(target, 'new version', { fs: withFs({ copyFile }) }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(FileWriteError);
    expect(failure).toMatchObject({ problem: 'diskFull', osCode: 'ENOSPC', targetUnchanged: true });
    expect(await readFile(target, 'utf8')).toBe('current version');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('older version');
    expect(await tempFiles()).toEqual([]);
  });

  it('a .bak that may not be replaced (someone else’s) does not block the save; it is reported and left alone', async () => {
    const target = join(folder, 'Atlas.wavelength');
    await writeFile(target, 'current');
    await writeFile(`${target}.bak`, 'theirs');
    // A shared folder with the sticky bit: renaming over another user's file is refused.
    const rename: typeof fsp.rename = async (from, to) => {
      if (String(to).endsWith('.bak')) throw Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' });
      return fsp.rename(from, to);
    };

    const outcome = await writeFileAtomic(target, 'new', { fs: withFs({ rename }) });

    expect(outcome.backup).toEqual({ problem: 'noPermission', osCode: 'EPERM' });
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('theirs');
    expect(await tempFiles()).toEqual([]);
  });

  it('a read-only .bak (real file) no longer blocks every save: it is replaced by the new backup', async () => {
    const target = join(folder, 'Atlas.wavelength');
    await writeFile(target, 'current');
    await writeFile(`${target}.bak`, 'old backup', { mode: 0o444 });
    await expect(writeFileAtomic(target, 'new')).resolves.toMatchObject({ backup: 'updated' });
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('current');
  });

  it('refuses a read-only target with a reason, before writing anything', async () => {
    const target = join(folder, 'Atlas.wavelength');
    await writeFile(target, 'locked', { mode: 0o444 });
    await expect(writeFileAtomic(target, 'new')).rejects.toMatchObject({ problem: 'readOnlyFile', targetUnchanged: true });
    expect(await readFile(target, 'utf8')).toBe('locked');
    expect(await readdir(folder)).toEqual(['Atlas.wavelength']);
  });

  it('writes through a symbolic link: the link stays a link to the file, which holds the new version', async () => {
    if (process.platform === 'win32') return;
    const synced = join(folder, 'Sync');
    await mkdir(synced);
    const real = join(synced, 'Atlas.wavelength');
    await writeFile(real, 'old');
    const link = join(folder, 'Atlas.wavelength');
    await symlink(join('Sync', 'Atlas.wavelength'), link);

    const outcome = await writeFileAtomic(link, 'new');

    expect(outcome.writtenTo).toBe(real);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe('new');
    expect(await readFile(`${real}.bak`, 'utf8')).toBe('old');
    expect((await readdir(folder)).sort()).toEqual(['Atlas.wavelength', 'Sync']);
  });

  it('writes a file with several hard links in place, so every name sees the new version', async () => {
    if (process.platform === 'win32') return;
    const target = join(folder, 'Atlas.wavelength');
    await writeFile(target, 'the old, longer version');
    const other = join(folder, 'Also Atlas.wavelength');
    await link(target, other);

    await writeFileAtomic(target, 'new');

    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readFile(other, 'utf8')).toBe('new');
    expect((await stat(target)).ino).toBe((await stat(other)).ino);
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('the old, longer version');
    expect(await tempFiles()).toEqual([]);
  });

  it('removes the temp files killed saves of this file left, and other saves’ only when they are stale', async () => {
    const target = join(folder, 'Atlas.wavelength');
    await writeFile(target, 'old');
    const leftovers = ['.Atlas.wavelength.~wavelength-0123456789ab.tmp', '.Atlas.wavelength.bak.~wavelength-0123456789ab.tmp', '.Atlas.wavelength.0123456789ab.tmp'];
    for (const name of leftovers) await writeFile(join(folder, name), 'half a session');
    const staleOther = '.Beta.wavelength.~wavelength-aaaaaaaaaaaa.tmp';
    const freshOther = '.Gamma.wavelength.~wavelength-bbbbbbbbbbbb.tmp';
    const notOurs = '.Beta.wavelength.swp';
    for (const name of [staleOther, freshOther, notOurs]) await writeFile(join(folder, name), 'x');
    const anHourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await utimes(join(folder, staleOther), anHourAgo, anHourAgo);

    await writeFileAtomic(target, 'new');

    expect((await readdir(folder)).sort()).toEqual(['.Beta.wavelength.swp', freshOther, 'Atlas.wavelength', 'Atlas.wavelength.bak'].sort());
  });

  it('names its temp files so they can be told from anyone else’s', () => {
    expect(isTempFileName('.Atlas.wavelength.~wavelength-0123456789ab.tmp', 'Atlas.wavelength')).toBe(true);
    expect(isTempFileName('.Atlas.wavelength.bak.~wavelength-0123456789ab.tmp', 'Atlas.wavelength')).toBe(true);
    expect(isTempFileName('.Atlas.wavelength.~wavelength-0123456789ab.tmp', 'Beta.wavelength')).toBe(false);
    expect(isTempFileName('.Atlas.wavelength.0123456789ab.tmp')).toBe(false);
    expect(isTempFileName('Atlas.wavelength~')).toBe(false);
  });

  it('at start-up, removes every temp file of the app in its own folders', async () => {
    await writeFile(join(folder, '.autosave.json.~wavelength-0123456789ab.tmp'), 'half');
    await writeFile(join(folder, 'autosave.json'), '{}');
    expect(await removeStaleTempFiles(folder)).toEqual(['.autosave.json.~wavelength-0123456789ab.tmp']);
    expect(await readdir(folder)).toEqual(['autosave.json']);
  });

  it('fails without side effects when the target is a folder (real fs, no injection)', async () => {
    const target = join(folder, 'Atlas.wavelength');
    await mkdir(target);
    await writeFile(join(target, 'inside.txt'), 'untouched');

    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();

    expect((await stat(target)).isDirectory()).toBe(true);
    expect(await readFile(join(target, 'inside.txt'), 'utf8')).toBe('untouched');
    expect(await readdir(folder)).toEqual(['Atlas.wavelength']);
  });

  it('fails when the folder does not exist, saying so', async () => {
    await expect(writeFileAtomic(join(folder, 'missing', 'a.wavelength'), 'x')).rejects.toMatchObject({ problem: 'folderMissing', osCode: 'ENOENT' });
  });
});

describe('readSessionFile', () => {
  it('reads UTF-8 text', async () => {
    const path = join(folder, 'ok.wavelength');
    await writeFile(path, '{"name":"Größe ✓"}', 'utf8');
    expect(await readSessionFile(path)).toEqual({ ok: true, text: '{"name":"Größe ✓"}' });
  });

  it('drops a UTF-8 byte order mark', async () => {
    const path = join(folder, 'bom.wavelength');
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')]));
    expect(await readSessionFile(path)).toEqual({ ok: true, text: '{}' });
  });

  it('refuses bytes that are not UTF-8 (Latin-1 "ä")', async () => {
    const path = join(folder, 'latin1.wavelength');
    await writeFile(path, Buffer.from([0x7b, 0x22, 0xe4, 0x22, 0x7d]));
    expect(await readSessionFile(path)).toMatchObject({ ok: false, reason: 'notUtf8' });
  });

  it('refuses a file over MAX_SESSION_BYTES without decoding it', async () => {
    const path = join(folder, 'huge.wavelength');
    await writeFile(path, Buffer.alloc(MAX_SESSION_BYTES + 1, 0x20));
    expect(await readSessionFile(path)).toMatchObject({ ok: false, reason: 'tooLarge' });
  });

  it('accepts a file of exactly MAX_SESSION_BYTES', async () => {
    const path = join(folder, 'limit.wavelength');
    await writeFile(path, Buffer.alloc(MAX_SESSION_BYTES, 0x20));
    const result = await readSessionFile(path);
    expect(result.ok).toBe(true);
  });

  it('reports a missing file as not found and a folder as unreadable', async () => {
    expect(await readSessionFile(join(folder, 'nope.wavelength'))).toMatchObject({
      ok: false,
      reason: 'notFound',
      detail: expect.stringContaining('ENOENT'),
    });
    expect(await readSessionFile(folder)).toMatchObject({ ok: false, reason: 'unreadable' });
  });
});
