import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMAND_DECLARATIONS, matchesKeyBinding } from '../../../shared/commands';
import type { Platform, RoomStep } from '../../platform/platform';
import { parseRoomState, type RoomState } from '../../../shared/room-state';
import { ErrorBoundary, RoomFallback } from '../ErrorBoundary';
import { RoomView } from './RoomView';
import { usePointerActive } from './usePointerActive';

/** The reveal step a key asks for: the same keys as the facilitator's Reveal next / previous commands. */
function roomStepOf(e: KeyboardEvent): RoomStep | undefined {
  // The step keys have no modifier, so which one is "mod" does not matter; Cmd is no step either.
  if (e.metaKey) return undefined;
  if (COMMAND_DECLARATIONS['reveal.next'].keys.some((k) => matchesKeyBinding(k, e, false))) return 'next';
  if (COMMAND_DECLARATIONS['reveal.previous'].keys.some((k) => matchesKeyBinding(k, e, false))) return 'previous';
  return undefined;
}

/**
 * The presenter window's whole app (`?view=presenter`): the room view, fed
 * by the facilitator's window through the platform. It holds no session and
 * has no controls; it speaks the facilitator's language.
 */
export function PresenterApp({ platform }: { platform: Platform }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<RoomState | null>(null);
  const [fullScreen, setFullScreen] = useState(false);
  const pointerActive = usePointerActive();

  // The state crossed a window (and in the desktop app a process): checked against the one schema before it is drawn.
  useEffect(
    () =>
      platform.presenter.onState((next) => {
        try {
          setState(parseRoomState(next));
        } catch (error) {
          console.warn('Ignored a room state:', error instanceof Error ? error.message : error);
        }
      }),
    [platform],
  );
  useEffect(() => platform.presenter.onFullScreenChange(setFullScreen), [platform]);

  // A presentation clicker sends PageDown/PageUp (or arrows) to whichever window has focus: when that is
  // this one, the facilitator's window steps the reveal, as if the key had been pressed there.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const step = roomStepOf(e);
      if (!step || e.repeat) return;
      e.preventDefault();
      platform.presenter.requestStep(step);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [platform]);

  const language = state?.language;
  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [i18n, language]);

  useEffect(() => {
    document.title = t('presenter.room.documentTitle');
    document.documentElement.lang = i18n.language;
  }, [t, i18n.language]);

  return (
    <div className="room-window">
      {/* A room view that fails says so instead of going blank; the next state from the facilitator tries again. */}
      <ErrorBoundary resetKeys={[state]} fallback={(error) => <RoomFallback error={error} />}>
        <RoomView state={state}>
          {/* Electron opens this window full screen; a browser window needs the user's click. */}
          {platform.kind === 'browser' && !fullScreen && (
            <button type="button" className={`btn room__fullscreen${pointerActive ? ' is-shown' : ''}`} onClick={() => platform.presenter.setFullScreen(true)}>
              {t('presenter.room.fullScreen')}
            </button>
          )}
        </RoomView>
      </ErrorBoundary>
    </div>
  );
}
