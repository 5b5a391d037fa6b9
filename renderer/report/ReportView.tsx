import type { TFunction } from 'i18next';
import { Fragment, useMemo } from 'react';
import { dashPattern, layoutChart, type ChartStyle } from '../canvas/chartGeometry';
import { TARGET_COLOR } from '../canvas/colors';
import { targetCurvePoints, type ActionItem, type Figure, type Id, type LineStyle, type RoundAnalysis, type Round, type Session, type TimePos } from '../domain';
import { buildCompareScene, REPORT_SWITCHES, stretchPhases, type CompareScene, type SceneLegend } from '../scene/compareScene';
import { markerIsStroked, markerPath, type MarkerShape } from '../scene/markers';
import {
  agreementText,
  carriedOverText,
  dropMarkText,
  dropText,
  gapText,
  peakEndText,
  perceptionText,
  personEndText,
  phaseSpan,
  spanDetail,
  spanPrompt,
} from '../scene/sceneText';
import type { ReportOptions } from '../../shared/report-job';
import { ChartSvg, type ChartCurve, type ChartTeamMean } from './ChartSvg';
import {
  formatCorrelation,
  formatDate,
  formatFigure,
  formatLevel,
  formatShare,
  formatTimePercent,
  participantsByTeam,
  reportRounds,
  reportTitle,
} from './reportFormat';
import { dashArray } from './svgPaths';
import './report.css';

/** The font stack of the report: the bundled Inter first; the rest is never reached when it is loaded. */
export const REPORT_FONT = 'Inter, "Helvetica Neue", Arial, sans-serif';

/** Chart proportions in the report: laid out at this size and scaled to the page by the SVG viewBox. */
const CHART_WIDTH = 1000;
const OVERLAY_HEIGHT = 500;
// Wider than tall: the comparison sheet also carries the figures per team below the chart.
const COMPARISON_HEIGHT = 380;
const REPORT_CHART_STYLE: ChartStyle = { fontSize: 12, curveWidth: 2.2 };
const GAP_STRIP_HEIGHT = 48;

/** More participants than this get the compact legend (smaller type, narrower columns). */
const DENSE_LEGEND_FROM = 16;
/** The summary lists open action items up to this many; the rest are on the last page. */
const SUMMARY_ACTIONS = 6;
/** Up to this many participants, the summary names them; beyond, it counts them per team. */
const SUMMARY_NAMES = 24;

/**
 * What the report caps, because beyond it a page would be unreadable and the
 * whole report unreasonably large (the file format allows 50 rounds of 500
 * curves: 82 MB of markup, a minute to print). Past these, a sheet says so.
 * - The comparison draws the individual curves under the team lines up to
 *   this many curves; beyond, the team lines and bands carry it (the
 *   overlay sheet still shows every curve).
 * - The overlay's legend names people up to this many; beyond, it counts
 *   them per team.
 */
const CURVES_UNDER_LINES_MAX = 60;
const LEGEND_NAMES_MAX = 60;
/** Rows of the figures per participant, per round; the rest are in the app's compare view. */
const FIGURE_ROWS_MAX = 100;

export interface ReportViewProps {
  readonly session: Session;
  readonly options: ReportOptions;
  /** Texts in the report's language (fixed, independent of the UI's). */
  readonly t: TFunction;
  readonly analyse: (session: Session, roundId: Id) => RoundAnalysis;
}

/**
 * The printable report: one document of landscape sheets — a first page
 * with the findings in sentences, then for every round with curves the
 * overlay with its legend, the team comparison (or, for an "other team"
 * round, the perception gap) and the figures per participant with every
 * disagreement span and its prompt, and finally notes and action items.
 * Every figure, colour, number and sentence comes from the round's compare
 * scene, as in the app and the room. Every word is text and every curve an
 * SVG path, so Chromium's print pipeline writes a vector PDF with the
 * bundled font embedded.
 */
