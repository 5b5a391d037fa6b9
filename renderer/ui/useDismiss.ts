import { useEffect, type RefObject } from 'react';

/**
 * A pop-up menu closes on a pointer down outside its wrapper, or on Esc inside it (focus goes back to the
 * button that opened it). One behaviour for the top bar's More menu and the Present menu.
 */
export function useDismiss(
  open: boolean,
  close: () => void,
  wrapper: RefObject<HTMLElement | null>,
  button: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      close();
      button.current?.focus();
    };
    const el = wrapper.current;
    document.addEventListener('pointerdown', onPointer);
    el?.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      el?.removeEventListener('keydown', onKey);
    };
  }, [open, close, wrapper, button]);
}
