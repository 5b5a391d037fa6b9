import { useMemo } from 'react';

/**
 * The join link's QR code, drawn from the module matrix the room sent (one
 * path of unit squares): no image, no markup from elsewhere, crisp at any
 * size. A quiet zone of four modules, as scanners expect.
 */
export function QrCode({ qr, label, size = 220 }: { qr: { size: number; modules: string }; label: string; size?: number }) {
  const path = useMemo(() => {
    let d = '';
    for (let row = 0; row < qr.size; row++) {
      for (let col = 0; col < qr.size; col++) if (qr.modules[row * qr.size + col] === '1') d += `M${col + 4} ${row + 4}h1v1h-1z`;
    }
    return d;
  }, [qr]);
  const total = qr.size + 8;
  return (
    <svg className="qr" width={size} height={size} viewBox={`0 0 ${total} ${total}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={total} height={total} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
