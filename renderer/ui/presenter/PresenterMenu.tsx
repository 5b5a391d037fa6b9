import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresenterDisplay } from '../../platform/platform';
import { findCommand, formatKeyBinding, togglePresenterWindow, type CommandId } from '../../state';
import { useApp, useServices } from '../AppContext';
import { useDismiss } from '../useDismiss';

/**
 * The facilitator's controls for the room screen, behind the top bar's
 * "Present" button: present on this screen, open or close the presenter
 * window (and, in Electron, pick its display), anonymise names and show or
 * hide the legend for the room.
 */
export function PresenterMenu() {
  const { t } = useTranslation();
  const { files, platform, isMac } = useServices();
  const [open, setOpen] = useState(false);
  const [displays, setDisplays] = useState<readonly PresenterDisplay[]>([]);
  const [chosen, setChosen] = useState<number | null>(null);
  const windowStatus = useApp((s) => s.presenterWindow);
  const problem = useApp((s) => s.presenterProblem);
  const anonymous = useApp((s) => s.roomAnonymous);
  const legend = useApp((s) => s.roomLegend);
  const setAnonymous = useApp((s) => s.setRoomAnonymous);
  const setLegend = useApp((s) => s.setRoomLegend);
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const picksDisplays = platform.presenter.picksDisplays;

  // The displays as they are now, each time the panel opens (a projector may have been plugged in).
  useEffect(() => {
    if (!open || !picksDisplays) return;
    let alive = true;
    void platform.presenter.listDisplays().then((list) => {
      if (!alive) return;
      setDisplays(list);
      setChosen((current) => (current !== null && list.some((d) => d.id === current) ? current : (list.find((d) => d.suggested)?.id ?? null)));
    });
    return () => {
      alive = false;
    };
  }, [open, picksDisplays, platform]);

  // Close on a click outside or Esc (focus goes back to the button).
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, wrapper, button);

  const shortcut = (id: CommandId) => {
    const key = findCommand(id).keys[0];
    return key ? formatKeyBinding(key, isMac) : '';
  };
  const displayName = (d: PresenterDisplay, i: number) => {
    const name = t('presenter.controls.displayName', {
      name: d.name || t('presenter.controls.displayUnnamed', { n: i + 1 }),
      width: d.width,
      height: d.height,
    });
    const notes = [
      d.primary && t('presenter.controls.primary'),
      d.internal && t('presenter.controls.builtIn'),
      d.hasMainWindow && t('presenter.controls.facilitatorHere'),
      d.suggested && t('presenter.controls.suggested'),
    ].filter(Boolean);
    return notes.length ? `${name} — ${notes.join(', ')}` : name;
  };
  const openDisplay = displays.findIndex((d) => d.id === windowStatus.displayId);

  return (
    <div className="present-menu" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        <span aria-hidden="true">▶ </span>
        {t('presenter.controls.button')}
        {windowStatus.open && <span className="present-menu__dot" aria-hidden="true" />}
      </button>
      {open && (
        <div id={panelId} className="present-panel" role="group" aria-label={t('presenter.controls.title')}>
          <h2>{t('presenter.controls.title')}</h2>
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => {
              setOpen(false);
              void findCommand('present.toggle').run(files);
            }}
          >
            {t('presenter.controls.presentHere')} <kbd>{shortcut('present.toggle')}</kbd>
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => void togglePresenterWindow(files, windowStatus.open ? null : chosen)}
          >
            {windowStatus.open ? t('presenter.controls.closeWindow') : t('presenter.controls.openWindow')}{' '}
            <kbd>{shortcut('presenter.toggleWindow')}</kbd>
          </button>
          {windowStatus.open && (
            <p className="present-panel__status" role="status">
              {openDisplay >= 0
                ? t('presenter.controls.windowOpenOn', { display: displayName(displays[openDisplay]!, openDisplay) })
                : t('presenter.controls.windowOpen')}
            </p>
          )}
          {problem && (
            <p className="present-panel__problem" role="alert">
              {problem === 'blocked' ? t('presenter.controls.blocked') : t('presenter.controls.failed')}
            </p>
          )}
          {picksDisplays && displays.length > 1 && (
            <label className="field">
              {t('presenter.controls.display')}
              <select
                value={chosen ?? ''}
                onChange={(e) => {
                  const id = Number(e.target.value);
                  setChosen(id);
                  // Open: move it there now.
                  if (windowStatus.open) void togglePresenterWindow(files, id);
                }}
              >
                {displays.map((d, i) => (
                  <option key={d.id} value={d.id}>
                    {displayName(d, i)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {picksDisplays && displays.length === 1 && <p className="hint">{t('presenter.controls.oneDisplay')}</p>}
          {!picksDisplays && <p className="hint">{t('presenter.controls.browserHint')}</p>}
          <hr />
          <label className="check">
            <input type="checkbox" role="switch" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
            <span>{t('presenter.controls.anonymise')}</span>
          </label>
          <p className="hint">{t('presenter.controls.anonymiseHint')}</p>
          <label className="check">
            <input type="checkbox" role="switch" checked={legend} onChange={(e) => setLegend(e.target.checked)} />
            <span>{t('presenter.controls.legend')}</span>
          </label>
        </div>
      )}
    </div>
  );
}
