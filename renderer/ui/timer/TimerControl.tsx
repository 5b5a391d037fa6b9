import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addMinute,
  createTimer,
  MAX_TIMER_MINUTES,
  MINUTE_MS,
  pauseTimer,
  resetTimer,
  setTimerSound,
  startTimer,
  TIMER_PRESETS_MINUTES,
} from '../../domain/timer';
import { useApp, useServices } from '../AppContext';
import { TimerFace } from './TimerFace';

/**
 * The facilitator's timer, in the top bar on every step: a length (presets
 * or own), start, pause, +1 min, reset, sound on or off, hide. The room
 * screen and the devices show the same timer (roomWiring.ts sends it).
 */
export function TimerControl() {
  const { t } = useTranslation();
  const { store } = useServices();
  const timer = useApp((s) => s.timer);
  const [open, setOpen] = useState(false);
  const [own, setOwn] = useState('');
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const set = store.getState().setTimer;
  const now = () => Date.now();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const begin = (minutes: number) => set(startTimer(createTimer(minutes * MINUTE_MS, now(), timer?.sound ?? true), now()));
  const ownMinutes = Number(own.replace(',', '.'));
  const ownValid = own.trim() !== '' && Number.isFinite(ownMinutes) && ownMinutes > 0 && ownMinutes <= MAX_TIMER_MINUTES;

  return (
    <div className="timer-control" ref={wrapper}>
      <button type="button" className="btn timer-control__button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((v) => !v)}>
        {timer ? <TimerFace timer={timer} /> : <span>⏱ {t('room.timer.title')}</span>}
      </button>
      {open && (
        <div id={panelId} className="timer-panel" role="group" aria-label={t('room.timer.title')}>
          <h2>{t('room.timer.title')}</h2>
          <div className="timer-panel__presets" role="group" aria-label={t('room.timer.presets')}>
            {TIMER_PRESETS_MINUTES.map((m) => (
              <button key={m} type="button" className="btn btn--small" onClick={() => begin(m)}>
                {t('room.timer.minutes', { count: m })}
              </button>
            ))}
          </div>
          <form
            className="timer-panel__own"
            onSubmit={(e) => {
              e.preventDefault();
              if (ownValid) begin(ownMinutes);
            }}
          >
            <label className="field">
              <span>{t('room.timer.own')}</span>
              <input type="number" min={0.5} max={MAX_TIMER_MINUTES} step={0.5} value={own} onChange={(e) => setOwn(e.target.value)} />
            </label>
            <button type="submit" className="btn btn--small" disabled={!ownValid}>
              {t('room.timer.set')}
            </button>
          </form>
          {timer && (
            <div className="timer-panel__actions">
              {timer.running ? (
                <button type="button" className="btn btn--primary" onClick={() => set(pauseTimer(timer, now()))}>
                  {t('room.timer.pause')}
                </button>
              ) : (
                <button type="button" className="btn btn--primary" onClick={() => set(startTimer(timer, now()))}>
                  {timer.remainingMs === timer.durationMs ? t('room.timer.start') : t('room.timer.resume')}
                </button>
              )}
              <button type="button" className="btn" onClick={() => set(addMinute(timer, now()))}>
                {t('room.timer.addMinute')}
              </button>
              <button type="button" className="btn" onClick={() => set(resetTimer(timer, now()))}>
                {t('room.timer.reset')}
              </button>
              <button type="button" className="btn" onClick={() => set(null)}>
                {t('room.timer.off')}
              </button>
            </div>
          )}
          <label className="check">
            <input
              type="checkbox"
              role="switch"
              checked={timer?.sound ?? true}
              disabled={!timer}
              onChange={(e) => timer && set(setTimerSound(timer, e.target.checked))}
            />
            <span>{t('room.timer.sound')}</span>
          </label>
        </div>
      )}
    </div>
  );
}
