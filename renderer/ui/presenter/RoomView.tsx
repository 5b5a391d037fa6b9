import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomCompare, RoomLegendTeam, RoomNote, RoomState } from '../../../shared/room-state';
import { CompareOver, CompareUnder, NoteMarkers } from '../../canvas/CompareLayers';
import { CurveChart } from '../../canvas/CurveChart';
import { presenterStyle } from '../../canvas/chartGeometry';
import { SPAN_COLOR } from '../../canvas/colors';
import { useElementSize } from '../../canvas/useElementSize';
import type { CurvePoint, LineStyle, Milestone, TimePos } from '../../domain';
import { markerIsStroked, markerPath, type MarkerShape } from '../../scene/markers';
import { dropMarkText, dropText, gapText, phaseSpan, spanPrompt } from '../../scene/sceneText';
import type { VisibleCurve } from '../../state';
import { RoomJoinCard } from '../room/RoomJoinCard';
import { TimerFace } from '../timer/TimerFace';
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
        {/* The facilitator's laptop chimes; the room screen stays silent, so the end is heard once. */}
        {state.timer && (
          <div className="room__timer" data-testid="room-timer">
            <TimerFace timer={state.timer} size="large" allowSound={false} />
          </div>
        )}
      </header>
      <RoomStage state={state} />
      {state.compare && <RoomFacts compare={state.compare} />}
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
    <div ref={ref} className={`room__stage${withNotes ? ' room__stage--notes' : ''}${state.join ? ' room__stage--join' : ''}`}>
      <RoomChart state={state} basis={{ width, height }} />
      <StageCard state={state} />
      {withNotes && <RoomNotes notes={state.notes} />}
      {state.join && (
        <aside className="room__join" data-testid="room-join-card">
          <RoomJoinCard join={state.join} size="room" />
        </aside>
      )}
    </div>
  );
}

const hasCompareKey = (compare: RoomCompare | null) =>
  !!compare && (compare.teams.length > 0 || compare.gap !== null || compare.spans.length > 0 || compare.perception.length > 0);

