import { SPAN_COLOR, TARGET_COLOR, TEAM_ROLE_COLORS } from '../canvas/colors';
import {
  curveSpan,
  handoverMilestone,
  measurePerceptionGaps,
  phaseAt,
  phasesOfStretch,
  valueAt,
  type CurvePoint,
  type DisagreementSpan,
  type Extreme,
  type Figure,
  type HandoverDrop,
  type Id,
  type LineStyle,
  type NoteKind,
  type ParticipantFit,
  type PeakEnd,
  type PerceptionGap,
  type RoundAnalysis,
  type RoundKind,
  type Series,
  type Session,
  type Team,
  type TeamRole,
  type TimePos,
} from '../domain';
import { markerPoints, participantStyles, type MarkerShape } from './markers';
import { NO_DIFFERENCE } from './numbers';
import { numberNotes } from './notes';

/**
 * One compare scene: everything a comparison shows and says, computed once
 * from the session, the round and the view's switches. The compare chart and
 * its panels, the room state (and so the room view) and the PDF report only
 * draw it and put its facts into words (sceneText.ts), so the three cannot
 * disagree. Pure: no React, Konva or DOM.
 */

/** The view's switches; the report shows everything and hides nothing. */
export interface SceneSwitches {
  /** 'compare': team lines over faded curves; 'discuss': the curves in full with the notes, no team statistics. */
  readonly mode: 'compare' | 'discuss';
  readonly individuals: boolean;
  readonly bands: boolean;
  readonly spans: boolean;
  readonly notes: boolean;
  readonly hiddenTeamIds: readonly Id[];
  readonly hiddenParticipantIds: readonly Id[];
  readonly highlightId: Id | null;
}

export const REPORT_SWITCHES: SceneSwitches = {
  mode: 'compare',
  individuals: true,
  bands: true,
  spans: true,
  notes: true,
  hiddenTeamIds: [],
  hiddenParticipantIds: [],
  highlightId: null,
};

export type Analyse = (session: Session, roundId: Id) => RoundAnalysis;

/** A drop smaller than this (0.2 on the 0–10 scale) gets no marker on the chart: it would be an arrow of a few pixels. */
export const DROP_MARK_MIN = 0.02;

/** Opacity of a team line where only part of the team drew: it fades with coverage, from this (few) to 1 (all). */
export const LINE_FADE_FLOOR = 0.45;

export interface ScenePerson {
  readonly id: Id;
  readonly name: string;
  readonly teamId: Id;
  readonly teamName: string;
  readonly color: string;
  readonly lineStyle: LineStyle;
  readonly marker: MarkerShape;
  readonly points: readonly CurvePoint[];
  /** [time, level] where the marker is drawn on the curve; empty for a plain line. */
  readonly markerPoints: readonly (readonly [TimePos, number])[];
  /** Not hidden in the legend, and individual curves are on. */
  readonly shown: boolean;
  readonly highlighted: boolean;
  /** Drawn as a tint (behind the team lines, or behind a highlight). */
  readonly faded: boolean;
  /** The phases the curve starts and ends in. */
  readonly fromPhase: string;
  readonly toPhase: string;
  readonly drop: Figure<HandoverDrop> | null;
  readonly peakEnd: Figure<PeakEnd> | null;
  readonly fit: ParticipantFit | null;
}

/** A piece of a team line with one coverage: drawn from grid index `from` to `to` (joined to its neighbours). */
export interface LineSegment {
  readonly from: number;
  readonly to: number;
  /** The team's curves behind it. */
  readonly count: number;
  readonly opacity: number;
}

export interface SceneTeam {
  readonly id: Id;
  readonly name: string;
  readonly role: TeamRole;
  readonly lineStyle: LineStyle;
  /** The team line's colour: never a participant's. */
  readonly color: string;
  /** Curves of the team in the round. */
  readonly n: number;
  /** Not hidden in the legend. */
  readonly shown: boolean;
  readonly highlighted: boolean;
  /** Another team or a person is highlighted. */
  readonly dimmed: boolean;
  readonly line: Series;
  readonly segments: readonly LineSegment[];
  /** The spread band, when bands are on and the team has two curves. */
  readonly band: { readonly lower: Series; readonly upper: Series } | null;
  readonly drop: Figure<HandoverDrop> | null;
  readonly peakEnd: Figure<PeakEnd>;
  readonly agreement: Figure;
  readonly targetDistance: Figure | null;
}

