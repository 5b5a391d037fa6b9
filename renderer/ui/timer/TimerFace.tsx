import './timer.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTimer, remainingMs, timerTone, type Timer } from '../../domain/timer';
import { playChime } from './chime';

/**
 * The timer as the laptop, the room screen and the phones show it: the time
 * left, large, in a colour that turns near the end and when time is up. It
 * chimes once when it crosses zero (where `sound` says so) and never ends a
 * step: past zero it shows the time over.
 */
export function TimerFace({ timer, size = 'normal', allowSound = true }: { timer: Timer; size?: 'normal' | 'large'; allowSound?: boolean }) {
  const { t } = useTranslation();
  const now = useTick(timer.running);
  const left = remainingMs(timer, now);
  const tone = timerTone(timer, now);
  const text = formatTimer(left);
  const wasOver = useRef(tone === 'over');
  useEffect(() => {
    const over = tone === 'over';
    if (over && !wasOver.current && timer.running && timer.sound && allowSound) playChime();
    wasOver.current = over;
  }, [tone, timer.running, timer.sound, allowSound]);

  return (
    <div
      className={`timer-face timer-face--${tone} timer-face--${size}${timer.running ? '' : ' timer-face--paused'}`}
      role="timer"
      aria-label={tone === 'over' ? t('room.timer.overLabel', { time: text.replace('+', '') }) : t('room.timer.label', { time: text })}
      data-testid="timer-face"
      data-tone={tone}
    >
      <span className="timer-face__time">{text}</span>
      {tone === 'over' && <span className="timer-face__note">{t('room.timer.up')}</span>}
      {!timer.running && tone !== 'over' && <span className="timer-face__note">{t('room.timer.paused')}</span>}
    </div>
  );
}

/** The clock, read four times a second while the timer runs (a visible second never lags by more than 250 ms). */
function useTick(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const id = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(id);
  }, [running]);
  return running ? now : Date.now();
}