/** The chart's accessible description: what it shows besides the curves (the drop sizes, the spans, the notes). */
function chartDescription(state: RoomState, curveCount: number, t: T, language: string): string {
  const parts = [t('presenter.room.chartLabel', { count: curveCount })];
  const compare = state.compare;
  if (compare?.gap) parts.push(t('presenter.room.gapLabel', { a: compare.gap.a.name, b: compare.gap.b.name }));
  if (compare && compare.drops.length > 0) {
    parts.push(t('presenter.room.dropsLabel', { drops: compare.drops.map((d) => dropMarkText(t, language, d.team, d.drop)).join(', ') }));
  }
  if (compare && compare.spans.length > 0) {
    const spans = compare.spans.map((sp) => t('presenter.room.spanItem', { n: sp.number, phase: phaseSpan(t, sp.firstPhase, sp.lastPhase) })).join(', ');
    parts.push(t('presenter.room.spansLabel', { spans }));
  }
  if (state.notes.length > 0) parts.push(t('presenter.room.notesLabel', { count: state.notes.length }));
  return parts.join(' ');
}

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
  const markers = useMemo(() => state.curves.map((c) => ({ key: c.key, color: c.color, marker: c.marker, markerPoints: c.markerPoints, faded: c.faded })), [state.curves]);
  const pins = useMemo(
    () => state.notes.map((n) => ({ key: `n${n.number}`, number: n.number, at: n.at as TimePos, kind: n.kind, color: n.color, level: n.level })),
    [state.notes],
  );
  const { phases, milestones, handoverId } = state.timeline;
  const language = i18n.language;
  return (
    <div
      className="room__chart"
      data-gap={gap ? `${gap.a.name} − ${gap.b.name}` : undefined}
      data-drops={compare?.drops.length ?? 0}
      data-spans={compare?.spans.length ?? 0}
      data-notes={state.notes.length}
      data-testid="room-chart"
    >
      <CurveChart
        phases={phases}
        milestones={milestones as unknown as readonly Milestone[]}
        handoverId={handoverId}
        scale={state.scale}
        curves={curves}
        keepFadedBeneath
        rasterOffThread
        drawColor={null}
        handoverBadge={t('chart.handoverBadge')}
        label={chartDescription(state, curves.length, t, language)}
        style={style}
        underlay={compare ? (g) => <CompareUnder geometry={g} drawing={compare} targetLabel={t('compare.target.label')} strong /> : undefined}
        markers={markers}
        overlay={(g) => (
          <>
            {compare && (
              <CompareOver
                geometry={g}
                drawing={compare}
                dropLabel={(team, drop) => dropMarkText(t, language, team, drop)}
                gapLabel={(a, b) => t('compare.gap.strip', { a, b })}
              />
            )}
            {pins.length > 0 && <NoteMarkers geometry={g} notes={pins} />}
          </>
        )}
      />
    </div>
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
        {notes.map((n) => {
          const meta = [
            t(`compare.notes.kinds.${n.kind}`),
            n.phase,
            n.participant ? t('presenter.room.noteOn', { name: n.participant }) : '',
            n.author ? t('presenter.room.noteBy', { name: n.author }) : '',
          ].filter(Boolean);
          return (
            <li key={n.number} className="room__note" data-testid="room-note">
              <span className={`room__pin room__pin--${n.kind}`} style={{ borderColor: n.color }} aria-hidden="true">
                {n.number}
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

/**
 * What the comparison says, in the room's words: the drop after the
 * handover of Sales and PS and where they differed most, from the facts the
 * facilitator's compare scene put into the room state, with the same
 * sentences as the facilitator's screen and the PDF.
 */
function RoomFacts({ compare }: { compare: RoomCompare }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const gapTeams = compare.facts.gap ? [compare.facts.gap.a, compare.facts.gap.b] : [];
  const drops = compare.facts.drops.filter((d) => gapTeams.length === 0 || gapTeams.includes(d.team));
  const gap = compare.facts.gap ? gapText(t, language, compare.facts.gap) : null;
  if (drops.length === 0 && !gap?.largest) return null;
  return (
    <section className="room__facts" aria-label={t('presenter.room.facts')} data-testid="room-facts">
      {drops.map((d) => {
        const text = dropText(t, language, d);
        return (
          <p key={d.team} className="room__fact" data-testid="room-drop">
            {text.text}
            {text.flag && <span className="room__flag">{text.flag}</span>}
            {d.state !== 'notAcross' && d.n === 1 && <span className="room__basis"> · {t('compare.facts.onePerson')}</span>}
          </p>
        );
      })}
      {gap?.largest && (
        <p className="room__fact" data-testid="room-gap-largest">
          {gap.largest}
          {gap.basis && <span className="room__basis"> · {gap.basis}</span>}
        </p>
      )}
    </section>
  );
}

/** A short line in the style it stands for, as in the facilitator's legend, sized for the room: a person's with their marker, or a team line. */
function LineSample({ color, lineStyle, marker = 'none', team = false }: { color: string; lineStyle: LineStyle; marker?: MarkerShape; team?: boolean }) {
  const dash = { solid: undefined, dashed: '10 6', dotted: '0.1 9', dashdot: '12 6 0.1 6' }[lineStyle];
  return (
    <svg className="room__line" viewBox="0 0 56 16" aria-hidden="true">
      <line x1="5" y1="8" x2="51" y2="8" stroke={team ? '#ffffff' : '#1b2430'} strokeWidth={team ? 12 : 9} strokeLinecap="round" />
      {team && <line x1="5" y1="8" x2="51" y2="8" stroke="#1b2430" strokeWidth="9.5" strokeLinecap="round" strokeOpacity="0.25" />}
      <line x1="5" y1="8" x2="51" y2="8" stroke={color} strokeWidth={team ? 7.5 : 5.5} strokeLinecap="round" strokeDasharray={dash} />
      {marker !== 'none' && (
        <path
          d={markerPath(marker, 12)}
          transform="translate(28 8)"
          fill={markerIsStroked(marker) ? 'none' : color}
          stroke={markerIsStroked(marker) ? color : '#1b2430'}
          strokeWidth={markerIsStroked(marker) ? 3 : 1.5}
        />
      )}
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
                <LineSample color={s.color} lineStyle={s.lineStyle} team />
                <span>{t('presenter.room.mean', { team: s.name, count: s.n, n: s.n })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {compare && compare.perception.length > 0 && (
        <div className="room__team room__team--means" data-testid="room-perception">
          <ul className="room__members">
            {compare.perception.map((p) => (
              <li key={`${p.guessing.name}-${p.guessed.name}`} className="room__mean">
                <LineSample color={p.guessed.color} lineStyle="dashed" team />
                <span>{t('compare.perception.legendGuess', { guessing: p.guessing.name, guessed: p.guessed.name })}</span>
                <LineSample color={p.guessed.color} lineStyle="solid" team />
                <span>{t('compare.perception.legendReal', { guessed: p.guessed.name })}</span>
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
                <span className="room__chip" style={{ background: side.color }} aria-hidden="true" />
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
            {compare.spans.map((sp) => {
              const fact = compare.facts.spans.find((f) => f.number === sp.number);
              return (
                <li key={`${sp.start}-${sp.end}`} className="room__member" title={fact ? spanPrompt(t, fact) : undefined}>
                  <span className="room__span-number" style={{ background: SPAN_COLOR }} aria-hidden="true">
                    {sp.number}
                  </span>
                  <span>{phaseSpan(t, sp.firstPhase, sp.lastPhase)}</span>
                </li>
              );
            })}
          </ol>
        </div>
      )}
      {teams.map((team) => (
        <div key={team.name} className={`room__team${team.highlighted ? ' room__team--highlighted' : ''}`}>
          <span className="room__team-name">{team.name}</span>
          <ul className="room__members">
            {team.members.map((m) => (
              <li
                key={m.key}
                className={`room__member${m.highlighted ? ' room__member--highlighted' : ''}${m.pending ? ' room__member--pending' : ''}`}
              >
                <LineSample color={m.color} lineStyle={m.lineStyle} marker={m.marker} />
                <span>{m.label}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