export type GapDirection = 'a' | 'b' | 'none';

export interface SceneGap {
  readonly a: { readonly id: Id; readonly name: string; readonly color: string };
  readonly b: { readonly id: Id; readonly name: string; readonly color: string };
  /** Both teams are shown: the strip is drawn. */
  readonly shown: boolean;
  /** line(a) − line(b), in [−1, 1]. */
  readonly values: Series;
  readonly largest: Figure<Extreme & { readonly direction: GapDirection }>;
  readonly meanAbs: Figure;
}

export interface SceneDropMark {
  readonly teamId: Id;
  readonly team: string;
  readonly color: string;
  readonly at: TimePos;
  /** From the team line just before the handover, down by the team's drop. */
  readonly from: number;
  readonly to: number;
  readonly lowAt: TimePos;
  readonly drop: number;
  readonly dimmed: boolean;
}

export interface SceneSpan {
  /** 1, 2, 3: largest first, as on the chart and in every list. */
  readonly number: number;
  readonly start: TimePos;
  readonly end: TimePos;
  readonly firstPhase: string;
  readonly lastPhase: string;
  readonly phaseNames: readonly string[];
  readonly spread: number;
  readonly n: number;
}

export interface SceneNote {
  readonly id: Id;
  readonly number: number;
  readonly at: TimePos;
  readonly kind: NoteKind;
  readonly text: string;
  readonly author: string;
  readonly participantId: Id | null;
  readonly phaseName: string;
  /** The marker colour: the participant's, or a neutral dark. */
  readonly color: string;
  /** Level of the curve it is pinned to, at its moment (when that curve is shown). */
  readonly level: number | null;
}

export interface PerceptionPair {
  readonly guessing: { readonly id: Id; readonly name: string; readonly color: string; readonly lineStyle: LineStyle };
  readonly guessed: { readonly id: Id; readonly name: string; readonly color: string; readonly lineStyle: LineStyle };
  readonly guess: Series;
  readonly real: Series;
  readonly gap: PerceptionGap;
}

export interface SceneLegend {
  readonly means: readonly { readonly teamId: Id; readonly name: string; readonly n: number; readonly color: string; readonly lineStyle: LineStyle; readonly highlighted: boolean }[];
  readonly teams: readonly {
    readonly teamId: Id;
    readonly name: string;
    readonly lineStyle: LineStyle;
    readonly people: readonly { readonly id: Id; readonly name: string; readonly color: string; readonly lineStyle: LineStyle; readonly marker: MarkerShape; readonly highlighted: boolean }[];
  }[];
  readonly target: { readonly color: string } | null;
  readonly gap: { readonly a: string; readonly b: string; readonly colorA: string; readonly colorB: string } | null;
  readonly spans: readonly { readonly number: number; readonly firstPhase: string; readonly lastPhase: string; readonly color: string }[];
  /** An "other team" round: each guess (dashed) and the real line (solid), in the colour of the team guessed about. */
  readonly perception: readonly { readonly guessing: string; readonly guessed: string; readonly color: string; readonly lineStyle: LineStyle }[];
}

/**
 * The figures a comparison says in sentences, as plain data without people's
 * names: the same sentence functions (sceneText.ts) turn them into words in
 * the app, from the room state in the room, and in the PDF.
 */
export interface SceneFacts {
  readonly drops: readonly DropFact[];
  readonly gap: GapFact | null;
  readonly agreement: AgreementFacts;
  readonly peakEnd: readonly PeakEndFact[];
  readonly spans: readonly SpanFact[];
  readonly perception: readonly PerceptionFact[];
}

