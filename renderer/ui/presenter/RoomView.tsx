import { Fragment, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Group } from 'react-konva';
import type { RoomCompare, RoomLegendTeam, RoomNote, RoomState, RoomTeamSeries } from '../../../shared/contract';
import { Band, DisagreementShading, GapStrip, HandoverDropMarker, NoteMarkers, SeriesLine, TargetLine, teamColor, teamDash } from '../../canvas/CompareLayers';
import { CurveChart } from '../../canvas/CurveChart';
import { presenterStyle, type ChartGeometry } from '../../canvas/chartGeometry';
import { SPAN_COLOR, TEAM_ROLE_COLORS } from '../../canvas/colors';
import { useElementSize } from '../../canvas/useElementSize';
import type { CurvePoint, LineStyle, Milestone, Note, Team, TimePos } from '../../domain';
import type { VisibleCurve } from '../../state';
import { formatLevel } from '../format';
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
      <RoomStage state={state} />
      {(state.legend.length > 0 || hasCompareKey(state.compare)) && <RoomLegend teams={state.legend} compare={state.compare} />}
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

/**
 * The chart, with the card over it; in the discuss view the notes beside it.
 * Type on the chart is sized from the whole stage, so it stays as large when
 * the notes take a third of the width.
 */
function RoomStage({ state }: { state: RoomState }) {
  const ref = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(ref);
  const withNotes = state.screen.kind === 'discuss' && state.notes.length > 0;
  return (
    <div ref={ref} className={`room__stage${withNotes ? ' room__stage--notes' : ''}`}>
      <RoomChart state={state} basis={{ width, height }} />
      <StageCard state={state} />
      {withNotes && <RoomNotes notes={state.notes} />}
    </div>
  );
}

const hasCompareKey = (compare: RoomCompare | null) => !!compare && (compare.teams.length > 0 || compare.gap !== null || compare.spans.length > 0);

/** The chart's accessible description: what it shows besides the curves (the drop sizes, the spans, the notes). */
function chartDescription(state: RoomState, curveCount: number, t: T, language: string): string {
  const parts = [t('presenter.room.chartLabel', { count: curveCount })];
  const compare = state.compare;
  if (compare?.gap) parts.push(t('presenter.room.gapLabel', { a: compare.gap.a.name, b: compare.gap.b.name }));
  if (compare && compare.drops.length > 0) parts.push(t('presenter.room.dropsLabel', { drops: compare.drops.map((d) => dropLabel(d, t, language)).join(', ') }));
  if (compare && compare.spans.length > 0) {
    const spans = compare.spans.map((sp, i) => t('presenter.room.spanItem', { n: i + 1, phase: sp.phase })).join(', ');
    parts.push(t('presenter.room.spansLabel', { spans }));
  }
  if (state.notes.length > 0) parts.push(t('presenter.room.notesLabel', { count: state.notes.length }));
  return parts.join(' ');
}

/** "Sales −4,2", as the facilitator's drop marker says it. */
const dropLabel = (d: RoomCompare['drops'][number], t: T, language: string) =>
  `${d.team} ${t('compare.handover.marker', { drop: formatLevel(d.before - d.low, language) })}`;

function RoomChart({ state, basis }: { state: RoomState; basis: { width: number; height: number } }) {
  const { t, i18n } = useTranslation();
  const compare = state.compare;
  const gap = compare?.gap ?? null;
  const style = useMemo(() => {
    const base = presenterStyle(basis.width, basis.height);
    // Room for the Sales–PS gap strip under the chart, as tall as two lines of the chart's type.
    return gap ? { ...base, stripHeight: Math.round(base.fontSize * 2.4) } : base;
  }, [basis.width, basis.height, gap]);
  // Every room state arrives as new objects: a curve that did not change keeps its object, so its
  // (memoised) shape is not rendered again at each reveal step.
  const kept = useRef(new Map<string, { json: string; curve: VisibleCurve }>());
  const curves = useMemo((): VisibleCurve[] => {
    const next = new Map<string, { json: string; curve: VisibleCurve }>();
    const list = state.curves.map((c) => {
      const json = JSON.stringify(c);
      const known = kept.current.get(c.key);
      const curve: VisibleCurve =
        known?.json === json
          ? known.curve
          : {
              participant: { id: c.key, name: c.label, teamId: c.team, color: c.color },
              team: { id: c.team, name: c.team, role: 'other', lineStyle: c.lineStyle },
              curve: { participantId: c.key, roundId: 'room', points: c.points as unknown as CurvePoint[] },
              faded: c.faded,
            };
      next.set(c.key, { json, curve });
      return curve;
    });
    kept.current = next;
    return list;
  }, [state.curves]);
  const { phases, milestones, handoverId } = state.timeline;
  const notes = state.notes;
  const language = i18n.language;
  return (
    <div
      className="room__chart"
      data-gap={gap ? `${gap.a.name} − ${gap.b.name}` : undefined}
      data-drops={compare?.drops.length ?? 0}
      data-spans={compare?.spans.length ?? 0}
      data-notes={notes.length}
      data-testid="room-chart"
    >
      <CurveChart
        phases={phases}
        milestones={milestones as unknown as readonly Milestone[]}
        handoverId={handoverId}
        scale={state.scale}
        curves={curves}
        drawColor={null}
        handoverBadge={t('chart.handoverBadge')}
        label={chartDescription(state, curves.length, t, language)}
        style={style}
        underlay={compare ? (g) => <CompareUnderlay geometry={g} compare={compare} targetLabel={t('compare.target.label')} /> : undefined}
        overlay={
          compare || notes.length > 0
            ? (g) => (
                <>
                  {compare && <CompareOverlay geometry={g} compare={compare} dropLabel={(d) => dropLabel(d, t, language)} />}
                  {compare?.gap && (
                    <GapStrip
                      geometry={g}
                      grid={compare.grid as TimePos[]}
                      gap={compare.gap.values}
                      colorA={TEAM_ROLE_COLORS[compare.gap.a.role]}
                      colorB={TEAM_ROLE_COLORS[compare.gap.b.role]}
                      label={t('compare.gap.strip', { a: compare.gap.a.name, b: compare.gap.b.name })}
                    />
                  )}
                  {notes.length > 0 && <RoomNoteMarkers geometry={g} notes={notes} />}
                </>
              )
            : undefined
        }
      />
    </div>
  );
}