export function ReportView({ session, options, t, analyse }: ReportViewProps) {
  const rounds = useMemo(() => reportRounds(session), [session]);
  const scenes = useMemo(() => new Map(rounds.map((r) => [r.id, buildCompareScene(session, r.id, analyse, REPORT_SWITCHES)] as const)), [rounds, session, analyse]);
  const title = reportTitle(session, t);
  const date = formatDate(session.project.date, options.language);
  const head = [title, date].filter(Boolean).join(' · ');

  return (
    <div className={`report report--${options.paper}`} lang={options.language} data-testid="report">
      <SummaryPage session={session} rounds={rounds} scenes={scenes} t={t} options={options} />
      {rounds.map((round) => {
        const scene = scenes.get(round.id)!;
        const drawn = scene.curveCount > 0;
        const perception = scene.roundKind === 'otherTeam' && scene.perception.length > 0;
        return (
          <Fragment key={round.id}>
            <OverlayPage session={session} round={round} scene={scene} t={t} head={head} />
            {drawn && !perception && <ComparisonPage session={session} round={round} scene={scene} t={t} options={options} head={head} />}
            {drawn && perception && <PerceptionPage session={session} round={round} scene={scene} t={t} options={options} head={head} />}
            {drawn && <FiguresPage session={session} round={round} scene={scene} t={t} options={options} head={head} />}
          </Fragment>
        );
      })}
      <DiscussionPage session={session} rounds={rounds} scenes={scenes} t={t} options={options} head={head} />
    </div>
  );
}

function SheetHead({ head, section }: { head: string; section: string }) {
  return (
    <header className="sheet__head">
      <span>{head}</span>
      <span>{section}</span>
    </header>
  );
}

/** A short line in the style it stands for: a person's (with their marker) or a team line (thick). */
function LineSample({ color, lineStyle, width = 2.5, marker = 'none' }: { color: string; lineStyle: LineStyle; width?: number; marker?: MarkerShape }) {
  return (
    <svg className="line-sample" viewBox="0 0 28 10" width="28" height="10" aria-hidden="true">
      <line x1={3} y1={5} x2={25} y2={5} stroke={color} strokeWidth={width} strokeLinecap="round" strokeDasharray={dashArray(dashPattern(lineStyle, width))} />
      {marker !== 'none' && (
        <path
          d={markerPath(marker, 7)}
          transform="translate(14 5)"
          fill={markerIsStroked(marker) ? 'none' : color}
          stroke={markerIsStroked(marker) ? color : '#ffffff'}
          strokeWidth={markerIsStroked(marker) ? 1.5 : 0.6}
        />
      )}
    </svg>
  );
}

function Swatch({ color }: { color: string }) {
  return (
    <svg className="swatch" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">
      <circle cx={5} cy={5} r={4.5} fill={color} />
    </svg>
  );
}

const chartGeometry = (session: Session, height: number, style: ChartStyle) =>
  layoutChart(CHART_WIDTH, height, session.timeline.phases, session.timeline.milestones, session.timeline.handoverId, [session.scale.low, session.scale.mid, session.scale.high], style);

/** The round whose findings the first page tells: the first "as you experienced it" round with curves, else the first with curves. */
function mainRound(rounds: readonly Round[], scenes: ReadonlyMap<Id, CompareScene>): Round | undefined {
  const drawn = rounds.filter((r) => (scenes.get(r.id)?.curveCount ?? 0) > 0);
  return drawn.find((r) => r.kind === 'experienced') ?? drawn[0];
}

// ── Summary: the findings in sentences ─────────────────────────────────

