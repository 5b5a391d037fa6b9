import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { drawnCount, hasDrawn, nextUndrawn, personRoomState } from '../state';
import { RoomPanel } from './room/RoomPanel';
import { RoundPicker } from './RoundPicker';
import { useActions, useApp } from './AppContext';
import { ChartPanel } from './ChartPanel';
import { useVisibleCurves } from './useVisibleCurves';
import { ValueEntry } from './ValueEntry';

/** Blind drawing: pick who draws, curtain, draw (or type values), done, next. */
export function DrawView() {
  const { t } = useTranslation();
  const session = useApp((s) => s.session);
  const roundId = useApp((s) => s.roundId);
  const drawerId = useApp((s) => s.drawerId);
  const curtain = useApp((s) => s.curtain);
  const blind = useApp((s) => s.blind);
  const s = useActions();
  const curves = useVisibleCurves();
  const [typing, setTyping] = useState(false);
  const roomStatus = useApp((s) => s.roomStatus);
  const drawer = session.participants.find((p) => p.id === drawerId);
  const count = drawnCount(session, roundId);
  // "Done — next person": straight to the next one without a curve (their curtain), one click per person.
  const next = drawer ? nextUndrawn(session, roundId, drawer.id) : null;
  const allDrawn = count.total > 0 && count.drawn === count.total;

  return (
    <div className="draw">
      <aside className="sidebar" aria-label={t('draw.participants')}>
        <RoundPicker />
        <p className="count" role="status" data-testid="drawn-count">
          {t('draw.count', { count: count.drawn, drawn: count.drawn, total: count.total })}
        </p>
        <div className="meter" aria-hidden="true">
          <div className="meter__fill" style={{ width: `${count.total ? (count.drawn / count.total) * 100 : 0}%` }} />
        </div>
        <h2>{t('draw.whoDraws')}</h2>
        {session.participants.length === 0 && <p className="muted">{t('draw.noParticipants')}</p>}
        <ul className="people">
          {session.participants.map((p) => {
            const team = session.teams.find((tm) => tm.id === p.teamId);
            const done = hasDrawn(session, roundId, p.id);
            const inRoom = roomStatus.open ? personRoomState(session, roundId, roomStatus, p.id) : null;
            return (
              <li key={p.id}>
                <button
                  type="button"
                  className={`person${p.id === drawerId ? ' person--active' : ''}`}
                  onClick={() => {
                    setTyping(false);
                    s.startDrawing(p.id);
                  }}
                  aria-pressed={p.id === drawerId}
                >
                  <span className="swatch" style={{ background: p.color }} aria-hidden="true" />
                  <span className="person__name">{p.name}</span>
                  <span className="person__team">{team?.name}</span>
                  {inRoom ? (
                    <span className={`person__state person__state--${inRoom}${done ? ' person__state--done' : ''}`} data-testid="room-person-state" data-state={inRoom}>
                      {t(`room.panel.state.${inRoom}`)}
                    </span>
                  ) : (
                    <span className={`person__state${done ? ' person__state--done' : ''}`}>
                      {done ? `✓ ${t('draw.drawn')}` : t('draw.notDrawn')}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
        <label className="check">
          <input type="checkbox" checked={blind} onChange={(e) => s.setBlind(e.target.checked)} />
          <span>{t('draw.blind')}</span>
        </label>
        <p className="hint">{t('draw.blindHint')}</p>
      </aside>

      <main className="draw__main">
        {drawer === undefined ? (
          <div className="curtain curtain--idle draw__idle">
            {allDrawn ? (
              <div className="all-drawn" role="status">
                <strong>{t('room.flow.allDrawn')}</strong>
                <button type="button" className="btn btn--primary btn--large" onClick={() => s.setView('reveal')}>
                  {t('room.flow.reveal')}
                </button>
              </div>
            ) : (
              <>
                <h2>{t('draw.pickTitle')}</h2>
                <p>{t('draw.pickHint')}</p>
              </>
            )}
            <RoomPanel />
          </div>
        ) : curtain ? (
          <div className="curtain" role="dialog" aria-modal="false" aria-labelledby="curtain-title">
            <div className="curtain__box">
              <span className="swatch swatch--big" style={{ background: drawer.color }} aria-hidden="true" />
              <h2 id="curtain-title">{t('draw.curtainTitle', { name: drawer.name })}</h2>
              <p>{t('draw.curtainHint', { name: drawer.name })}</p>
              <button type="button" className="btn btn--primary btn--large" onClick={() => s.dismissCurtain()} autoFocus>
                {t('draw.curtainStart', { name: drawer.name })}
              </button>
            </div>
          </div>
        ) : (
          <>
            <div className="draw__header">
              <h2>
                <span className="swatch" style={{ background: drawer.color }} aria-hidden="true" /> {t('draw.drawing', { name: drawer.name })}
              </h2>
              <p className="hint">{t('draw.howTo')}</p>
            </div>
            <div className="draw__canvas">
              <ChartPanel
                curves={curves}
                drawColor={drawer.color}
                onStroke={(stroke) => s.drawStroke(drawer.id, stroke)}
                label={t('draw.canvasLabel', { name: drawer.name })}
              />
            </div>
            {typing && <ValueEntry participantId={drawer.id} onClose={() => setTyping(false)} />}
            <div className="draw__actions">
              <button type="button" className="btn" onClick={() => setTyping((v) => !v)} aria-expanded={typing}>
                ⌨ {t('draw.typeValues')}
              </button>
              <button
                type="button"
                className="btn"
                onClick={() => s.clearCurve(drawer.id)}
                disabled={!hasDrawn(session, roundId, drawer.id)}
              >
                {t('draw.clear')}
              </button>
              <span className="spacer" />
              <button
                type="button"
                className="btn btn--primary"
                onClick={() => {
                  setTyping(false);
                  if (next) s.startDrawing(next.id);
                  else s.finishDrawing();
                }}
              >
                {next ? t('room.flow.doneNext', { name: next.name }) : t('draw.done')}
              </button>
            </div>
          </>
        )}
      </main>
    </div>
  );
}