/** The notes' numbered pins on the chart, drawn by the facilitator's NoteMarkers from the room's notes. */
function RoomNoteMarkers({ geometry, notes }: { geometry: ChartGeometry; notes: readonly RoomNote[] }) {
  const pins = useMemo(() => {
    const byPin = new Map<Note, RoomNote>();
    for (const [i, n] of notes.entries()) {
      byPin.set({ id: `n${i + 1}`, roundId: 'room', at: n.at as TimePos, participantId: null, kind: n.kind, text: n.text, author: '' }, n);
    }
    return byPin;
  }, [notes]);
  return (
    <NoteMarkers
      geometry={geometry}
      notes={[...pins.keys()]}
      selectedId={null}
      levelOf={(pin) => pins.get(pin)?.level ?? null}
      colorOf={(pin) => pins.get(pin)?.color ?? '#1f2a37'}
    />
  );
}

/** The discuss view's notes as a numbered list beside the chart: text large, where and by whom below. */
function RoomNotes({ notes }: { notes: readonly RoomNote[] }) {
  const { t } = useTranslation();
  const density = notes.length > 12 ? ' room__notes--lots' : notes.length > 6 ? ' room__notes--many' : '';
  return (
    <section className={`room__notes${density}`} aria-labelledby="room-notes-title" data-testid="room-notes">
      <h2 id="room-notes-title" className="room__notes-title">
        {t('presenter.room.notes')}
      </h2>
      <ol className="room__note-list">
        {notes.map((n, i) => {
          const meta = [
            t(`compare.notes.kinds.${n.kind}`),
            n.phase,
            n.participant ? t('presenter.room.noteOn', { name: n.participant }) : '',
            n.author ? t('presenter.room.noteBy', { name: n.author }) : '',
          ].filter(Boolean);
          return (
            <li key={i} className="room__note" data-testid="room-note">
              <span className={`room__pin room__pin--${n.kind}`} style={{ borderColor: n.color }} aria-hidden="true">
                {i + 1}
              </span>
              <div className="room__note-body">
                <p className="room__note-text">{n.text}</p>
                <p className="room__note-meta" data-testid="room-note-meta">
                  {meta.join(' · ')}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

const asTeam = (s: RoomTeamSeries): Team => ({ id: s.name, name: s.name, role: s.role, lineStyle: s.lineStyle });

/** Under the curves: the disagreement spans, each team's spread band, and the method's target curve. */
function CompareUnderlay({ geometry: g, compare, targetLabel }: { geometry: ChartGeometry; compare: RoomCompare; targetLabel: string }) {
  const grid = compare.grid as TimePos[];
  const highlight = compare.teams.some((s) => s.highlighted);
  const spans = useMemo(() => compare.spans.map((sp) => ({ start: sp.start as TimePos, end: sp.end as TimePos })), [compare.spans]);
  return (
    <>
      {/* Stronger than on the laptop, as the bands: projectors wash pale fills out. */}
      {spans.length > 0 && <DisagreementShading geometry={g} spans={spans} opacity={0.24} />}
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

/** Over the curves: each team's mean, thick, in the team colour with a dark outline; the handover drop markers with their size. */
function CompareOverlay({
  geometry: g,
  compare,
  dropLabel,
}: {
  geometry: ChartGeometry;
  compare: RoomCompare;
  dropLabel: (drop: RoomCompare['drops'][number]) => string;
}) {
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
      {compare.drops.map((d, i) => (
        <Group key={d.team} opacity={d.dimmed ? 0.35 : 1}>
          <HandoverDropMarker
            geometry={g}
            handoverAt={d.at as TimePos}
            before={d.before}
            low={d.low}
            lowAt={d.lowAt as TimePos}
            color={TEAM_ROLE_COLORS[d.role]}
            label={dropLabel(d)}
            offset={i * g.style.curveWidth * 2}
          />
        </Group>
      ))}
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
      {compare?.gap && (
        <div className="room__team room__key" data-testid="room-gap">
          <span className="room__team-name">{t('presenter.room.gap', { a: compare.gap.a.name, b: compare.gap.b.name })}</span>
          <ul className="room__members">
            {[compare.gap.a, compare.gap.b].map((side) => (
              <li key={side.name} className="room__member">
                <span className="room__chip" style={{ background: TEAM_ROLE_COLORS[side.role] }} aria-hidden="true" />
                <span>{t('presenter.room.gapHigher', { team: side.name })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {compare && compare.spans.length > 0 && (
        <div className="room__team room__key" data-testid="room-spans">
          <span className="room__team-name">{t('presenter.room.spans')}</span>
          <ol className="room__members">
            {compare.spans.map((sp, i) => (
              <li key={`${sp.start}-${sp.end}`} className="room__member">
                <span className="room__span-number" style={{ background: SPAN_COLOR }} aria-hidden="true">
                  {i + 1}
                </span>
                <span>{sp.phase}</span>
              </li>
            ))}
          </ol>
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
