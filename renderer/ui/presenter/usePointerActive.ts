import { useEffect, useState } from 'react';

/**
 * True while the pointer has moved in the last `ms` milliseconds: the room
 * screen shows its few window controls (leave, full screen) only then, so
 * the room sees a clean picture. Keyboard users reach them with Tab
 * (:focus-visible shows them).
 */
export function usePointerActive(ms = 2500): boolean {
  const [active, setActive] = useState(false);
  useEffect(() => {
    let timer = 0;
    const moved = () => {
      setActive(true);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setActive(false), ms);
    };
    window.addEventListener('pointermove', moved);
    window.addEventListener('pointerdown', moved);
    return () => {
      window.removeEventListener('pointermove', moved);
      window.removeEventListener('pointerdown', moved);
      window.clearTimeout(timer);
    };
  }, [ms]);
  return active;
}
