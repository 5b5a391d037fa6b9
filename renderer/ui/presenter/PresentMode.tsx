import { useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { findCommand, roomStateOf } from '../../state';
import { useApp, useServices } from '../AppContext';
import { ErrorBoundary, RoomFallback } from '../ErrorBoundary';
import { RoomView } from './RoomView';
import { usePointerActive } from './usePointerActive';

/**
 * Single-screen present mode: the room view over the whole window (full
 * screen where the host allows it), built from this window's store exactly
 * as the presenter window would get it. The command table's keys keep
 * working (→ ← Space PageDown PageUp step the reveal); Esc leaves. The rest
 * of the app is inert underneath.
 */
export function PresentMode() {
  const { t } = useTranslation();
  const { files } = useServices();
  const state = useApp((s) => s);
  const room = useMemo(() => roomStateOf(state, 0), [state]);
  const ref = useRef<HTMLDivElement>(null);
  const pointerActive = usePointerActive();

  useEffect(() => {
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    // Focus here, so Space steps the reveal instead of pressing the button that started present mode.
    ref.current?.focus();
    return () => root?.removeAttribute('inert');
  }, []);

  useEffect(() => {
    const leave = findCommand('present.leave');
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      if (leave.enabled(files)) void leave.run(files);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [files]);

  return createPortal(
    <div ref={ref} className="present-mode" role="dialog" aria-modal="true" aria-label={t('presenter.presentMode.label')} tabIndex={-1} data-testid="present-mode">
      {/* A room view that fails says so; the leave button below stays. Each new state draws it again. */}
      <ErrorBoundary resetKeys={[room]} fallback={(error) => <RoomFallback error={error} />}>
        <RoomView state={room} />
      </ErrorBoundary>
      <button type="button" className={`btn present-mode__leave${pointerActive ? ' is-shown' : ''}`} onClick={() => void findCommand('present.leave').run(files)}>
        {t('presenter.presentMode.leave')}
      </button>
      <p className="present-mode__hint" aria-hidden="true">
        {t('presenter.presentMode.hint')}
      </p>
    </div>,
    document.body,
  );
}