export type DropFact =
  | { readonly team: string; readonly state: 'drop'; readonly before: number; readonly low: number; readonly drop: number; readonly n: number; readonly overstretched: boolean; readonly overstretchedCurves: number }
  | { readonly team: string; readonly state: 'noDrop'; readonly n: number }
  /** None of the team's curves is drawn on both sides of the handover. */
  | { readonly team: string; readonly state: 'notAcross' };

export interface GapFact {
  readonly a: string;
  readonly b: string;
  readonly meanAbs: number | null;
  readonly largest: {
    readonly value: number;
    readonly direction: GapDirection;
    readonly firstPhase: string;
    readonly lastPhase: string;
    readonly n: number;
  } | null;
}

export interface AgreementFacts {
  readonly group: { readonly value: number | null; readonly n: number };
  readonly teams: readonly { readonly team: string; readonly value: number | null; readonly n: number }[];
  readonly split: { readonly between: number; readonly within: number } | null;
}

export interface PeakEndFact {
  readonly team: string;
  readonly peak: number;
  readonly peakFirstPhase: string;
  readonly peakLastPhase: string;
  readonly peakN: number;
  readonly end: number;
  readonly endPhase: string;
  readonly endN: number;
  readonly reachesEnd: boolean;
  readonly verdict: NonNullable<PeakEnd['verdict']> | null;
}

export interface SpanFact {
  readonly number: number;
  readonly firstPhase: string;
  readonly lastPhase: string;
  readonly spread: number;
  readonly n: number;
}

export interface PerceptionFact {
  readonly guessing: string;
  readonly guessed: string;
  readonly meanAbs: number | null;
  readonly n: number;
  readonly largest: { readonly value: number; readonly direction: 'higher' | 'lower' | 'none'; readonly firstPhase: string; readonly lastPhase: string } | null;
}

export interface CompareScene {
  readonly roundId: Id;
  readonly roundKind: RoundKind;
  readonly question: string;
  readonly mode: SceneSwitches['mode'];
  readonly grid: readonly TimePos[];
  readonly handoverAt: TimePos | null;
  /** Everyone with a curve in the round, in session order. */
  readonly people: readonly ScenePerson[];
  /** Teams with curves in the round. */
  readonly teams: readonly SceneTeam[];
  /** The team lines and bands are drawn (compare mode). */
  readonly showTeamLines: boolean;
  readonly target: { readonly values: Series; readonly color: string } | null;
  readonly gap: SceneGap | null;
  readonly drops: readonly SceneDropMark[];
  /** Disagreement spans; `shownSpans` are the ones the chart shades. */
  readonly spans: readonly SceneSpan[];
  readonly shownSpans: readonly SceneSpan[];
  readonly notes: readonly SceneNote[];
  /** Notes the chart pins (all of them, unless the notes switch is off in compare mode). */
  readonly shownNotes: readonly SceneNote[];
  readonly perception: readonly PerceptionPair[];
  readonly legend: SceneLegend;
  readonly facts: SceneFacts;
  /** Curves in the round (drawn or not). */
  readonly curveCount: number;
}

const NOTE_COLOR = '#1f2a37';

export const teamLineColor = (team: Pick<Team, 'role'>): string => TEAM_ROLE_COLORS[team.role];

const phaseName = (session: Session, at: TimePos) => phaseAt(session.timeline.phases, at)?.phase.name ?? '';

/** The first and last phase a stretch runs through (a phase grazed at an end left out), for "Angebot – Kickoff". */
export function stretchPhases(session: Session, start: number, end: number): { first: string; last: string } {
  const names = phasesOfStretch(session.timeline.phases, start, end);
  return { first: names[0] ?? '', last: names[names.length - 1] ?? '' };
}