function SummaryPage({
  session,
  rounds,
  scenes,
  t,
  options,
}: {
  session: Session;
  rounds: readonly Round[];
  scenes: ReadonlyMap<Id, CompareScene>;
  t: TFunction;
  options: ReportOptions;
}) {
  const lang = options.language;
  const { project } = session;
  const date = formatDate(project.date, lang);
  const showCustomer = !project.hideCustomer && project.customer.trim() !== '';
  const main = mainRound(rounds, scenes);
  const scene = main ? scenes.get(main.id) : undefined;
  const facts = scene?.facts;
  const perception = rounds.map((r) => scenes.get(r.id)!).find((s) => s.roundKind === 'otherTeam' && s.facts.perception.some((p) => p.meanAbs !== null));
  const open = session.actions.filter((a) => !a.done);
  const groups = participantsByTeam(session);
  const gap = facts?.gap ? gapText(t, lang, facts.gap) : null;
  const agreement = facts ? agreementText(t, lang, facts.agreement) : null;
  const topSpan = facts?.spans[0];

  return (
    <section className="sheet sheet--fixed summary" aria-label={t('report.summary.title')} data-testid="report-summary">
      <div className="summary__top">
        <p className="cover__kicker">{t('report.title')}</p>
        <h1 className="cover__title">{reportTitle(session, t)}</h1>
        <p className="summary__facts">
          {showCustomer && (
            <span data-testid="report-customer">
              {t('report.cover.customer')}: {project.customer}
            </span>
          )}
          <span>
            {t('report.cover.date')}: {date ?? t('report.cover.noDate')}
          </span>
          <span>{t('report.cover.participantCount', { count: session.participants.length })}</span>
          <span>{t('report.summary.rounds', { count: rounds.length })}</span>
        </p>
      </div>

      <div className="summary__body">
        <div className="summary__findings" data-testid="report-findings">
          <h2>{t('report.summary.findings')}</h2>
          {!scene || !facts ? (
            <p className="muted">{t('report.summary.noCurves')}</p>
          ) : (
            <>
              <p className="muted summary__question">{t('report.summary.fromQuestion', { question: main!.question })}</p>
              {facts.drops.length > 0 && (
                <div className="summary__block">
                  <h3>{t('report.summary.drops')}</h3>
                  <ul>
                    {facts.drops.map((d) => {
                      const text = dropText(t, lang, d);
                      return (
                        <li key={d.team} data-testid="summary-drop">
                          {text.text}
                          {text.flag && <strong className="flag"> {text.flag}</strong>}
                          {text.basis && <span className="muted"> · {text.basis}</span>}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              )}
              {gap && (
                <div className="summary__block">
                  <h3>{t('report.summary.gap')}</h3>
                  <ul>
                    {gap.largest && (
                      <li data-testid="summary-gap">
                        {gap.largest}
                        {gap.basis && <span className="muted"> · {gap.basis}</span>}
                      </li>
                    )}
                    {gap.mean && <li>{gap.mean}</li>}
                  </ul>
                </div>
              )}
              {topSpan && (
                <div className="summary__block">
                  <h3>{t('report.summary.disagreement')}</h3>
                  <ul>
                    <li data-testid="summary-span">
                      <strong>{spanPrompt(t, topSpan)}</strong> <span className="muted">({spanDetail(t, lang, topSpan)})</span>
                    </li>
                  </ul>
                </div>
              )}
              {perception && (
                <div className="summary__block">
                  <h3>{t('report.summary.perception')}</h3>
                  <ul>
                    {perception.facts.perception.map((p) => {
                      const text = perceptionText(t, lang, p);
                      return (
                        <li key={`${p.guessing}-${p.guessed}`} data-testid="summary-perception">
                          <strong>{text.pair}:</strong> {[text.mean, text.largest].filter(Boolean).join(' · ')}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              )}
              {agreement && (
                <div className="summary__block">
                  <h3>{t('report.summary.agreement')}</h3>
                  <ul>
                    {agreement.split && <li>{agreement.split}</li>}
                    {agreement.teams.map((sentence) => (
                      <li key={sentence}>{sentence}</li>
                    ))}
                  </ul>
                </div>
              )}
              {facts.peakEnd.length > 0 && (
                <div className="summary__block">
                  <h3>{t('report.summary.peakEnd')}</h3>
                  <ul>
                    {facts.peakEnd.map((p) => {
                      const text = peakEndText(t, lang, p);
                      return (
                        <li key={p.team}>
                          {text.text}
                          {text.verdict && ` · ${text.verdict}`}
                          {text.basis && <span className="muted"> · {text.basis}</span>}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              )}
            </>
          )}
        </div>

        <div className="summary__side">
          <div className="summary__block" data-testid="summary-actions">
            <h3>{t('report.summary.actions')}</h3>
            {open.length === 0 ? (
              <p className="muted">{t('report.summary.actionsNone')}</p>
            ) : (
              <ul>
                {open.slice(0, SUMMARY_ACTIONS).map((a) => (
                  <li key={a.id}>
                    <ActionLine action={a} t={t} options={options} />
                  </li>
                ))}
                {open.length > SUMMARY_ACTIONS && <li className="muted">{t('report.summary.actionsMore', { count: open.length - SUMMARY_ACTIONS })}</li>}
              </ul>
            )}
          </div>
          <div className="summary__block">
            <h3>{t('report.cover.participants')}</h3>
            {groups.length === 0 && <p className="muted">{t('report.cover.noParticipants')}</p>}
            <ul>
              {groups.map(({ team, participants }) => (
                <li key={team.id}>
                  <strong>{team.name}:</strong>{' '}
                  {session.participants.length <= SUMMARY_NAMES ? participants.map((p) => p.name).join(', ') : t('report.cover.participantCount', { count: participants.length })}
                </li>
              ))}
            </ul>
          </div>
          {rounds.length > 1 && (
            <div className="summary__block">
              <h3>{t('report.cover.rounds')}</h3>
              <ol>
                {rounds.map((r) => (
                  <li key={r.id}>{r.question}</li>
                ))}
              </ol>
            </div>
          )}
        </div>
      </div>
      <p className="cover__made">{t('report.madeWith')}</p>
    </section>
  );
}

function ActionLine({ action, t, options }: { action: ActionItem; t: TFunction; options: ReportOptions }) {
  const due = formatDate(action.due, options.language);
  return (
    <>
      <strong>{action.what}</strong>
      <span className="muted">
        {action.who ? ` · ${action.who}` : ''}
        {` · ${due ? t('report.summary.due', { date: due }) : t('report.actions.noDue')}`}
      </span>
    </>
  );
}

// ── Overlay ────────────────────────────────────────────────────────────

interface RoundPageProps {
  readonly session: Session;
  readonly round: Round;
  readonly scene: CompareScene;
  readonly t: TFunction;
  readonly head: string;
}

function RoundHeading({ session, round, scene, t, title }: Omit<RoundPageProps, 'head'> & { title: string }) {
  return (
    <div className="sheet__title">
      <h2>{title}</h2>
      <p>
        {t('report.round', { question: round.question })} · {t('report.curveCount', { count: scene.curveCount })} ·{' '}
        {t('report.scaleNote', { low: session.scale.low, high: session.scale.high })}
      </p>
    </div>
  );
}

/** The scene's people as the SVG chart draws them, with their markers. */
function sceneCurves(scene: CompareScene): ChartCurve[] {
  return scene.people.map((p) => ({ id: p.id, color: p.color, lineStyle: p.lineStyle, points: p.points, marker: p.marker, markerPoints: p.markerPoints }));
}

/** People by team with colour, line style and marker; names wrap and are never cut. */
/** Longer names than this get wider legend columns, so a name of 40 characters takes two lines, not four. */
const LONG_NAME = 20;

function PeopleLegend({ legend, dense }: { legend: SceneLegend; dense: boolean }) {
  if (legend.teams.length === 0) return null;
  const long = legend.teams.some((team) => team.people.some((p) => p.name.length > LONG_NAME));
  return (
    <div className={`legend${dense ? ' legend--dense' : ''}${long ? ' legend--long-names' : ''}`} data-testid="report-legend">
      {legend.teams.map((team) => (
        <div key={team.teamId} className="legend__team">
          <span className="legend__name">
            <LineSample color="#3d4a5c" lineStyle={team.lineStyle} />
            {team.name}
          </span>
          <ul className="legend__people">
            {team.people.map((p) => (
              <li key={p.id}>
                <LineSample color={p.color} lineStyle={p.lineStyle} marker={p.marker} />
                <span>{p.name}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** For more people than a sheet can name: each team's line style and how many drew. */
function TeamCountLegend({ legend, t }: { legend: SceneLegend; t: TFunction }) {
  return (
    <div className="legend" data-testid="report-legend">
      {legend.teams.map((team) => (
        <div key={team.teamId} className="legend__team">
          <span className="legend__name">
            <LineSample color="#3d4a5c" lineStyle={team.lineStyle} />
            {team.name}
          </span>
          <span className="muted">{t('report.legend.counted', { count: team.people.length })}</span>
        </div>
      ))}
    </div>
  );
}

function OverlayPage({ session, round, scene, t, head }: RoundPageProps) {
  const geometry = useMemo(() => chartGeometry(session, OVERLAY_HEIGHT, REPORT_CHART_STYLE), [session]);
  return (
    <section className="sheet sheet--fixed" aria-label={t('report.sections.overlay')}>
      <SheetHead head={head} section={t('report.sections.overlay')} />
      <RoundHeading session={session} round={round} scene={scene} t={t} title={t('report.sections.overlay')} />
      {scene.curveCount === 0 && <p className="empty">{t('report.noCurves')}</p>}
      <div className="sheet__chart">
        <ChartSvg
          geometry={geometry}
          scale={session.scale}
          label={t('report.chart.label', { question: round.question })}
          fontFamily={REPORT_FONT}
          handoverBadge={t('report.chart.handoverBadge')}
          targetLabel={t('report.chart.target')}
          curves={sceneCurves(scene)}
          spans={scene.spans}
          notes={scene.notes.map((n) => ({ id: n.id, number: n.number, at: n.at, kind: n.kind }))}
        />
      </div>
      {scene.curveCount <= LEGEND_NAMES_MAX ? (
        <PeopleLegend legend={scene.legend} dense={scene.curveCount >= DENSE_LEGEND_FROM} />
      ) : (
        <TeamCountLegend legend={scene.legend} t={t} />
      )}
    </section>
  );
}

// ── Team comparison ────────────────────────────────────────────────────

function teamMeans(scene: CompareScene): ChartTeamMean[] {
  return scene.teams.map((tm) => ({
    teamId: tm.id,
    color: tm.color,
    lineStyle: tm.lineStyle,
    mean: tm.line,
    segments: tm.segments,
    lower: tm.band?.lower ?? null,
    upper: tm.band?.upper ?? null,
  }));
}

/** The key of the team lines (with how many curves each rests on), the target and the gap strip. */
function TeamLinesLegend({ scene, t }: { scene: CompareScene; t: TFunction }) {
  const { legend } = scene;
  return (
    <div className="comparison__legend" data-testid="report-means-legend">
      {legend.means.map((m) => (
        <span key={m.teamId}>
          <LineSample color={m.color} lineStyle={m.lineStyle} width={3.5} />
          {t('compare.facts.meanTeam', { team: m.name })} ({t('compare.facts.curves', { count: m.n })})
        </span>
      ))}
      {legend.target && (
        <span>
          <LineSample color={TARGET_COLOR} lineStyle="dashed" />
          {t('report.legend.target')}
        </span>
      )}
      {legend.gap && <span className="muted">{t('report.legend.gapStrip', { a: legend.gap.a, b: legend.gap.b })}</span>}
      <span className="muted legend__rule">
        {t('report.legend.means')} {t('compare.facts.lineRule')}
      </span>
    </div>
  );
}

function ComparisonPage({ session, round, scene, t, options, head }: RoundPageProps & { options: ReportOptions }) {
  const lang = options.language;
  const gap = scene.gap;
  const hasGap = !!gap?.shown;
  const geometry = useMemo(
    () => chartGeometry(session, COMPARISON_HEIGHT, hasGap ? { ...REPORT_CHART_STYLE, stripHeight: GAP_STRIP_HEIGHT } : REPORT_CHART_STYLE),
    [session, hasGap],
  );
  const target = session.target.visible ? targetCurvePoints(session) : null;
  const level = (v: number) => formatLevel(v, lang);
  const gapSentences = scene.facts.gap ? gapText(t, lang, scene.facts.gap) : null;
  const agreement = agreementText(t, lang, scene.facts.agreement);

  return (
    <section className="sheet sheet--fixed" aria-label={t('report.sections.comparison')}>
      <SheetHead head={head} section={t('report.sections.comparison')} />
      <RoundHeading session={session} round={round} scene={scene} t={t} title={t('report.sections.comparison')} />
      <div className="sheet__chart">
        <ChartSvg
          geometry={geometry}
          scale={session.scale}
          label={t('report.chart.label', { question: round.question })}
          fontFamily={REPORT_FONT}
          handoverBadge={t('report.chart.handoverBadge')}
          targetLabel={t('report.chart.target')}
          curves={scene.curveCount <= CURVES_UNDER_LINES_MAX ? sceneCurves(scene) : []}
          curveOpacity={0.22}
          grid={scene.grid}
          means={teamMeans(scene)}
          target={target}
          drops={scene.drops.map((d) => ({ key: d.teamId, color: d.color, at: d.at, from: d.from, to: d.to, lowAt: d.lowAt, label: dropMarkText(t, lang, d.team, d.drop) }))}
          gap={hasGap ? { values: gap!.values, colorA: gap!.a.color, colorB: gap!.b.color, label: t('report.chart.gap', { a: gap!.a.name, b: gap!.b.name }) } : null}
        />
      </div>
      <TeamLinesLegend scene={scene} t={t} />
      <div className="comparison__figures">
        <div className="comparison__gap">
          <h3>{t('report.comparison.gapTitle')}</h3>
          {gapSentences?.largest ? (
            <>
              <p data-testid="report-gap-largest">
                {gapSentences.largest}
                {gapSentences.basis && <span className="muted"> · {gapSentences.basis}</span>}
              </p>
              {gapSentences.mean && <p>{gapSentences.mean}</p>}
            </>
          ) : (
            <p className="muted">{t('report.comparison.gapMissing')}</p>
          )}
          <h3>{t('report.comparison.agreementTitle')}</h3>
          {agreement.split && <p>{agreement.split}</p>}
          {agreement.teams.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
          <p className="muted">{agreement.group}</p>
        </div>
        <table className="table table--compact">
          <caption>{t('report.comparison.teamTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.figures.team')}</th>
              <th scope="col" className="num">{t('report.figures.curves')}</th>
              <th scope="col">{t('report.figures.handoverDrop')}</th>
              <th scope="col">{t('report.figures.peak')}</th>
              <th scope="col">{t('report.figures.end')}</th>
              <th scope="col" className="num">{t('report.figures.agreement')}</th>
              {target && <th scope="col" className="num">{t('report.figures.targetDistance')}</th>}
            </tr>
          </thead>
          <tbody>
            {scene.teams.map((team) => {
              const pe = team.peakEnd;
              const drop = scene.facts.drops.find((d) => d.team === team.name);
              return (
                <tr key={team.id} data-testid="report-team-row">
                  <th scope="row">
                    <LineSample color={team.color} lineStyle={team.lineStyle} />
                    {team.name}
                  </th>
                  <td className="num">{team.n}</td>
                  <td>{drop ? <DropCell t={t} lang={lang} fact={drop} /> : t('report.figures.noHandover')}</td>
                  <td>{pe.ok ? t('report.figures.peakValue', { value: level(pe.value.peak), phase: peakPhases(t, session, pe.value) }) : formatFigure(t, pe, () => '')}</td>
                  <td>{pe.ok ? personEndText(t, lang, { ...pe.value, endPhase: stretchPhases(session, pe.value.endAt, pe.value.endAt).last }) : ''}</td>
                  <td className="num">{team.agreement.ok ? formatShare(team.agreement.value, lang) : '–'}</td>
                  {target && <td className="num">{team.targetDistance ? formatFigure(t, team.targetDistance, level) : ''}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function DropCell({ t, lang, fact }: { t: TFunction; lang: string; fact: CompareScene['facts']['drops'][number] }) {
  if (fact.state === 'notAcross') return <>{t('report.figures.notAcross')}</>;
  if (fact.state === 'noDrop') return <>{t('report.figures.noDrop')}</>;
  return (
    <>
      {t('report.figures.dropValue', { before: formatLevel(fact.before, lang), low: formatLevel(fact.low, lang), drop: formatLevel(fact.drop, lang) })}
      {fact.overstretched && <strong className="flag"> {t('report.figures.overstretched')}</strong>}
      {fact.n === 1 && <span className="muted"> · {t('compare.facts.onePerson')}</span>}
    </>
  );
}

// ── Perception gap ─────────────────────────────────────────────────────

function PerceptionPage({ session, round, scene, t, options, head }: RoundPageProps & { options: ReportOptions }) {
  const lang = options.language;
  const geometry = useMemo(() => chartGeometry(session, COMPARISON_HEIGHT, REPORT_CHART_STYLE), [session]);
  const experienced = session.rounds.find((r) => r.kind === 'experienced');
  return (
    <section className="sheet sheet--fixed" aria-label={t('report.sections.perception')} data-testid="report-perception">
      <SheetHead head={head} section={t('report.sections.perception')} />
      <RoundHeading session={session} round={round} scene={scene} t={t} title={t('report.sections.perception')} />
      <p className="perception__intro">{t('report.perception.intro', { question: experienced?.question ?? '' })}</p>
      <div className="sheet__chart">
        <ChartSvg
          geometry={geometry}
          scale={session.scale}
          label={t('report.chart.label', { question: round.question })}
          fontFamily={REPORT_FONT}
          handoverBadge={t('report.chart.handoverBadge')}
          targetLabel={t('report.chart.target')}
          curves={sceneCurves(scene)}
          curveOpacity={0.22}
          grid={scene.grid}
          perception={scene.perception.map((p) => ({ key: `${p.guessing.id}-${p.guessed.id}`, color: p.guessed.color, guess: p.guess, real: p.real }))}
        />
      </div>
      <div className="comparison__legend">
        {scene.legend.perception.map((p) => (
          <Fragment key={`${p.guessing}-${p.guessed}`}>
            <span>
              <LineSample color={p.color} lineStyle="dashed" width={3.5} />
              {t('compare.perception.legendGuess', { guessing: p.guessing, guessed: p.guessed })}
            </span>
            <span>
              <LineSample color={p.color} lineStyle="solid" width={3.5} />
              {t('compare.perception.legendReal', { guessed: p.guessed })}
            </span>
          </Fragment>
        ))}
      </div>
      <ul className="perception__figures">
        {scene.facts.perception.map((p) => {
          const text = perceptionText(t, lang, p);
          return (
            <li key={`${p.guessing}-${p.guessed}`} data-testid="report-perception-pair">
              <strong>{text.pair}:</strong> {[text.mean, text.largest].filter(Boolean).join(' · ')}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

// ── Figures per participant, disagreement ───────────────────────────────

function FiguresPage({ session, round, scene, t, options, head }: RoundPageProps & { options: ReportOptions }) {
  const lang = options.language;
  const level = (v: number) => formatLevel(v, lang);
  const fig = <T,>(figure: Figure<T> | null | undefined, format: (v: T) => string) => (figure ? formatFigure(t, figure, format) : '');

  return (
    <section className="sheet sheet--flow" aria-label={t('report.sections.figures')}>
      <SheetHead head={head} section={t('report.sections.figures')} />
      <RoundHeading session={session} round={round} scene={scene} t={t} title={t('report.sections.figures')} />
      <table className="table table--figures" data-testid="report-figures">
        <caption className="muted">{t('report.figures.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.figures.participant')}</th>
            <th scope="col">{t('report.figures.team')}</th>
            <th scope="col">{t('report.figures.span')}</th>
            <th scope="col" className="num">{t('report.figures.peak')}</th>
            <th scope="col">{t('report.figures.peakWhere')}</th>
            <th scope="col" className="num">{t('report.figures.end')}</th>
            <th scope="col">{t('report.figures.verdict')}</th>
            <th scope="col">{t('report.figures.handoverDrop')}</th>
            <th scope="col" className="num">{t('report.figures.distance')}</th>
            <th scope="col" className="num">{t('report.figures.correlation')}</th>
          </tr>
        </thead>
        <tbody>
          {scene.people.slice(0, FIGURE_ROWS_MAX).map((p) => {
            const pe = p.peakEnd;
            return (
              <tr key={p.id}>
                <th scope="row">
                  <Swatch color={p.color} />
                  {p.name}
                </th>
                <td>{p.teamName}</td>
                <td>{p.fromPhase === p.toPhase ? p.fromPhase : t('report.figures.spanValue', { from: p.fromPhase, to: p.toPhase })}</td>
                <td className="num">{fig(pe, (v) => level(v.peak))}</td>
                <td>{pe?.ok ? peakPhases(t, session, pe.value) : ''}</td>
                <td className="num">{pe?.ok && pe.value.reachesEnd ? level(pe.value.end) : ''}</td>
                <td>{pe?.ok ? (pe.value.verdict ? t(`report.figures.verdicts.${pe.value.verdict}`) : t('compare.facts.drawnUntil', { phase: p.toPhase })) : ''}</td>
                <td>{p.drop ? <PersonDrop t={t} lang={lang} figure={p.drop} /> : t('report.figures.noHandover')}</td>
                <td className="num">{fig(p.fit?.distance, level)}</td>
                <td className="num">{fig(p.fit?.correlation, (v) => formatCorrelation(v, lang))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {scene.people.length > FIGURE_ROWS_MAX && <p className="muted">{t('report.figures.more', { count: scene.people.length - FIGURE_ROWS_MAX })}</p>}

      <div className="keep-together">
        <h2 className="section-title">{t('report.sections.disagreement')}</h2>
        {scene.curveCount < 2 ? (
          <p className="muted">{t('report.disagreement.notEnough')}</p>
        ) : scene.facts.spans.length === 0 ? (
          <p>{t('report.disagreement.none')}</p>
        ) : (
          <table className="table table--compact" data-testid="report-disagreement">
            <caption className="muted">{t('report.disagreement.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">#</th>
                <th scope="col">{t('report.disagreement.phases')}</th>
                <th scope="col" className="num">{t('report.disagreement.from')}</th>
                <th scope="col" className="num">{t('report.disagreement.to')}</th>
                <th scope="col" className="num">{t('report.disagreement.spread')}</th>
                <th scope="col" className="num">{t('report.disagreement.curves')}</th>
                <th scope="col" className="wide">{t('report.disagreement.prompt')}</th>
              </tr>
            </thead>
            <tbody>
              {scene.spans.map((s) => (
                <tr key={s.number}>
                  <td className="num">
                    <span className="badge badge--span">{s.number}</span>
                  </td>
                  <td>{s.phaseNames.join(', ')}</td>
                  <td className="num">{formatTimePercent(s.start, lang)}</td>
                  <td className="num">{formatTimePercent(s.end, lang)}</td>
                  <td className="num">{level(s.spread)}</td>
                  <td className="num">{s.n}</td>
                  <td className="wide" data-testid="report-span-prompt">
                    {spanPrompt(t, s)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

/** Where a peak is: the phases of its plateau ("Angebot – Kickoff"), a phase it only grazes left out, as the app says it. */
function peakPhases(t: TFunction, session: Session, peak: { peakStart: number; peakEnd: number }): string {
  const { first, last } = stretchPhases(session, peak.peakStart, peak.peakEnd);
  return phaseSpan(t, first, last);
}

/** A person's drop: before to low (−drop) with the flag, no drop, or not drawn across the handover. */
function PersonDrop({ t, lang, figure }: { t: TFunction; lang: string; figure: NonNullable<CompareScene['people'][number]['drop']> }) {
  if (!figure.ok) return <>{figure.n === 0 && !figure.reason ? t('report.figures.notAcross') : formatFigure(t, figure, () => '')}</>;
  const d = figure.value;
  if (d.drop < 0.005) return <>{t('report.figures.noDrop')}</>;
  return (
    <>
      {t('report.figures.dropValue', { before: formatLevel(d.before, lang), low: formatLevel(d.low, lang), drop: formatLevel(d.drop, lang) })}
      {d.overstretched && <strong className="flag"> {t('report.figures.overstretched')}</strong>}
    </>
  );
}

// ── Notes and action items ─────────────────────────────────────────────

function DiscussionPage({
  session,
  rounds,
  scenes,
  t,
  options,
  head,
}: {
  session: Session;
  rounds: readonly Round[];
  scenes: ReadonlyMap<Id, CompareScene>;
  t: TFunction;
  options: ReportOptions;
  head: string;
}) {
  const lang = options.language;
  const people = new Map(session.participants.map((p) => [p.id, p] as const));
  const withNotes = rounds.map((r) => ({ round: r, notes: scenes.get(r.id)!.notes })).filter((r) => r.notes.length > 0);
  return (
    <section className="sheet sheet--flow" aria-label={t('report.sections.discussion')}>
      <SheetHead head={head} section={t('report.sections.discussion')} />
      <div className="sheet__title">
        <h2>{t('report.sections.notes')}</h2>
      </div>
      {withNotes.length === 0 && <p className="muted">{t('report.notes.none')}</p>}
      {withNotes.map(({ round, notes }) => (
        <table key={round.id} className="table" data-testid="report-notes">
          {rounds.length > 1 && <caption>{t('report.round', { question: round.question })}</caption>}
          <thead>
            <tr>
              <th scope="col" className="num">#</th>
              <th scope="col">{t('report.notes.when')}</th>
              <th scope="col">{t('report.notes.kind')}</th>
              <th scope="col" className="wide">{t('report.notes.text')}</th>
              <th scope="col">{t('report.notes.about')}</th>
              <th scope="col">{t('report.notes.author')}</th>
            </tr>
          </thead>
          <tbody>
            {notes.map((n) => {
              const about = n.participantId ? people.get(n.participantId) : undefined;
              return (
                <tr key={n.id}>
                  <td className="num">
                    <span className={`badge${n.kind === 'insight' ? ' badge--dark' : ''}`}>{n.number}</span>
                  </td>
                  <td>
                    {n.phaseName} <span className="muted">({formatTimePercent(n.at as TimePos, lang)})</span>
                  </td>
                  <td>{t(`report.notes.kinds.${n.kind}`)}</td>
                  <td className="wide pre">{n.text}</td>
                  <td>
                    {about && (
                      <>
                        <Swatch color={about.color} />
                        {about.name}
                      </>
                    )}
                  </td>
                  <td>{n.author}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}

      <h2 className="section-title">{t('report.sections.actions')}</h2>
      {session.actions.length === 0 ? (
        <p className="muted">{t('report.actions.none')}</p>
      ) : (
        <table className="table" data-testid="report-actions">
          <thead>
            <tr>
              <th scope="col" className="wide">{t('report.actions.what')}</th>
              <th scope="col">{t('report.actions.who')}</th>
              <th scope="col">{t('report.actions.due')}</th>
              <th scope="col">{t('report.actions.status')}</th>
            </tr>
          </thead>
          <tbody>
            {session.actions.map((a) => (
              <tr key={a.id}>
                <td className="wide pre">
                  {a.what}
                  {a.carriedOver && (
                    <span className="carried muted" data-testid="report-carried-over">
                      {carriedOverText(t, lang, a.carriedOver)}
                    </span>
                  )}
                </td>
                <td>{a.who}</td>
                <td>{formatDate(a.due, lang) ?? t('report.actions.noDue')}</td>
                <td>{a.done ? t('report.actions.done') : t('report.actions.open')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
