import type { PngScale } from '../../shared/report-job';

/**
 * Rasterise a standalone SVG (with its fonts embedded) into PNG bytes at 1×,
 * 2× or 4× its size: the browser draws the SVG as an image from a blob: URL
 * (the CSP allows img-src blob:) onto a canvas of the scaled size, so the
 * picture is rendered at that resolution, not scaled up from a small one.
 */
export async function svgToPng(svg: string, width: number, height: number, scale: PngScale): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas to draw the picture on.');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The picture could not be encoded as PNG.');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