export function buildCompareScene(session: Session, roundId: Id, analyse: Analyse, switches: SceneSwitches = REPORT_SWITCHES): CompareScene {
  const analysis = analyse(session, roundId);
  const round = session.rounds.find((r) => r.id === roundId) ?? session.rounds[0]!;
  const isCompare = switches.mode === 'compare';
  const teamsById = new Map(session.teams.map((t) => [t.id, t] as const));
  const styles = participantStyles(session);
  const highlightedTeam = session.teams.find((t) => t.id === switches.highlightId) ?? null;
  const highlightedPerson = session.participants.find((p) => p.id === switches.highlightId) ?? null;
  const teamHidden = (id: Id) => switches.hiddenTeamIds.includes(id);

  // People: everyone with a curve, in session order.
  const curves = new Map(session.curves.filter((c) => c.roundId === roundId).map((c) => [c.participantId, c] as const));
  const fits = new Map(analysis.fits.map((f) => [f.participantId, f] as const));
  const people: ScenePerson[] = [];
  for (const p of session.participants) {
    const curve = curves.get(p.id);
    const team = teamsById.get(p.teamId);
    if (!curve || !team) continue;
    const style = styles.get(p.id)!;
    const span = curveSpan(curve.points);
    const hidden = switches.hiddenParticipantIds.includes(p.id) || teamHidden(team.id);
    const highlighted = highlightedPerson?.id === p.id || (!isCompare && highlightedTeam?.id === team.id);
    const anyHighlight = highlightedPerson !== null || (!isCompare && highlightedTeam !== null);
    people.push({
      id: p.id,
      name: p.name,
      teamId: team.id,
      teamName: team.name,
      color: style.color,
      lineStyle: style.lineStyle,
      marker: style.marker,
      points: curve.points,
      markerPoints: markerPoints(curve.points, style.marker, style.place),
      shown: !hidden && (!isCompare || switches.individuals),
      highlighted,
      // Behind the team lines every curve is a tint, as is everything behind a highlight.
      faded: !highlighted && (isCompare || anyHighlight),
      fromPhase: span ? stretchPhases(session, span.start, span.end).first : '',
      toPhase: span ? stretchPhases(session, span.start, span.end).last : '',
      drop: analysis.handover ? (analysis.handover.byParticipant[p.id] ?? null) : null,
      peakEnd: analysis.peakEnd.byParticipant[p.id] ?? null,
      fit: fits.get(p.id) ?? null,
    });
  }

  // Team lines.
  const teams: SceneTeam[] = analysis.teams.flatMap((series) => {
    const team = teamsById.get(series.teamId);
    if (!team || series.n === 0) return [];
    const dimmed = (highlightedTeam !== null && highlightedTeam.id !== team.id) || highlightedPerson !== null;
    return [
      {
        id: team.id,
        name: team.name,
        role: team.role,
        lineStyle: team.lineStyle,
        color: teamLineColor(team),
        n: series.n,
        shown: !teamHidden(team.id),
        highlighted: highlightedTeam?.id === team.id,
        dimmed,
        line: series.mean,
        segments: lineSegments(series.stretches, series.count, series.n),
        band: switches.bands && series.n >= 2 ? { lower: series.lower, upper: series.upper } : null,
        drop: analysis.handover ? (analysis.handover.byTeam[team.id] ?? null) : null,
        peakEnd: analysis.peakEnd.byTeam[team.id]!,
        agreement: analysis.agreementByTeam[team.id]!,
        targetDistance: session.target.visible ? (analysis.target.distanceByTeam[team.id] ?? null) : null,
      },
    ];
  });
  const teamById = new Map(teams.map((t) => [t.id, t] as const));

  // The Sales–PS gap.
  const gapTeams = analysis.gap ? [teamsById.get(analysis.gap.teamA), teamsById.get(analysis.gap.teamB)] : [];
  const gap: SceneGap | null =
    analysis.gap && gapTeams[0] && gapTeams[1]
      ? {
          a: { id: gapTeams[0].id, name: gapTeams[0].name, color: teamLineColor(gapTeams[0]) },
          b: { id: gapTeams[1].id, name: gapTeams[1].name, color: teamLineColor(gapTeams[1]) },
          shown: !teamHidden(gapTeams[0].id) && !teamHidden(gapTeams[1].id) && analysis.gap.values.some((v) => v !== null),
          // A difference of two levels in [0, 1], so in [−1, 1] (IEEE subtraction keeps that); the analysis's own
          // array, so a note typed does not make a new one for the room.
          values: analysis.gap.values,
          largest: analysis.gap.largest.ok
            ? { ...analysis.gap.largest, value: { ...analysis.gap.largest.value, direction: directionOf(analysis.gap.largest.value.value) } }
            : analysis.gap.largest,
          meanAbs: analysis.gap.meanAbs,
        }
      : null;

  // Drop markers: Sales and PS (the teams of the gap), where they dropped enough to draw an arrow.
  const handoverAt = handoverMilestone(session.timeline)?.at ?? null;
  const drops: SceneDropMark[] = [];
  if (analysis.handover && gap) {
    const before = analysis.grid.reduce((last, x, i) => (x < analysis.handover!.at - 1e-9 ? i : last), -1);
    for (const side of [gap.a, gap.b]) {
      const team = teamById.get(side.id);
      const figure = team?.drop;
      if (!team || !team.shown || !figure?.ok || figure.value.drop <= DROP_MARK_MIN) continue;
      const from = (before >= 0 ? team.line[before] : null) ?? figure.value.before;
      drops.push({
        teamId: team.id,
        team: team.name,
        color: team.color,
        at: analysis.handover.at,
        from,
        to: Math.max(0, from - figure.value.drop),
        lowAt: figure.value.lowAt,
        drop: figure.value.drop,
        dimmed: team.dimmed,
      });
    }
  }

  const spans = analysis.disagreement.map((s, i) => sceneSpan(s, i));
  const notes = sceneNotes(session, roundId, people);
  const perception = isCompare ? perceptionPairs(session, roundId, analyse).filter((p) => !teamHidden(p.guessing.id) && !teamHidden(p.guessed.id)) : [];
  // An "other team" round shows each side's guess against the other side's own line, not its team lines: a
  // team line here is a guess about someone else, and a Sales–PS gap or drop of guesses would mean nothing.
  const perceptionRound = round.kind === 'otherTeam' && perception.length > 0;
  const showTeamLines = isCompare && !perceptionRound;

  const scene: Omit<CompareScene, 'legend' | 'facts'> = {
    roundId: round.id,
    roundKind: round.kind,
    question: round.question,
    mode: switches.mode,
    grid: analysis.grid,
    handoverAt,
    people,
    teams,
    showTeamLines,
    target: showTeamLines && session.target.visible ? { values: analysis.target.values, color: TARGET_COLOR } : null,
    gap: showTeamLines ? gap : null,
    drops: showTeamLines ? drops : [],
    spans,
    shownSpans: isCompare && switches.spans ? spans : [],
    notes,
    shownNotes: !isCompare || switches.notes ? notes : [],
    perception,
    curveCount: analysis.curves.length,
  };
  const facts = factsOf(scene, analysis, gap, session);
  return {
    ...scene,
    legend: legendOf(scene, session),
    // In an "other team" round a team's curves are its guesses about the other team: their drop, gap or end would
    // be said of the wrong team. The perception facts say what this round means.
    facts: perceptionRound ? { ...facts, drops: [], gap: null, peakEnd: [] } : facts,
  };
}

