import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Band, DisagreementShading, GapStrip, HandoverDropMarker, NoteMarkers, SeriesLine, TargetLine, teamColor, teamDash } from '../canvas/CompareLayers';
import { LAPTOP_STYLE, type ChartStyle } from '../canvas/chartGeometry';
import { valueAt, type Enthusiasm, type Note, type RoundAnalysis, type TimePos } from '../domain';
import type { VisibleCurve } from '../state';
import { useApp } from './AppContext';
import { ChartPanel } from './ChartPanel';
import { formatLevel } from './format';

const COMPARE_STYLE: ChartStyle = { ...LAPTOP_STYLE, stripHeight: 56 };

interface Props {
  readonly analysis: RoundAnalysis;
  readonly curves: readonly VisibleCurve[];
  readonly label: string;
  readonly onPick?: (at: TimePos, level: Enthusiasm) => void;
  readonly selectedNoteId?: string | null;
  /** The discuss view shows individual curves in full and no team statistics. */
  readonly mode: 'compare' | 'discuss';
}

/**
 * The chart with the comparison drawn in: bands and team means over the
 * (faded) individual curves, the target, disagreement spans, the handover
 * drop, the Sales–PS gap strip, and the notes.
 */
export function CompareChart({ analysis, curves, label, onPick, selectedNoteId = null, mode }: Props) {
  const { t, i18n } = useTranslation();
  const session = useApp((s) => s.session);
  const roundId = useApp((s) => s.roundId);
  const highlightId = useApp((s) => s.highlightId);
  const display = useApp((s) => s.compareDisplay);
  const { teams, participants } = session;
  const notes = useMemo(() => session.notes.filter((n) => n.roundId === roundId), [session.notes, roundId]);
  const isCompare = mode === 'compare';
  const highlightedTeam = teams.find((tm) => tm.id === highlightId);
  const highlightedPerson = participants.find((p) => p.id === highlightId);

  const shownCurves = useMemo(() => {
    if (isCompare && !display.individuals) return [];
    return curves.map((c) => ({ ...c, faded: isCompare && c.participant.id !== highlightedPerson?.id }));
  }, [curves, isCompare, display.individuals, highlightedPerson]);

  const gap = analysis.gap;
  const teamA = gap && teams.find((tm) => tm.id === gap.teamA);
  const teamB = gap && teams.find((tm) => tm.id === gap.teamB);
  const lang = i18n.language;
  const curveOf = (n: Note) => (n.participantId ? session.curves.find((c) => c.roundId === roundId && c.participantId === n.participantId) : undefined);

  return (
    <ChartPanel
      curves={shownCurves}
      label={label}
      style={isCompare ? COMPARE_STYLE : LAPTOP_STYLE}
      onPick={onPick}
      underlay={(g) => (
        <>
          {isCompare && display.spans && <DisagreementShading geometry={g} spans={analysis.disagreement} />}
          {isCompare &&
            display.bands &&
            analysis.teams.map((series) => {
              const team = teams.find((tm) => tm.id === series.teamId);
              if (!team || series.n < 2) return null;
              const dim = highlightedTeam && highlightedTeam.id !== team.id;
              return (
                <Band
                  key={team.id}
                  geometry={g}
                  grid={analysis.grid}
                  lower={series.lower}
                  upper={series.upper}
                  color={teamColor(team)}
                  opacity={dim ? 0.05 : highlightedTeam ? 0.28 : 0.16}
                />
              );
            })}
          {session.target.visible && isCompare && (
            <TargetLine geometry={g} grid={analysis.grid} values={analysis.target.values} label={t('compare.target.label')} />
          )}
        </>
      )}
      overlay={(g) => (
        <>
          {isCompare &&
            analysis.teams.map((series) => {
              const team = teams.find((tm) => tm.id === series.teamId);
              if (!team || series.n === 0) return null;
              const w = g.style.curveWidth * (highlightedTeam?.id === team.id ? 2.2 : 1.6);
              const dim = (highlightedTeam && highlightedTeam.id !== team.id) || highlightedPerson;
              return (
                <SeriesLine
                  key={team.id}
                  geometry={g}
                  grid={analysis.grid}
                  values={series.mean}
                  color={teamColor(team)}
                  width={w}
                  dash={teamDash(team, w)}
                  opacity={dim ? 0.35 : 1}
                />
              );
            })}
          {isCompare &&
            analysis.handover &&
            [gap?.teamA, gap?.teamB].map((teamId, i) => {
              const team = teams.find((tm) => tm.id === teamId);
              const figure = teamId ? analysis.handover!.byTeam[teamId] : undefined;
              if (!team || !figure?.ok || figure.value.drop <= 0.02) return null;
              const d = figure.value;
              return (
                <HandoverDropMarker
                  key={team.id}
                  geometry={g}
                  handoverAt={analysis.handover!.at}
                  before={d.before}
                  low={d.low}
                  lowAt={d.lowAt}
                  color={teamColor(team)}
                  label={`${team.name} ${t('compare.handover.marker', { drop: formatLevel(d.drop, lang) })}`}
                  offset={i * 6}
                />
              );
            })}
          {isCompare && gap && teamA && teamB && (
            <GapStrip
              geometry={g}
              grid={analysis.grid}
              gap={gap.values}
              colorA={teamColor(teamA)}
              colorB={teamColor(teamB)}
              label={t('compare.gap.strip', { a: teamA.name, b: teamB.name })}
            />
          )}
          {(display.notes || !isCompare) && (
            <NoteMarkers
              geometry={g}
              notes={notes}
              selectedId={selectedNoteId}
              levelOf={(n) => {
                const c = curveOf(n);
                return c ? valueAt(c.points, n.at) : null;
              }}
              colorOf={(n) => participants.find((p) => p.id === n.participantId)?.color ?? '#1f2a37'}
            />
          )}
        </>
      )}
    />
  );
}

