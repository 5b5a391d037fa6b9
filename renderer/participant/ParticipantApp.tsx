import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { CurveChart } from '../canvas/CurveChart';
import { applyStroke, curveFromValues, isValidCurve, phaseCentres, timePos, valueAt, type CurvePoint, type Phase, type StrokeSample } from '../domain';
import { timerFromWire } from '../domain/timer';
import type { VisibleCurve } from '../state/selectors';
import { TimerFace } from '../ui/timer/TimerFace';
import type { RoomRound } from '../../shared/room-protocol';
import type { RoomConnection } from './connection';
import type { DeviceStorage } from './storage';
import { samePoints, type DeviceStore } from './store';

/** The colour of one's own curve on the phone: the app's first palette colour. */
const OWN_COLOR = '#0072B2';
type DeviceRound = Omit<RoomRound, 'drawnIds'>;

export interface ParticipantServices {
  readonly store: DeviceStore;
  readonly connection: RoomConnection;
  readonly storage: DeviceStorage;
}

/** The participant page: join, pick your name, draw blind, submit, look at the room screen. */
export function ParticipantApp({ services }: { services: ParticipantServices }) {
  const { t } = useTranslation();
  const { store } = services;
  const connection = useStore(store, (s) => s.connection);
  const room = useStore(store, (s) => s.room);
  const roomReceivedAt = useStore(store, (s) => s.roomReceivedAt);
  const self = useStore(store, (s) => s.self);
  const refusal = useStore(store, (s) => s.refusal);
  const picking = useStore(store, (s) => s.picking);
  const timer = useMemo(() => (room?.timer ? timerFromWire(room.timer, roomReceivedAt) : null), [room?.timer, roomReceivedAt]);
  const round = room?.round ?? null;

  useEffect(() => {
    document.title = t('room.device.documentTitle');
  }, [t]);

  let body;
  if (connection === 'ended') body = <p className="device-card device-ended">{t('room.device.ended')}</p>;
  else if (connection === 'needCode') body = <CodeForm services={services} />;
  else if (!self || !room) body = <p className="device-card" role="status">{t('room.device.connecting')}</p>;
  else if (!round) body = <p className="device-card">{t('room.device.noRound')}</p>;
  else if (self.pending) body = <Waiting kind={self.pending} />;
  else if (!self.participantId || picking) body = <PickName services={services} round={round} />;
  else body = <DrawScreen services={services} round={round} participantId={self.participantId} />;

  return (
    <div className="device">
      <header className="device-header">
        <span className="device-header__title">{t('room.device.title')}</span>
        {timer && <TimerFace timer={timer} allowSound={false} />}
      </header>
      {connection === 'offline' && (
        <p className="device-banner device-banner--offline" role="alert">
          {t('room.device.offline')}
        </p>
      )}
      {refusal && connection !== 'needCode' && (
        <p className="device-banner" role="alert" data-testid="device-refusal" data-reason={refusal.reason}>
          {t(`room.device.refused.${refusal.reason}`)}
        </p>
      )}
      <main className="device-main">{body}</main>
    </div>
  );
}

function CodeForm({ services }: { services: ParticipantServices }) {
  const { t } = useTranslation();
  const refusal = useStore(services.store, (s) => s.refusal);
  const [code, setCode] = useState('');
  return (
    <form
      className="device-card"
      onSubmit={(e) => {
        e.preventDefault();
        if (code.trim()) services.connection.joinWithCode(code.trim());
      }}
    >
      <h1>{t('room.device.codeTitle')}</h1>
      <p>{t('room.device.codeHint')}</p>
      {refusal && (
        <p className="device-error" role="alert" data-testid="device-refusal" data-reason={refusal.reason}>
          {t(`room.device.refused.${refusal.reason}`)}
        </p>
      )}
      <label className="device-field">
        <span>{t('room.device.code')}</span>
        <input value={code} onChange={(e) => setCode(e.target.value)} autoCapitalize="characters" autoComplete="off" spellCheck={false} maxLength={16} />
      </label>
      <button type="submit" className="btn btn--primary btn--large">
        {t('room.device.join')}
      </button>
    </form>
  );
}

function Waiting({ kind }: { kind: 'claim' | 'newName' }) {
  const { t } = useTranslation();
  return (
    <div className="device-card" role="status">
      <h1>{t('room.device.waitingTitle')}</h1>
      <p>{kind === 'claim' ? t('room.device.waitingClaim') : t('room.device.waitingNew')}</p>
    </div>
  );
}

