import type { TFunction } from 'i18next';
import { Fragment, useMemo } from 'react';
import { dashPattern, layoutChart, type ChartStyle } from '../canvas/chartGeometry';
import { TEAM_ROLE_COLORS } from '../canvas/colors';
import {
  targetCurvePoints,
  type Figure,
  type Id,
  type LineStyle,
  type RoundAnalysis,
  type Round,
  type Session,
  type Team,
} from '../domain';
import type { ReportOptions } from '../../shared/report-job';
import { ChartSvg, type ChartCurve, type ChartTeamMean } from './ChartSvg';
import {
  drawnByTeam,
  formatCorrelation,
  formatDate,
  formatFigure,
  formatLevel,
  formatShare,
  formatSignedLevel,
  formatTimePercent,
  notesOfRound,
  participantsByTeam,
  phaseNameAt,
  reportRounds,
  reportTitle,
  spanPhases,
} from './reportFormat';
import { dashArray } from './svgPaths';
import './report.css';

/** The font stack of the report: the bundled Inter first; the rest is never reached when it is loaded. */
export const REPORT_FONT = 'Inter, "Helvetica Neue", Arial, sans-serif';

/** Chart proportions in the report: laid out at this size and scaled to the page by the SVG viewBox. */
const CHART_WIDTH = 1000;
const OVERLAY_HEIGHT = 500;
// Wider than tall: the comparison sheet also carries the figures per team below the chart.
const COMPARISON_HEIGHT = 400;
const REPORT_CHART_STYLE: ChartStyle = { fontSize: 12, curveWidth: 2.2 };
const GAP_STRIP_HEIGHT = 48;

/** More participants than this get the compact legend (smaller type, narrower columns). */
const DENSE_LEGEND_FROM = 16;

export interface ReportViewProps {
  readonly session: Session;
  readonly options: ReportOptions;
  /** Texts in the report's language (fixed, independent of the UI's). */
  readonly t: TFunction;
  readonly analyse: (session: Session, roundId: Id) => RoundAnalysis;
}

export const teamColor = (team: Team): string => TEAM_ROLE_COLORS[team.role];

/**
 * The printable report: one document of landscape sheets — cover, then for
 * every round with curves the overlay with its legend, the team comparison
 * and the figures per participant with the disagreement spans, and finally
 * notes and action items. Every word is text and every curve an SVG path, so
 * Chromium's print pipeline (Electron's printToPDF, the batch export's
 * page.pdf, the browser's print dialog) writes a vector PDF with the bundled
 * font embedded.
 */
