import Konva from 'konva';
import { useEffect, useState } from 'react';

/**
 * Follows window.devicePixelRatio (a window moved to a HiDPI screen, browser
 * zoom) and hands it to Konva, so the canvas stays sharp.
 */
export function usePixelRatio(): number {
  const [ratio, setRatio] = useState(() => window.devicePixelRatio || 1);
  useEffect(() => {
    const query = window.matchMedia(`(resolution: ${ratio}dppx)`);
    const update = () => setRatio(window.devicePixelRatio || 1);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [ratio]);
  Konva.pixelRatio = ratio;
  return ratio;
}