function PickName({ services, round }: { services: ParticipantServices; round: DeviceRound }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  if (adding) return <NewNameForm services={services} round={round} onBack={() => setAdding(false)} />;
  return (
    <div className="device-card">
      <h1>{t('room.device.pickTitle')}</h1>
      <p>{t('room.device.pickHint')}</p>
      <p className="device-note">{round.namesOnRoomScreen ? t('room.device.namesShown') : t('room.device.namesHidden')}</p>
      <ul className="device-names">
        {round.people.map((person) => (
          <li key={person.id}>
            <button
              type="button"
              className="device-name"
              onClick={() => {
                services.connection.send({ type: 'claim', participantId: person.id });
                services.store.setState({ picking: false, refusal: null });
              }}
            >
              <span className="device-name__name">{person.name}</span>
              <span className="device-name__team">{person.team}</span>
            </button>
          </li>
        ))}
      </ul>
      {round.allowNewNames && (
        <button type="button" className="btn" onClick={() => setAdding(true)}>
          {t('room.device.notListed')}
        </button>
      )}
    </div>
  );
}

function NewNameForm({ services, round, onBack }: { services: ParticipantServices; round: DeviceRound; onBack: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [teamId, setTeamId] = useState(round.teams[0]?.id ?? '');
  return (
    <form
      className="device-card"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim() || !teamId) return;
        services.connection.send({ type: 'newName', name: name.trim(), teamId });
        services.store.setState({ picking: false, refusal: null });
      }}
    >
      <h1>{t('room.device.newNameTitle')}</h1>
      <p>{t('room.device.newNameHint')}</p>
      <label className="device-field">
        <span>{t('room.device.name')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoComplete="name" />
      </label>
      <label className="device-field">
        <span>{t('room.device.team')}</span>
        <select value={teamId} onChange={(e) => setTeamId(e.target.value)}>
          {round.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      <div className="device-actions">
        <button type="button" className="btn" onClick={onBack}>
          {t('room.device.back')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={!name.trim()}>
          {t('room.device.send')}
        </button>
      </div>
    </form>
  );
}

function DrawScreen({ services, round, participantId }: { services: ParticipantServices; round: DeviceRound; participantId: string }) {
  const { t, i18n } = useTranslation();
  const { store, storage, connection } = services;
  const self = useStore(store, (s) => s.self);
  const draft = useStore(store, (s) => s.draft);
  const sending = useStore(store, (s) => s.sending);
  const online = useStore(store, (s) => s.connection === 'online');
  const [typing, setTyping] = useState(false);
  const person = round.people.find((p) => p.id === participantId);
  const roundId = round.round.id;
  const submitted = self?.submitted?.roundId === roundId ? self.submitted : null;

  // The draft of this round and person, from this device's storage (it survives a reload or a lost connection);
  // with none kept, the curve the room already has.
  useEffect(() => {
    const kept = storage.draft(roundId, participantId);
    const inRoom = store.getState().self?.submitted;
    const points = kept.length ? kept : inRoom?.roundId === roundId ? (inRoom.points as unknown as CurvePoint[]) : [];
    store.setState({ draft: points });
    // Back with a curve the room does not have yet: the facilitator sees this person drawing again.
    if (points.length && !(inRoom?.roundId === roundId && samePoints(inRoom.points, points))) connection.send({ type: 'status', drawing: true });
  }, [store, storage, connection, roundId, participantId]);

  const setDraft = (points: readonly CurvePoint[]) => {
    store.setState({ draft: points });
    storage.setDraft(roundId, participantId, points);
    connection.send({ type: 'status', drawing: points.length > 0 });
  };

  const chart = useMemo(() => chartModel(round, participantId, draft), [round, participantId, draft]);
  const inRoom = submitted !== null && samePoints(submitted.points, draft);
  const canSubmit = round.drawingOpen && isValidCurve(draft) && !inRoom && !sending && online;
  const time = submitted ? new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(submitted.at) : '';

  const header = (
    <div className="device-who">
      <p>
        <strong>{t('room.device.you', { name: person?.name ?? '', team: person?.team ?? '' })}</strong>{' '}
        <button type="button" className="link-btn device-link" onClick={() => store.setState({ picking: true })}>
          {t('room.device.notYou', { name: person?.name ?? '' })}
        </button>
      </p>
      <p className="device-note" data-testid="names-notice">
        {round.namesOnRoomScreen ? t('room.device.namesShown') : t('room.device.namesHidden')}
      </p>
    </div>
  );

  if (!round.drawingOpen) {
    return (
      <div className="device-card">
        {header}
        <p className="device-state" data-testid="submit-state" data-state={submitted ? 'submitted' : 'closed'}>
          {submitted ? t('room.device.closedSubmitted') : draft.length ? t('room.device.closedNotSubmitted') : t('room.device.closedWaiting')}
        </p>
        {submitted && <p className="device-look">{t('room.device.lookAtRoom')}</p>}
      </div>
    );
  }

  return (
    <div className="device-draw">
      {header}
      <p className="device-question">
        <span className="device-question__label">{t('room.device.question')}:</span> {round.round.question}
      </p>
      <p className="hint device-howto">{t('room.device.howTo')}</p>
      <p className="hint device-rotate">{t('room.device.rotate')}</p>
      {typing ? (
        <DeviceValueEntry round={round} draft={draft} onApply={(points) => { setDraft(points); setTyping(false); }} onCancel={() => setTyping(false)} />
      ) : (
        <div className="device-chart">
          <CurveChart
            phases={round.timeline.phases as Phase[]}
            milestones={chart.milestones}
            handoverId={round.timeline.handoverId}
            scale={round.scale}
            curves={chart.curves}
            drawColor={OWN_COLOR}
            onStroke={(stroke: StrokeSample[]) => setDraft(applyStroke(store.getState().draft, stroke))}
            handoverBadge={t('chart.handoverBadge')}
            label={t('room.device.chartLabel')}
          />
        </div>
      )}
      <div className="device-actions">
        <button type="button" className="btn" onClick={() => setTyping((v) => !v)} aria-expanded={typing}>
          {typing ? t('room.device.drawInstead') : `⌨ ${t('room.device.typeValues')}`}
        </button>
        <button type="button" className="btn" onClick={() => setDraft([])} disabled={draft.length === 0}>
          {t('room.device.clear')}
        </button>
      </div>
      <div className="device-submit">
        {(submitted || draft.length > 0) && <p
          className={`device-state${inRoom ? ' device-state--in' : ''}`}
          role="status"
          data-testid="submit-state"
          data-state={inRoom ? 'submitted' : submitted ? 'changed' : 'notSubmitted'}
        >
          {inRoom ? t('room.device.submitted', { time }) : submitted ? t('room.device.changed') : t('room.device.notSubmitted')}
        </p>}
        {inRoom && <p className="device-look">{t('room.device.lookAtRoom')}</p>}
        {inRoom && <p className="hint">{t('room.device.redrawHint')}</p>}
        <button
          type="button"
          className="btn btn--primary btn--large"
          disabled={!canSubmit}
          onClick={() => {
            if (connection.send({ type: 'submit', roundId, participantId, points: draft.map((p) => [p[0], p[1]] as [number, number]) })) {
              store.setState({ sending: true, refusal: null });
            }
          }}
        >
          {sending ? t('room.device.submitting') : submitted ? t('room.device.resubmit') : t('room.device.submit')}
        </button>
      </div>
    </div>
  );
}

/** Values 0–10 per phase, like the laptop's "type values instead" (the same domain rule makes the curve). */
function DeviceValueEntry({ round, draft, onApply, onCancel }: { round: DeviceRound; draft: readonly CurvePoint[]; onApply: (points: CurvePoint[]) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const phases = round.timeline.phases as Phase[];
  const anchors = phaseCentres(phases);
  const [values, setValues] = useState<string[]>(() =>
    anchors.map((x) => {
      const v = draft.length ? valueAt(draft, x) : null;
      return v === null ? '' : String(Math.round(v * 10));
    }),
  );
  const parsed = values.map((v) => (v.trim() === '' ? null : Math.min(10, Math.max(0, Number(v))) / 10));
  const enough = parsed.filter((v) => v !== null && Number.isFinite(v)).length >= 2;
  return (
    <form
      className="value-entry device-values"
      aria-labelledby="device-values-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (enough) onApply(curveFromValues(anchors, parsed));
      }}
    >
      <h2 id="device-values-title">{t('valueEntry.title')}</h2>
      <p className="hint">{t('valueEntry.hint', { low: round.scale.low, high: round.scale.high, max: 10 })}</p>
      {phases.map((phase, i) => (
        <label key={phase.id} className="device-field device-field--inline">
          <span>{phase.name}</span>
          <input
            type="number"
            inputMode="numeric"
            min={0}
            max={10}
            step={1}
            value={values[i]}
            onChange={(e) => setValues((vs) => vs.map((v, j) => (j === i ? e.target.value : v)))}
          />
        </label>
      ))}
      <div className="device-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('valueEntry.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={!enough}>
          {t('valueEntry.apply')}
        </button>
      </div>
      {!enough && <p className="hint">{t('valueEntry.needTwo')}</p>}
    </form>
  );
}

/** The chart's inputs from what the room sent: only this person's own curve is ever on the device. */
function chartModel(round: DeviceRound, participantId: string, draft: readonly CurvePoint[]) {
  const milestones = round.timeline.milestones.map((m) => ({ ...m, at: timePos(m.at) }));
  const curves: VisibleCurve[] =
    draft.length >= 2
      ? [
          {
            participant: { id: participantId, name: '', teamId: 'own', color: OWN_COLOR },
            team: { id: 'own', name: '', role: 'other', lineStyle: 'solid' },
            curve: { participantId, roundId: round.round.id, points: draft },
            faded: false,
          },
        ]
      : [];
  return { milestones, curves };
}