export function ReportView({ session, options, t, analyse }: ReportViewProps) {
  const rounds = useMemo(() => reportRounds(session), [session]);
  const analyses = useMemo(() => new Map(rounds.map((r) => [r.id, analyse(session, r.id)] as const)), [rounds, session, analyse]);
  const title = reportTitle(session, t);
  const date = formatDate(session.project.date, options.language);
  const head = [title, date].filter(Boolean).join(' · ');

  return (
    <div className={`report report--${options.paper}`} lang={options.language} data-testid="report">
      <CoverPage session={session} rounds={rounds} t={t} options={options} />
      {rounds.map((round) => {
        const analysis = analyses.get(round.id)!;
        const drawn = analysis.curves.length > 0;
        return (
          <Fragment key={round.id}>
            <OverlayPage session={session} round={round} analysis={analysis} t={t} head={head} />
            {drawn && <ComparisonPage session={session} round={round} analysis={analysis} t={t} options={options} head={head} />}
            {drawn && <FiguresPage session={session} round={round} analysis={analysis} t={t} options={options} head={head} />}
          </Fragment>
        );
      })}
      <DiscussionPage session={session} rounds={rounds} t={t} options={options} head={head} />
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

function LineSample({ color, lineStyle, width = 2.5 }: { color: string; lineStyle: LineStyle; width?: number }) {
  return (
    <svg className="line-sample" viewBox="0 0 28 8" width="28" height="8" aria-hidden="true">
      <line x1={3} y1={4} x2={25} y2={4} stroke={color} strokeWidth={width} strokeLinecap="round" strokeDasharray={dashArray(dashPattern(lineStyle, width))} />
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

// ── Cover ──────────────────────────────────────────────────────────────

function CoverPage({ session, rounds, t, options }: { session: Session; rounds: readonly Round[]; t: TFunction; options: ReportOptions }) {
  const groups = participantsByTeam(session);
  const { project } = session;
  const date = formatDate(project.date, options.language);
  const showCustomer = !project.hideCustomer && project.customer.trim() !== '';
  return (
    <section className="sheet sheet--fixed cover" aria-label={t('report.title')}>
      <div className="cover__top">
        <p className="cover__kicker">{t('report.title')}</p>
        <h1 className="cover__title">{reportTitle(session, t)}</h1>
        <p className="cover__subtitle">{t('report.subtitle')}</p>
      </div>
      <dl className="cover__facts">
        {showCustomer && (
          <div>
            <dt>{t('report.cover.customer')}</dt>
            <dd data-testid="report-customer">{project.customer}</dd>
          </div>
        )}
        <div>
          <dt>{t('report.cover.date')}</dt>
          <dd>{date ?? t('report.cover.noDate')}</dd>
        </div>
        <div>
          <dt>{t('report.cover.participants')}</dt>
          <dd>{t('report.cover.participantCount', { count: session.participants.length })}</dd>
        </div>
      </dl>
      <div className="cover__rounds">
        <h2>{t('report.cover.rounds')}</h2>
        <ol>
          {rounds.map((r) => (
            <li key={r.id}>{r.question}</li>
          ))}
        </ol>
      </div>
      <div className="cover__people">
        <h2>{t('report.cover.participants')}</h2>
        {groups.length === 0 && <p className="muted">{t('report.cover.noParticipants')}</p>}
        <div className="cover__teams">
          {groups.map(({ team, participants }) => (
            <div key={team.id} className="cover__team">
              <h3>
                <LineSample color={teamColor(team)} lineStyle={team.lineStyle} />
                {team.name}
              </h3>
              <ul>
                {participants.map((p) => (
                  <li key={p.id}>
                    <Swatch color={p.color} />
                    {p.name}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </div>
      <p className="cover__made">{t('report.madeWith')}</p>
    </section>
  );
}

// ── Overlay ────────────────────────────────────────────────────────────

interface RoundPageProps {
  readonly session: Session;
  readonly round: Round;
  readonly analysis: RoundAnalysis;
  readonly t: TFunction;
  readonly head: string;
}

function RoundHeading({ session, round, analysis, t, title }: Omit<RoundPageProps, 'head'> & { title: string }) {
  return (
    <div className="sheet__title">
      <h2>{title}</h2>
      <p>
        {t('report.round', { question: round.question })} · {t('report.curveCount', { count: analysis.curves.length })} ·{' '}
        {t('report.scaleNote', { low: session.scale.low, high: session.scale.high })}
      </p>
    </div>
  );
}

function roundCurves(session: Session, roundId: Id): ChartCurve[] {
  const teams = new Map(session.teams.map((tm) => [tm.id, tm] as const));
  return session.participants.flatMap((p) => {
    const curve = session.curves.find((c) => c.participantId === p.id && c.roundId === roundId);
    const team = teams.get(p.teamId);
    return curve && team ? [{ id: p.id, color: p.color, lineStyle: team.lineStyle, points: curve.points }] : [];
  });
}

function OverlayPage({ session, round, analysis, t, head }: RoundPageProps) {
  const geometry = useMemo(
    () =>
      layoutChart(CHART_WIDTH, OVERLAY_HEIGHT, session.timeline.phases, session.timeline.milestones, session.timeline.handoverId, [
        session.scale.low,
        session.scale.mid,
        session.scale.high,
      ], REPORT_CHART_STYLE),
    [session],
  );
  const groups = drawnByTeam(session, round.id);
  const count = analysis.curves.length;
  const notes = notesOfRound(session, round.id);
  return (
    <section className="sheet sheet--fixed" aria-label={t('report.sections.overlay')}>
      <SheetHead head={head} section={t('report.sections.overlay')} />
      <RoundHeading session={session} round={round} analysis={analysis} t={t} title={t('report.sections.overlay')} />
      {count === 0 && <p className="empty">{t('report.noCurves')}</p>}
      <div className="sheet__chart">
        <ChartSvg
          geometry={geometry}
          scale={session.scale}
          label={t('report.chart.label', { question: round.question })}
          fontFamily={REPORT_FONT}
          handoverBadge={t('report.chart.handoverBadge')}
          targetLabel={t('report.chart.target')}
          curves={roundCurves(session, round.id)}
          spans={analysis.disagreement}
          notes={notes}
        />
      </div>
      {groups.length > 0 && (
        <div className={`legend${count >= DENSE_LEGEND_FROM ? ' legend--dense' : ''}`} data-testid="report-legend">
          {groups.map(({ team, participants }) => (
            <div key={team.id} className="legend__team">
              <span className="legend__name">
                <LineSample color="#3d4a5c" lineStyle={team.lineStyle} />
                {team.name}
              </span>
              <ul className="legend__people">
                {participants.map((p) => (
                  <li key={p.id}>
                    <LineSample color={p.color} lineStyle={team.lineStyle} />
                    <span>{p.name}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

// ── Team comparison ────────────────────────────────────────────────────

function ComparisonPage({ session, round, analysis, t, options, head }: RoundPageProps & { options: ReportOptions }) {
  const lang = options.language;
  const teamsById = new Map(session.teams.map((tm) => [tm.id, tm] as const));
  const gap = analysis.gap;
  const teamA = gap ? teamsById.get(gap.teamA) : undefined;
  const teamB = gap ? teamsById.get(gap.teamB) : undefined;
  const hasGap = !!gap && gap.values.some((v) => v !== null) && !!teamA && !!teamB;
  const geometry = useMemo(
    () =>
      layoutChart(
        CHART_WIDTH,
        COMPARISON_HEIGHT,
        session.timeline.phases,
        session.timeline.milestones,
        session.timeline.handoverId,
        [session.scale.low, session.scale.mid, session.scale.high],
        hasGap ? { ...REPORT_CHART_STYLE, stripHeight: GAP_STRIP_HEIGHT } : REPORT_CHART_STYLE,
      ),
    [session, hasGap],
  );
  const teamRows = analysis.teams.filter((s) => s.n > 0).map((s) => ({ series: s, team: teamsById.get(s.teamId)! })).filter((r) => r.team);
  const means: ChartTeamMean[] = teamRows.map(({ series, team }) => ({
    teamId: team.id,
    color: teamColor(team),
    lineStyle: team.lineStyle,
    mean: series.mean,
    lower: series.lower,
    upper: series.upper,
  }));
  const target = session.target.visible ? targetCurvePoints(session) : null;
  const level = (v: number) => formatLevel(v, lang);
  const largest = gap?.largest;

  return (
    <section className="sheet sheet--fixed" aria-label={t('report.sections.comparison')}>
      <SheetHead head={head} section={t('report.sections.comparison')} />
      <RoundHeading session={session} round={round} analysis={analysis} t={t} title={t('report.sections.comparison')} />
      <div className="sheet__chart">
        <ChartSvg
          geometry={geometry}
          scale={session.scale}
          label={t('report.chart.label', { question: round.question })}
          fontFamily={REPORT_FONT}
          handoverBadge={t('report.chart.handoverBadge')}
          targetLabel={t('report.chart.target')}
          curves={roundCurves(session, round.id)}
          curveOpacity={0.22}
          grid={analysis.grid}
          means={means}
          target={target}
          gap={
            hasGap
              ? { values: gap!.values, colorA: teamColor(teamA!), colorB: teamColor(teamB!), label: t('report.chart.gap', { a: teamA!.name, b: teamB!.name }) }
              : null
          }
        />
      </div>
      <div className="comparison__legend">
        {teamRows.map(({ team }) => (
          <span key={team.id}>
            <LineSample color={teamColor(team)} lineStyle={team.lineStyle} width={3.5} />
            {t('report.chart.mean', { team: team.name })}
          </span>
        ))}
        {target && (
          <span>
            <LineSample color="#1f2a37" lineStyle="dashed" />
            {t('report.legend.target')}
          </span>
        )}
        <span className="muted">{t('report.legend.means')}</span>
        {hasGap && <span className="muted">{t('report.legend.gapStrip', { a: teamA!.name, b: teamB!.name })}</span>}
      </div>
      <div className="comparison__figures">
        <div className="comparison__gap">
          <h3>{t('report.comparison.gapTitle')}</h3>
          {hasGap && largest?.ok ? (
            <>
              <p>
                {t('report.comparison.gapLargest', {
                  value: formatSignedLevel(largest.value.value, lang),
                  phase: largest.value.phaseName,
                  who: largest.value.value >= 0 ? teamA!.name : teamB!.name,
                })}{' '}
                <span className="muted">({t('report.figures.n', { n: largest.n })})</span>
              </p>
              {gap!.meanAbs.ok && <p>{t('report.comparison.gapMean', { value: level(gap!.meanAbs.value) })}</p>}
            </>
          ) : (
            <p className="muted">{t('report.comparison.gapMissing')}</p>
          )}
          <p>{t('report.comparison.agreement', { value: formatFigure(t, analysis.agreement, (v) => formatShare(v, lang)) })}</p>
        </div>
        <table className="table table--compact">
          <caption>{t('report.comparison.teamTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.figures.team')}</th>
              <th scope="col" className="num">{t('report.figures.curves')}</th>
              <th scope="col">{t('report.figures.handoverDrop')}</th>
              <th scope="col">{t('report.figures.peak')}</th>
              <th scope="col" className="num">{t('report.figures.end')}</th>
              <th scope="col">{t('report.figures.verdict')}</th>
              {target && <th scope="col" className="num">{t('report.figures.targetDistance')}</th>}
            </tr>
          </thead>
          <tbody>
            {teamRows.map(({ team, series }) => {
              const peakEnd = analysis.peakEnd.byTeam[team.id];
              const drop = analysis.handover?.byTeam[team.id];
              const toTarget = analysis.target.distanceByTeam[team.id];
              return (
                <tr key={team.id}>
                  <th scope="row">
                    <LineSample color={teamColor(team)} lineStyle={team.lineStyle} />
                    {team.name}
                  </th>
                  <td className="num">{series.n}</td>
                  <td>{drop ? <DropText t={t} figure={drop} lang={lang} /> : t('report.figures.noHandover')}</td>
                  <td>{peakEnd ? formatFigure(t, peakEnd, (v) => t('report.figures.peakValue', { value: level(v.peak), phase: phaseNameAt(session, v.peakAt) })) : ''}</td>
                  <td className="num">{peakEnd ? formatFigure(t, peakEnd, (v) => level(v.end)) : ''}</td>
                  <td>{peakEnd ? formatFigure(t, peakEnd, (v) => t(`report.figures.verdicts.${v.verdict}`)) : ''}</td>
                  {target && <td className="num">{toTarget ? formatFigure(t, toTarget, level) : ''}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

type DropFigure = NonNullable<RoundAnalysis['handover']>['byTeam'][string];

function DropText({ t, figure, lang }: { t: TFunction; figure: DropFigure; lang: ReportOptions['language'] }) {
  // No curve reaches both sides of the handover (joined later, left earlier): say so, not "0 of 1".
  if (!figure.ok) return <>{figure.n === 0 && !figure.reason ? t('report.figures.notAcross') : formatFigure(t, figure, () => '')}</>;
  const d = figure.value;
  if (d.drop <= 0) return <>{t('report.figures.noDrop')}</>;
  return (
    <>
      {t('report.figures.dropValue', { before: formatLevel(d.before, lang), low: formatLevel(d.low, lang), drop: formatLevel(d.drop, lang) })}
      {d.overstretched && <strong className="flag"> {t('report.figures.overstretched')}</strong>}
    </>
  );
}

// ── Figures per participant, disagreement ───────────────────────────────

function FiguresPage({ session, round, analysis, t, options, head }: RoundPageProps & { options: ReportOptions }) {
  const lang = options.language;
  const level = (v: number) => formatLevel(v, lang);
  const teamsById = new Map(session.teams.map((tm) => [tm.id, tm] as const));
  const fits = new Map(analysis.fits.map((f) => [f.participantId, f] as const));
  const people = session.participants.filter((p) => analysis.curves.some((c) => c.participantId === p.id));
  const fig = <T,>(figure: Figure<T> | undefined, format: (v: T) => string) => (figure ? formatFigure(t, figure, format) : '');

  return (
    <section className="sheet sheet--flow" aria-label={t('report.sections.figures')}>
      <SheetHead head={head} section={t('report.sections.figures')} />
      <RoundHeading session={session} round={round} analysis={analysis} t={t} title={t('report.sections.figures')} />
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
          {people.map((p) => {
            const span = spanPhases(session, p.id, round.id);
            const peakEnd = analysis.peakEnd.byParticipant[p.id];
            const drop = analysis.handover?.byParticipant[p.id];
            const fit = fits.get(p.id);
            return (
              <tr key={p.id}>
                <th scope="row">
                  <Swatch color={p.color} />
                  {p.name}
                </th>
                <td>{teamsById.get(p.teamId)?.name ?? ''}</td>
                <td>{span ? (span.from === span.to ? span.from : t('report.figures.spanValue', span)) : ''}</td>
                <td className="num">{fig(peakEnd, (v) => level(v.peak))}</td>
                <td>{peakEnd?.ok ? phaseNameAt(session, peakEnd.value.peakAt) : ''}</td>
                <td className="num">{fig(peakEnd, (v) => level(v.end))}</td>
                <td>{fig(peakEnd, (v) => t(`report.figures.verdicts.${v.verdict}`))}</td>
                <td>{drop ? <DropText t={t} figure={drop} lang={lang} /> : t('report.figures.noHandover')}</td>
                <td className="num">{fig(fit?.distance, level)}</td>
                <td className="num">{fig(fit?.correlation, (v) => formatCorrelation(v, lang))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <div className="keep-together">
        <h2 className="section-title">{t('report.sections.disagreement')}</h2>
        {analysis.curves.length < 2 ? (
          <p className="muted">{t('report.disagreement.notEnough')}</p>
        ) : analysis.disagreement.length === 0 ? (
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
              </tr>
            </thead>
            <tbody>
              {analysis.disagreement.map((s, i) => (
                <tr key={`${s.start}-${s.end}`}>
                  <td className="num">
                    <span className="badge badge--span">{i + 1}</span>
                  </td>
                  <td>{s.phaseNames.join(', ')}</td>
                  <td className="num">{formatTimePercent(s.start, lang)}</td>
                  <td className="num">{formatTimePercent(s.end, lang)}</td>
                  <td className="num">{level(s.spread)}</td>
                  <td className="num">{s.n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

// ── Notes and action items ─────────────────────────────────────────────

function DiscussionPage({ session, rounds, t, options, head }: { session: Session; rounds: readonly Round[]; t: TFunction; options: ReportOptions; head: string }) {
  const lang = options.language;
  const people = new Map(session.participants.map((p) => [p.id, p] as const));
  const withNotes = rounds.map((r) => ({ round: r, notes: notesOfRound(session, r.id) })).filter((r) => r.notes.length > 0);
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
            {notes.map((n, i) => {
              const about = n.participantId ? people.get(n.participantId) : undefined;
              return (
                <tr key={n.id}>
                  <td className="num">
                    <span className={`badge${n.kind === 'insight' ? ' badge--dark' : ''}`}>{i + 1}</span>
                  </td>
                  <td>
                    {phaseNameAt(session, n.at)} <span className="muted">({formatTimePercent(n.at, lang)})</span>
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
                <td className="wide pre">{a.what}</td>
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
