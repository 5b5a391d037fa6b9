import './room.css';
import { useTranslation } from 'react-i18next';
import type { JoinRequest } from '../../../shared/room-protocol';
import { useApp, useServices } from '../AppContext';
import { RoomJoinCard } from './RoomJoinCard';

/**
 * The facilitator's room controls on the Draw step: open and close the
 * room, how to join, which address to advertise, requests to confirm, and
 * the "test with your phone" check. Never a curve: who has drawn is in the
 * sidebar's list, as states.
 */
export function RoomPanel() {
  const { t, i18n } = useTranslation();
  const { platform, store } = useServices();
  const status = useApp((s) => s.roomStatus);
  const busy = useApp((s) => s.roomBusy);
  const allowNewNames = useApp((s) => s.roomAllowNewNames);
  const session = useApp((s) => s.session);
  const room = platform.room;

  if (!room.available) {
    return (
      <section className="room-panel card" aria-labelledby="room-panel-title">
        <h2 id="room-panel-title">{t('room.panel.title')}</h2>
        <p className="hint">{t('room.panel.notAvailable')}</p>
      </section>
    );
  }

  const openRoom = () => {
    store.getState().setRoomBusy(true);
    room.send({ type: 'open' });
  };
  const decide = (request: JoinRequest, accept: boolean) => {
    let participantId: string | null = null;
    if (accept && request.kind === 'newName') {
      // The new person joins the session first (undoable like any added participant), then the room hands them the name.
      store.getState().addParticipant(request.name, request.teamId);
      participantId = store.getState().session.participants.at(-1)!.id;
    }
    room.send({ type: 'decide', requestId: request.requestId, accept, participantId });
  };
  const time = (at: number) => new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(at);

  if (!status.open) {
    return (
      <section className="room-panel card" aria-labelledby="room-panel-title">
        <h2 id="room-panel-title">{t('room.panel.title')}</h2>
        <p>{t('room.panel.intro')}</p>
        {status.problem && status.problem !== 'notAvailable' && (
          <p className="room-panel__problem" role="alert">
            {t(`room.panel.${status.problem}`)}
          </p>
        )}
        {status.problem === 'notAvailable' && <p className="room-panel__problem" role="alert">{t('room.panel.notAvailable')}</p>}
        <button type="button" className="btn btn--primary btn--large" onClick={openRoom} disabled={busy}>
          {busy ? t('room.panel.opening') : t('room.panel.open')}
        </button>
        <p className="hint">{t('room.panel.closedHint')}</p>
      </section>
    );
  }

  const chosen = status.addresses.find((a) => a.address === status.join.address);
  const unnamed = status.devices.filter((d) => d.participantId === null && d.online && d.proposedName === null).length;
  const personName = (id: string) => session.participants.find((p) => p.id === id)?.name ?? '?';
  const teamName = (id: string) => session.teams.find((tm) => tm.id === id)?.name ?? '?';

  return (
    <section className="room-panel card" aria-labelledby="room-panel-title" data-testid="room-panel">
      <div className="room-panel__head">
        <h2 id="room-panel-title">{t('room.panel.title')}</h2>
        <button type="button" className="btn" onClick={() => room.send({ type: 'close' })}>
          {t('room.panel.close')}
        </button>
      </div>
      <RoomJoinCard join={status.join} />
      <label className="field">
        <span>{t('room.panel.address')}</span>
        <select value={status.join.address} onChange={(e) => room.send({ type: 'chooseAddress', address: e.target.value })}>
          {status.addresses.map((a) => (
            <option key={a.address} value={a.address}>
              {a.address} — {a.interfaceName} ({t(`room.panel.addressKind.${a.kind}`)})
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" role="switch" checked={allowNewNames} onChange={(e) => store.getState().setRoomAllowNewNames(e.target.checked)} />
        <span>{t('room.panel.allowNewNames')}</span>
      </label>
      <p className="hint">{t('room.panel.drawingOpen')}</p>
      {status.requests.length > 0 && (
        <div className="room-requests" role="region" aria-label={t('room.panel.requests')}>
          <h3>{t('room.panel.requests')}</h3>
          <ul>
            {status.requests.map((request) => (
              <li key={request.requestId} data-testid="room-request">
                <span>
                  {request.kind === 'claim'
                    ? t('room.panel.claimRequest', { name: personName(request.participantId) })
                    : t('room.panel.newNameRequest', { name: request.name, team: teamName(request.teamId) })}
                </span>
                <button type="button" className="btn btn--primary btn--small" onClick={() => decide(request, true)}>
                  {t('room.panel.accept')}
                </button>
                <button type="button" className="btn btn--small" onClick={() => decide(request, false)}>
                  {t('room.panel.decline')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {unnamed > 0 && <p className="hint">{t('room.panel.devicesWithoutName', { count: unnamed })}</p>}
      <details className="room-test" open={status.reachedAt === null}>
        <summary>{t('room.panel.test.title')}</summary>
        <p>{t('room.panel.test.intro')}</p>
        <p className={status.reachedAt ? 'room-test__ok' : 'room-test__waiting'} role="status" data-testid="room-test-result">
          {status.reachedAt ? t('room.panel.test.ok', { time: time(status.reachedAt) }) : t('room.panel.test.waiting')}
        </p>
        {chosen && (chosen.kind === 'virtual' || chosen.kind === 'linkLocal') && (
          <p className="room-panel__problem" role="alert">{t('room.panel.test.virtualChosen')}</p>
        )}
        {status.reachedAt === null && (
          <>
            <p>{t('room.panel.test.help')}</p>
            <ol className="room-test__steps">
              <li>{t('room.panel.test.sameNetwork')}</li>
              <li>{t('room.panel.test.isolation')}</li>
              <li>{t('room.panel.test.firewall')}</li>
              <li>{t('room.panel.test.vpn')}</li>
            </ol>
          </>
        )}
      </details>
    </section>
  );
}