/** No direction where the difference reads 0.0. */
export function directionOf(value: number): GapDirection {
  return Math.abs(value) < NO_DIFFERENCE ? 'none' : value > 0 ? 'a' : 'b';
}

/**
 * The line in pieces of one coverage each, joined at their ends: a piece
 * where fewer of the team drew is fainter (LINE_FADE_FLOOR for one of many
 * up to 1 for everyone), and a new stretch (a break in the line) starts a
 * new piece that is not joined to the last.
 */
export function lineSegments(stretches: readonly { from: number; to: number }[], count: readonly number[], n: number): LineSegment[] {
  const out: LineSegment[] = [];
  const opacity = (c: number) => (n <= 1 ? 1 : LINE_FADE_FLOOR + ((1 - LINE_FADE_FLOOR) * (Math.min(c, n) - 1)) / (n - 1));
  for (const { from, to } of stretches) {
    if (from === to) {
      out.push({ from, to, count: count[from]!, opacity: opacity(count[from]!) });
      continue;
    }
    let start = from;
    for (let i = from + 1; i <= to; i++) {
      if (i < to && count[i] === count[start]) continue;
      // Each piece runs to the first point of the next, so the line has no gap where the coverage changes.
      out.push({ from: start, to: i, count: count[start]!, opacity: opacity(count[start]!) });
      start = i;
    }
  }
  return out;
}

