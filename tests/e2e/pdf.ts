// Reading exported PDFs back with a real reader: poppler's command line tools
// (pdftotext, pdffonts, pdfimages, pdfinfo, pdftoppm), as a person's PDF
// viewer would see the file.
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function tool(command: string, args: string[]): Promise<string> {
  const { stdout } = await run(command, args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The text of the PDF (or of pages first..last), in reading order, whitespace collapsed. */
export async function pdfText(path: string, pages?: { first: number; last: number }): Promise<string> {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return (await tool('pdftotext', [...range, path, '-'])).replace(/\s+/g, ' ');
}

export interface PdfInfo {
  pages: number;
  /** Points, e.g. 841.92 × 594.96 for A4 landscape. */
  width: number;
  height: number;
}

export async function pdfInfo(path: string): Promise<PdfInfo> {
  const out = await tool('pdfinfo', [path]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** pdffonts' table: one row per font with its "emb" column. */
export async function pdfFonts(path: string): Promise<PdfFont[]> {
  const lines = (await tool('pdffonts', [path])).trim().split('\n').slice(2);
  return lines.map((line) => {
    // name, type (may contain spaces), encoding, emb, sub, uni, object, generation
    const cols = line.trim().split(/\s+/);
    const [emb] = cols.slice(-5);
    return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: emb === 'yes' };
  });
}

export interface PdfImage {
  page: number;
  width: number;
  height: number;
}

/** pdfimages -list: every raster image in the file. */
export async function pdfImages(path: string): Promise<PdfImage[]> {
  const lines = (await tool('pdfimages', ['-list', path])).trim().split('\n').slice(2);
  return lines.filter(Boolean).map((line) => {
    const cols = line.trim().split(/\s+/);
    return { page: Number(cols[0]), width: Number(cols[3]), height: Number(cols[4]) };
  });
}

/** Renders every page to `<prefix>-<n>.png` at `dpi`; returns the file names. */
export async function renderPages(path: string, prefix: string, dpi = 80): Promise<string[]> {
  await mkdir(dirname(prefix), { recursive: true });
  await tool('pdftoppm', ['-r', String(dpi), '-png', path, prefix]);
  const { pages } = await pdfInfo(path);
  const digits = String(pages).length;
  return Array.from({ length: pages }, (_, i) => `${prefix}-${String(i + 1).padStart(digits, '0')}.png`);
}

/** Width and height of a PNG from its IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
