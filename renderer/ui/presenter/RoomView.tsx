import { Fragment, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomCompare, RoomLegendTeam, RoomState, RoomTeamSeries } from '../../../electron/contract';
import { Band, SeriesLine, TargetLine, teamColor, teamDash } from '../../canvas/CompareLayers';
import { CurveChart } from '../../canvas/CurveChart';
import { presenterStyle, type ChartGeometry } from '../../canvas/chartGeometry';
import { useElementSize } from '../../canvas/useElementSize';
import type { CurvePoint, LineStyle, Milestone, Team, TimePos } from '../../domain';
import type { VisibleCurve } from '../../state';
import './presenter.css';

/**
 * The room view: what the meeting-room screen shows, and nothing the
 * facilitator uses to run the workshop. Drawn only from a RoomState, so the
 * presenter window (state from the facilitator's window) and the
 * single-screen present mode (state from this window's store) look the same.
 */
export function RoomView({ state, children }: { state: RoomState | null; children?: React.ReactNode }) {
  const { t } = useTranslation();
  if (!state) {
    return (
      <div className="room room--waiting" role="region" aria-label={t('presenter.room.region')} data-testid="room-view">
        <p className="room__waiting">{t('presenter.room.waiting')}</p>
        {children}
      </div>
    );
  }
  return (
    <div className="room" role="region" aria-label={t('presenter.room.region')} data-testid="room-view" data-screen={state.screen.kind}>
      <header className="room__header">
        <h1 className="room__question">{state.question}</h1>
        <p className="room__status" data-testid="room-status">
          {statusText(state, t)}
          {state.anonymous && <span className="room__badge">{t('presenter.room.anonymous')}</span>}
        </p>
      </header>
      <div className="room__stage">
        <RoomChart state={state} />
        <StageCard state={state} />
      </div>
      {(state.legend.length > 0 || (state.compare?.teams.length ?? 0) > 0) && <RoomLegend teams={state.legend} compare={state.compare} />}
      {children}
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function statusText(state: RoomState, t: T): string {
  const s = state.screen;
  switch (s.kind) {
    case 'setup':
      return state.title || t('presenter.room.setup');
    case 'draw':
      return t('presenter.room.drawn', { count: s.drawn, drawn: s.drawn, total: s.total });
    case 'reveal':
      return s.total === 0 ? t('presenter.room.nothingDrawn') : t('presenter.room.revealed', { shown: s.shown, total: s.total });
    case 'compare':
      return t('presenter.room.compare');
    case 'discuss':
      return t('presenter.room.discuss');
  }
}

/** A card over the chart while the room waits: setup, whose turn it is, the curtain, blind drawing, "ready to reveal". */
function StageCard({ state }: { state: RoomState }) {
  const { t } = useTranslation();
  const s = state.screen;
  let title: string | null = null;
  let detail: string | null = null;
  let color: string | null = null;
  if (s.kind === 'setup') title = t('presenter.room.setup');
  if (s.kind === 'draw') {
    color = s.drawerColor;
    if (s.drawer === null) title = t('presenter.room.picking');
    else if (s.curtain) title = t('presenter.room.curtain', { name: s.drawer });
    else if (s.blind) title = t('presenter.room.drawing', { name: s.drawer });
    if (title && s.blind) detail = t('presenter.room.blind');
  }
  if (s.kind === 'reveal' && s.step === 0) title = s.steps === 0 ? t('presenter.room.nothingDrawn') : t('presenter.room.ready');
  if (!title) return null;
  return (
    <div className="room__card" data-testid="room-card">
      <div className="room__card-box">
        {color && <span className="room__swatch" style={{ background: color }} aria-hidden="true" />}
        <p className="room__card-title">{title}</p>
        {detail && <p className="room__card-detail">{detail}</p>}
      </div>
    </div>
  );
}

function RoomChart({ state }: { state: RoomState }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(ref);
  const style = useMemo(() => presenterStyle(width, height), [width, height]);
  const curves = useMemo(
    (): VisibleCurve[] =>
      state.curves.map((c) => ({
        participant: { id: c.key, name: c.label, teamId: c.team, color: c.color },
        team: { id: c.team, name: c.team, role: 'other', lineStyle: c.lineStyle },
        curve: { participantId: c.key, roundId: 'room', points: c.points as unknown as CurvePoint[] },
        faded: c.faded,
      })),
    [state.curves],
  );
  const { phases, milestones, handoverId } = state.timeline;
  const compare = state.compare;
  return (
    <div className="room__chart" ref={ref}>
      <CurveChart
        phases={phases}
        milestones={milestones as unknown as readonly Milestone[]}
        handoverId={handoverId}
        scale={state.scale}
        curves={curves}
        drawColor={null}
        handoverBadge={t('chart.handoverBadge')}
        label={t('presenter.room.chartLabel', { count: curves.length })}
        style={style}
        underlay={compare ? (g) => <CompareUnderlay geometry={g} compare={compare} targetLabel={t('compare.target.label')} /> : undefined}
        overlay={compare ? (g) => <CompareOverlay geometry={g} compare={compare} /> : undefined}
      />
    </div>
  );
}

const asTeam = (s: RoomTeamSeries): Team => ({ id: s.name, name: s.name, role: s.role, lineStyle: s.lineStyle });

/** Under the curves: each team's spread band, and the method's target curve. */
function CompareUnderlay({ geometry: g, compare, targetLabel }: { geometry: ChartGeometry; compare: RoomCompare; targetLabel: string }) {
  const grid = compare.grid as TimePos[];
  const highlight = compare.teams.some((s) => s.highlighted);
  return (
    <>
      {compare.teams.map((s) =>
        s.lower && s.upper ? (
          <Band
            key={s.name}
            geometry={g}
            grid={grid}
            lower={s.lower}
            upper={s.upper}
            color={teamColor(asTeam(s))}
            // A little stronger than on the laptop: projectors wash pale fills out.
            opacity={s.dimmed ? 0.06 : highlight ? 0.32 : 0.2}
          />
        ) : null,
      )}
      {compare.target && <TargetLine geometry={g} grid={grid} values={compare.target} label={targetLabel} />}
    </>
  );
}

/** Over the curves: each team's mean, thick, in the team colour with a dark outline. */
function CompareOverlay({ geometry: g, compare }: { geometry: ChartGeometry; compare: RoomCompare }) {
  const grid = compare.grid as TimePos[];
  return (
    <>
      {compare.teams.map((s) => {
        const team = asTeam(s);
        const w = g.style.curveWidth * (s.highlighted ? 1.9 : 1.5);
        const casing = g.style.casing;
        const opacity = s.dimmed ? 0.35 : 1;
        return (
          <Fragment key={s.name}>
            {casing && (
              <SeriesLine geometry={g} grid={grid} values={s.mean} color={casing} width={w + Math.max(3, w * 0.4)} dash={teamDash(team, w)} opacity={opacity} />
            )}
            <SeriesLine geometry={g} grid={grid} values={s.mean} color={teamColor(team)} width={w} dash={teamDash(team, w)} opacity={opacity} />
          </Fragment>
        );
      })}
    </>
  );
}

/** A short line in the team's style, as in the facilitator's legend, sized for the room. */
function LineSample({ color, lineStyle }: { color: string; lineStyle: LineStyle }) {
  const dash = { solid: undefined, dashed: '10 6', dotted: '0.1 9', dashdot: '12 6 0.1 6' }[lineStyle];
  return (
    <svg className="room__line" viewBox="0 0 56 16" aria-hidden="true">
      <line x1="5" y1="8" x2="51" y2="8" stroke="#1b2430" strokeWidth="9" strokeLinecap="round" strokeDasharray={dash} />
      <line x1="5" y1="8" x2="51" y2="8" stroke={color} strokeWidth="5.5" strokeLinecap="round" strokeDasharray={dash} />
    </svg>
  );
}

function RoomLegend({ teams, compare }: { teams: readonly RoomLegendTeam[]; compare: RoomCompare | null }) {
  const { t } = useTranslation();
  return (
    <section className="room__legend" aria-label={t('presenter.room.legend')} data-testid="room-legend">
      {compare && compare.teams.length > 0 && (
        <div className="room__team room__team--means">
          <span className="room__team-name">{t('presenter.room.means')}</span>
          <ul className="room__members" aria-label={t('presenter.room.means')}>
            {compare.teams.map((s) => (
              <li key={s.name} className={s.highlighted ? 'room__mean room__member--highlighted' : 'room__mean'} data-testid="room-mean">
                <LineSample color={teamColor(asTeam(s))} lineStyle={s.lineStyle} />
                <span>{t('presenter.room.mean', { team: s.name, count: s.n, n: s.n })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {teams.map((team) => (
        <div key={team.name} className={`room__team${team.highlighted ? ' room__team--highlighted' : ''}`}>
          <span className="room__team-name">{team.name}</span>
          <ul className="room__members">
            {team.members.map((m) => (
              <li key={m.key} className={m.highlighted ? 'room__member room__member--highlighted' : 'room__member'}>
                <LineSample color={m.color} lineStyle={team.lineStyle} />
                <span>{m.label}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