function sceneSpan(s: DisagreementSpan, i: number): SceneSpan {
  return {
    number: i + 1,
    start: s.start,
    end: s.end,
    firstPhase: s.phaseNames[0] ?? s.phaseName,
    lastPhase: s.phaseNames[s.phaseNames.length - 1] ?? s.phaseName,
    phaseNames: s.phaseNames,
    spread: s.spread,
    n: s.n,
  };
}

function sceneNotes(session: Session, roundId: Id, people: readonly ScenePerson[]): SceneNote[] {
  const byId = new Map(people.map((p) => [p.id, p] as const));
  const colors = new Map(session.participants.map((p) => [p.id, p.color] as const));
  return numberNotes(session, roundId).map(({ note, number, phaseName }) => {
    const person = note.participantId ? byId.get(note.participantId) : undefined;
    return {
      id: note.id,
      number,
      at: note.at,
      kind: note.kind,
      text: note.text,
      author: note.author,
      participantId: note.participantId,
      phaseName,
      color: (note.participantId ? colors.get(note.participantId) : undefined) ?? NOTE_COLOR,
      level: person && person.shown ? valueAt(person.points, note.at) : null,
    };
  });
}

function perceptionPairs(session: Session, roundId: Id, analyse: Analyse): PerceptionPair[] {
  const teams = new Map(session.teams.map((t) => [t.id, t] as const));
  const ref = (id: Id) => {
    const t = teams.get(id)!;
    return { id: t.id, name: t.name, color: teamLineColor(t), lineStyle: t.lineStyle };
  };
  return measurePerceptionGaps(session, roundId, analyse).map((g) => ({
    guessing: ref(g.guessingTeam),
    guessed: ref(g.guessedTeam),
    guess: g.guess,
    real: g.real,
    gap: g,
  }));
}

function legendOf(scene: Omit<CompareScene, 'legend' | 'facts'>, session: Session): SceneLegend {
  const shownPeople = scene.people.filter((p) => p.shown);
  const order = new Map(session.teams.map((t, i) => [t.id, i] as const));
  const teamIds = [...new Set(shownPeople.map((p) => p.teamId))].sort((a, b) => order.get(a)! - order.get(b)!);
  const teamOf = new Map(session.teams.map((t) => [t.id, t] as const));
  return {
    means: scene.showTeamLines
      ? scene.teams.filter((t) => t.shown).map((t) => ({ teamId: t.id, name: t.name, n: t.n, color: t.color, lineStyle: t.lineStyle, highlighted: t.highlighted }))
      : [],
    teams: teamIds.map((id) => ({
      teamId: id,
      name: teamOf.get(id)!.name,
      lineStyle: teamOf.get(id)!.lineStyle,
      people: shownPeople
        .filter((p) => p.teamId === id)
        .map((p) => ({ id: p.id, name: p.name, color: p.color, lineStyle: p.lineStyle, marker: p.marker, highlighted: p.highlighted })),
    })),
    target: scene.target ? { color: scene.target.color } : null,
    gap: scene.gap?.shown ? { a: scene.gap.a.name, b: scene.gap.b.name, colorA: scene.gap.a.color, colorB: scene.gap.b.color } : null,
    spans: scene.shownSpans.map((s) => ({ number: s.number, firstPhase: s.firstPhase, lastPhase: s.lastPhase, color: SPAN_COLOR })),
    perception: scene.perception.map((p) => ({ guessing: p.guessing.name, guessed: p.guessed.name, color: p.guessed.color, lineStyle: p.guessed.lineStyle })),
  };
}

