import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SESSION_BYTES } from '../../shared/contract';
import { readSessionFile, writeFileAtomic } from '../../electron/main/files';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'wavelength-files-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

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
    const failingRename: typeof fsp.rename = async () => {
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    };

    await expect(writeFileAtomic(target, 'new', { copyFile: fsp.copyFile, rename: failingRename })).rejects.toThrow(
      'disk full',
    );

    expect(await readFile(target, 'utf8')).toBe('precious');
    const names = await readdir(folder);
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the old file whole when the backup cannot be made', async () => {
    const target = join(folder, 'Atlas.wavelength');
    await writeFile(target, 'precious');
    const failingCopy: typeof fsp.copyFile = async () => {
      throw new Error('read-only medium');
    };

    await expect(writeFileAtomic(target, 'new', { copyFile: failingCopy, rename: fsp.rename })).rejects.toThrow();

    expect(await readFile(target, 'utf8')).toBe('precious');
    expect(await readdir(folder)).toEqual(['Atlas.wavelength']);
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

  it('fails when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(folder, 'missing', 'a.wavelength'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
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
