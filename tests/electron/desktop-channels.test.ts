// Main's side of Copy chart as image and of the macOS title bar: the channels
// of the table, called as the facilitator's window calls them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deflateSync } from 'node:zlib';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clipboard, dialog, resetFakeElectron } from './fake-electron';
import { startIpc, type IpcHarness } from './ipc-harness';

vi.mock('electron', () => import('./fake-electron'));

let ipc: IpcHarness;

beforeEach(async () => {
  resetFakeElectron();
  ipc = await startIpc();
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await ipc.dispose();
});

/** A real 1×1 PNG, made here byte by byte (signature, IHDR, IDAT, IEND with their CRCs). */
function onePixelPng(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  const idat = deflateSync(Buffer.from([0, 0x0b, 0x57, 0xa4, 0xff]));
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]));
}

describe('copyImage', () => {
  it('puts the PNG the page made on the clipboard as image/png, byte for byte', async () => {
    const png = onePixelPng();
    await expect(ipc.invoke(ipc.main, 'copyImage', { png })).resolves.toEqual({ kind: 'copied' });
    expect(clipboard.contents).toHaveLength(1);
    const item = clipboard.contents[0]!;
    expect(item.types).toEqual(['image/png']);
    const blob = item.items['image/png'] as Blob;
    expect(blob.type).toBe('image/png');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(png);
  });

  it('refuses bytes that are no picture, and leaves the clipboard alone', async () => {
    await expect(ipc.invoke(ipc.main, 'copyImage', { png: new TextEncoder().encode('<svg/>') })).resolves.toEqual({
      kind: 'error',
      problem: 'notAPicture',
      detail: '',
    });
    expect(clipboard.contents).toEqual([]);
  });

  it('says why when the OS refuses the clipboard', async () => {
    clipboard.refuse = new Error('The clipboard is held by another program.');
    await expect(ipc.invoke(ipc.main, 'copyImage', { png: onePixelPng() })).resolves.toEqual({ kind: 'error', problem: 'refused', detail: 'The clipboard is held by another program.' });
  });

  it('refuses what is not bytes, empty bytes, and the room screen', async () => {
    await expect(ipc.invokeRaw(ipc.main, 'copyImage', [{ png: 'iVBORw0KGgo=' }])).rejects.toThrow(/refused arguments \(0\.png: must be bytes/);
    await expect(ipc.invokeRaw(ipc.main, 'copyImage', [{ png: new Uint8Array(0) }])).rejects.toThrow(/refused arguments \(0\.png: is empty or too large/);
    await expect(ipc.invokeRaw(ipc.main, 'copyImage', [{ png: onePixelPng(), path: '/tmp/x.png' }])).rejects.toThrow(/refused arguments/);
    const room = await ipc.window('presenter');
    await expect(ipc.invokeRaw(room, 'copyImage', [{ png: onePixelPng() }])).rejects.toThrow(/not open to the presenter window/);
    expect(clipboard.contents).toEqual([]);
  });
});

describe('the document in the title bar', () => {
  it('on macOS shows the saved file’s icon and the unsaved dot; a new session shows none', async () => {
    vi.stubGlobal('process', { ...process, platform: 'darwin' });
    const path = join(ipc.folder, 'Atlas.wavelength');
    await writeFile(path, '{}');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    const opened = await ipc.invoke(ipc.main, 'openSession');
    if (opened.kind !== 'opened') throw new Error('not opened');

    ipc.send(ipc.main, 'setDocumentState', { title: 'Atlas — Wavelength', dirty: true, fileId: opened.fileId });
    expect(ipc.main.representedFilename).toBe(path);
    expect(ipc.main.documentEdited).toBe(true);

    ipc.send(ipc.main, 'setDocumentState', { title: 'Untitled — Wavelength', dirty: false, fileId: null });
    expect(ipc.main.representedFilename).toBe('');
    expect(ipc.main.documentEdited).toBe(false);
  });

  it('elsewhere sets only the title', () => {
    vi.stubGlobal('process', { ...process, platform: 'win32' });
    ipc.send(ipc.main, 'setDocumentState', { title: 'Atlas — Wavelength', dirty: true, fileId: null });
    expect(ipc.main.title).toBe('Atlas — Wavelength');
    expect(ipc.main.representedFilename).toBe('');
  });
});