function factsOf(scene: Omit<CompareScene, 'legend' | 'facts'>, analysis: RoundAnalysis, sceneGap: SceneGap | null, session: Session): SceneFacts {
  let gap = sceneGap;
  const phase = (at: TimePos) => phaseName(session, at);
  // Teams hidden in the legend stay out of the words too, as they stay off the chart.
  const shown = scene.teams.filter((t) => t.shown);
  const hidden = new Set(scene.teams.filter((t) => !t.shown).map((t) => t.id));
  if (gap && (hidden.has(gap.a.id) || hidden.has(gap.b.id))) gap = null;
  const drops: DropFact[] = analysis.handover
    ? shown.map((t): DropFact => {
        const f = t.drop;
        if (!f || !f.ok) return { team: t.name, state: 'notAcross' };
        const d = f.value;
        // A rise, or a drop that reads 0.0, is no drop.
        if (d.drop < NO_DIFFERENCE) return { team: t.name, state: 'noDrop', n: f.n };
        return { team: t.name, state: 'drop', before: d.before, low: d.low, drop: d.drop, n: f.n, overstretched: d.overstretched, overstretchedCurves: d.overstretchedCurves };
      })
    : [];
  const largest = gap?.largest;
  return {
    drops,
    gap: gap
      ? {
          a: gap.a.name,
          b: gap.b.name,
          meanAbs: gap.meanAbs.ok ? gap.meanAbs.value : null,
          largest: largest?.ok
            ? {
                value: Math.abs(largest.value.value),
                direction: largest.value.direction,
                firstPhase: stretchPhases(session, largest.value.start, largest.value.end).first,
                lastPhase: stretchPhases(session, largest.value.start, largest.value.end).last,
                n: largest.n,
              }
            : null,
        }
      : null,
    agreement: {
      group: { value: analysis.agreement.ok ? analysis.agreement.value : null, n: analysis.agreement.n },
      teams: shown.map((t) => ({ team: t.name, value: t.agreement.ok ? t.agreement.value : null, n: t.agreement.n })),
      split: analysis.spreadSplit.ok ? analysis.spreadSplit.value : null,
    },
    peakEnd: shown.flatMap((t): PeakEndFact[] => {
      if (!t.peakEnd.ok) return [];
      const p = t.peakEnd.value;
      return [
        {
          team: t.name,
          peak: p.peak,
          peakFirstPhase: stretchPhases(session, p.peakStart, p.peakEnd).first,
          peakLastPhase: stretchPhases(session, p.peakStart, p.peakEnd).last,
          peakN: p.peakN,
          end: p.end,
          endPhase: phase(p.endAt),
          endN: p.endN,
          reachesEnd: p.reachesEnd,
          verdict: p.verdict,
        },
      ];
    }),
    spans: scene.spans.map((s) => ({ number: s.number, firstPhase: s.firstPhase, lastPhase: s.lastPhase, spread: s.spread, n: s.n })),
    perception: scene.perception.filter((p) => !hidden.has(p.guessing.id) && !hidden.has(p.guessed.id)).map((p): PerceptionFact => {
      const g = p.gap.largest;
      return {
        guessing: p.guessing.name,
        guessed: p.guessed.name,
        meanAbs: p.gap.meanAbs.ok ? p.gap.meanAbs.value : null,
        n: p.gap.meanAbs.n,
        largest: g.ok
          ? {
              value: Math.abs(g.value.value),
              direction: Math.abs(g.value.value) < NO_DIFFERENCE ? 'none' : g.value.value > 0 ? 'higher' : 'lower',
              firstPhase: stretchPhases(session, g.value.start, g.value.end).first,
              lastPhase: stretchPhases(session, g.value.start, g.value.end).last,
            }
          : null,
      };
    }),
  };
}
