/**
 * The clipboard for the facilitator's window: main writes the chart picture,
 * so the page needs no clipboard permission (the session denies every
 * permission, windows.ts) and the CSP stays as tight as it is.
 *
 * Electron 45's clipboard is the W3C-shaped one (clipboard.write with
 * ClipboardItems; writeImage is gone), so the PNG goes on as an image/png
 * item, after nativeImage has proved it is a picture.
 */
import { clipboard, ClipboardItem, nativeImage } from 'electron';
import type { CopyImageRequest, CopyImageResult } from '../../shared/contract';

export async function copyImage(request: CopyImageRequest): Promise<CopyImageResult> {
  const bytes = Buffer.from(request.png.buffer, request.png.byteOffset, request.png.byteLength);
  // nativeImage decodes the bytes itself: what it cannot read as a picture comes back empty.
  if (nativeImage.createFromBuffer(bytes).isEmpty()) return { kind: 'error', problem: 'notAPicture', detail: '' };
  try {
    await clipboard.write([new ClipboardItem({ 'image/png': new Blob([bytes], { type: 'image/png' }) })]);
    return { kind: 'copied' };
  } catch (error) {
    return { kind: 'error', problem: 'refused', detail: error instanceof Error ? error.message : String(error) };
  }
}
