import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Platform, RoomState, RoomStep } from '../../platform/platform';
import { RoomView } from './RoomView';
import { usePointerActive } from './usePointerActive';

const ROOM_STEP_KEYS: Readonly<Record<string, RoomStep>> = {
  ArrowRight: 'next',
  ' ': 'next',
  PageDown: 'next',
  ArrowLeft: 'previous',
  PageUp: 'previous',
};

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

  useEffect(() => platform.presenter.onState(setState), [platform]);
  useEffect(() => platform.presenter.onFullScreenChange(setFullScreen), [platform]);

  // A presentation clicker sends PageDown/PageUp (or arrows) to whichever window has focus: when that is
  // this one, the facilitator's window steps the reveal, as if the key had been pressed there.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const step = ROOM_STEP_KEYS[e.key];
      if (!step || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
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
      <RoomView state={state}>
        {/* Electron opens this window full screen; a browser window needs the user's click. */}
        {platform.kind === 'browser' && !fullScreen && (
          <button type="button" className={`btn room__fullscreen${pointerActive ? ' is-shown' : ''}`} onClick={() => platform.presenter.setFullScreen(true)}>
            {t('presenter.room.fullScreen')}
          </button>
        )}
      </RoomView>
    </div>
  );
}
