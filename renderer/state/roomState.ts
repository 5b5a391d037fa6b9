import {
  ROOM_STATE_VERSION,
  type RoomCompare,
  type RoomCurve,
  type RoomHandoverDrop,
  type RoomLegendTeam,
  type RoomNote,
  type RoomScreen,
  type RoomState,
} from '../../shared/contract';
import { phaseAt, valueAt, type Id, type RoundAnalysis, type Series, type Session } from '../domain';
import { roundAnalysis } from './analysis';
import { drawnCount, revealedIds, revealGroups, visibleCurves, type VisibleCurve } from './selectors';
import type { AppState } from './store';

/**
 * Labels for the room: the participant's name, or "<team> <n>" when names are
 * anonymised (numbered in participant order within the team, over all
 * participants, so a label never changes as the reveal goes on).
 */
export function roomLabels(session: Session, anonymous: boolean): Map<Id, string> {
  const labels = new Map<Id, string>();
  const counters = new Map<Id, number>();
  const teams = new Map(session.teams.map((t) => [t.id, t] as const));
  for (const p of session.participants) {
    if (!anonymous) {
      labels.set(p.id, p.name);
      continue;
    }
    const n = (counters.get(p.teamId) ?? 0) + 1;
    counters.set(p.teamId, n);
    labels.set(p.id, `${teams.get(p.teamId)?.name.trim() || '–'} ${n}`);
  }
  return labels;
}

/**
 * The room state: what the presenter view shows, derived from the
 * facilitator's store. It holds only what the room may see: while people
 * draw blind, no curve at all (the next person is in the room); names only
 * when they are not anonymised; no participant ids (curves are keyed by
 * position). `rev` orders the states (see nextRoomRev).
 */
export function roomStateOf(state: AppState, rev: number): RoomState {
  const { session, roundId } = state;
  const anonymous = state.roomAnonymous;
  const labels = roomLabels(session, anonymous);
  const keys = new Map(session.participants.map((p, i) => [p.id, `p${i + 1}`] as const));
  // A highlighted person stands out; a highlighted team does too, except in the compare view,
  // where its mean and band carry the highlight (as on the facilitator's screen).
  const isHighlighted = (c: VisibleCurve) =>
    state.highlightId !== null && (state.highlightId === c.participant.id || (state.view !== 'compare' && state.highlightId === c.team.id));

  const hideCurves = (state.view === 'draw' && state.blind) || (state.view === 'compare' && !state.compareDisplay.individuals);
  const shown = hideCurves ? [] : visibleCurves(state);
  const anyHighlighted = shown.some(isHighlighted);
  const curves: RoomCurve[] = shown.map((c) => ({
    key: keys.get(c.participant.id)!,
    label: labels.get(c.participant.id) ?? '',
    team: c.team.name,
    color: c.participant.color,
    lineStyle: c.team.lineStyle,
    // As on the facilitator's screen (others' curves while drawing unblind, everyone's under the
    // compare view's team means), except a highlighted curve; behind a highlight, everything else.
    faded: (c.faded && !isHighlighted(c)) || (anyHighlighted && !isHighlighted(c)),
    highlighted: isHighlighted(c),
    points: c.curve.points.map(([t, y]) => [t, y]),
  }));
  // The highlighted curve is drawn last, on top.
  curves.sort((a, b) => Number(a.highlighted) - Number(b.highlighted));

  const legend: RoomLegendTeam[] = !state.roomLegend
    ? []
    : session.teams
        .map((team) => ({
          name: team.name,
          lineStyle: team.lineStyle,
          highlighted: state.highlightId === team.id,
          members: shown
            .filter((c) => c.team.id === team.id)
            .map((c) => ({
              key: keys.get(c.participant.id)!,
              label: labels.get(c.participant.id) ?? '',
              color: c.participant.color,
              highlighted: state.highlightId === c.participant.id,
            })),
        }))
        .filter((team) => team.members.length > 0);

  const round = session.rounds.find((r) => r.id === roundId) ?? session.rounds[0];
  return {
    version: ROOM_STATE_VERSION,
    rev,
    language: state.language,
    title: session.project.name,
    question: round?.question ?? '',
    screen: screenOf(state, labels),
    timeline: {
      phases: session.timeline.phases.map(({ id, name, width }) => ({ id, name, width })),
      milestones: session.timeline.milestones.map(({ id, name, at }) => ({ id, name, at })),
      handoverId: session.timeline.handoverId,
    },
    scale: { low: session.scale.low, mid: session.scale.mid, high: session.scale.high },
    curves,
    legend,
    anonymous,
    compare: state.view === 'compare' ? compareOf(state) : null,
    notes: state.view === 'discuss' || (state.view === 'compare' && state.compareDisplay.notes) ? notesOf(state, labels) : [],
  };
}

type Plain = (number | null)[];

/**
 * The analysis's series as plain arrays for the room, made once per analysis:
 * the analysis is memoised per round (roundAnalysis), so as long as the
 * curves don't change, every publish reuses these same arrays.
 */
const plainSeries = new WeakMap<RoundAnalysis, { grid: number[]; target: Plain; gap: Plain | null; teams: Map<Id, { mean: Plain; lower: Plain; upper: Plain }> }>();

function plainOf(analysis: RoundAnalysis) {
  let hit = plainSeries.get(analysis);
  if (!hit) {
    const plain = (values: Series): Plain => values.map((v) => (v === null || v === undefined ? null : v));
    hit = {
      grid: analysis.grid.map(Number),
      target: plain(analysis.target.values),
      // A difference of two levels; clamped against rounding so it stays in [−1, 1].
      gap: analysis.gap ? analysis.gap.values.map((v) => (v === null || v === undefined ? null : Math.max(-1, Math.min(1, v)))) : null,
      teams: new Map(analysis.teams.map((s) => [s.teamId, { mean: plain(s.mean), lower: plain(s.lower), upper: plain(s.upper) }] as const)),
    };
    plainSeries.set(analysis, hit);
  }
  return hit;
}

/** A drop smaller than this gets no marker, as on the facilitator's compare chart. */
const DROP_MARK_MIN = 0.02;

/**
 * What the facilitator's compare chart shows, for the room: team means with
 * bands, the target, the Sales–PS gap strip, the handover drops and the
 * disagreement spans, following the display switches and the highlight.
 * Teams the facilitator hid stay out of the room, and so do the gap and the
 * drops that would show them.
 */
function compareOf(state: AppState): RoomCompare {
  const { session, roundId, highlightId, compareDisplay } = state;
  const analysis = roundAnalysis(session, roundId);
  const plain = plainOf(analysis);
  const highlightedTeam = session.teams.some((t) => t.id === highlightId);
  const highlightedPerson = session.participants.some((p) => p.id === highlightId);
  const teamOf = (id: Id | undefined) => session.teams.find((t) => t.id === id && !state.hiddenTeamIds.includes(t.id));
  const dimmed = (teamId: Id) => (highlightedTeam && teamId !== highlightId) || highlightedPerson;
  const teams = analysis.teams.flatMap((series) => {
    const team = teamOf(series.teamId);
    const values = plain.teams.get(series.teamId);
    if (!team || !values || series.n === 0) return [];
    const band = compareDisplay.bands && series.n >= 2;
    return [
      {
        name: team.name,
        role: team.role,
        lineStyle: team.lineStyle,
        n: series.n,
        highlighted: team.id === highlightId,
        dimmed: dimmed(team.id),
        mean: values.mean,
        lower: band ? values.lower : null,
        upper: band ? values.upper : null,
      },
    ];
  });

  const gap = analysis.gap;
  const teamA = teamOf(gap?.teamA);
  const teamB = teamOf(gap?.teamB);
  const handover = analysis.handover;
  const drops: RoomHandoverDrop[] = !handover
    ? []
    : [teamA, teamB].flatMap((team) => {
        const figure = team ? handover.byTeam[team.id] : undefined;
        if (!team || !figure?.ok || figure.value.drop <= DROP_MARK_MIN) return [];
        const { before, low, lowAt } = figure.value;
        return [{ team: team.name, role: team.role, at: handover.at, before, low, lowAt, dimmed: dimmed(team.id) }];
      });

  return {
    grid: plain.grid,
    teams,
    target: session.target.visible ? plain.target : null,
    gap: plain.gap && teamA && teamB ? { a: { name: teamA.name, role: teamA.role }, b: { name: teamB.name, role: teamB.role }, values: plain.gap } : null,
    drops,
    spans: compareDisplay.spans ? analysis.disagreement.map((s) => ({ start: s.start, end: s.end, phase: s.phaseName })) : [],
  };
}

/** The room's longest note text (as main accepts it, and as the session file allows). */
const NOTE_TEXT_MAX = 2000;
/** A note marker's colour when it is not pinned to a curve, as on the facilitator's chart. */
const NOTE_COLOR = '#1f2a37';

/**
 * The round's notes, numbered in order as on the facilitator's chart. When
 * names are anonymised, a participant's name is replaced by their label in
 * the text, the curve it is pinned to is named by its label, and an author
 * is kept only as the label of the participant of that name (any other
 * author could name someone, so it is left out).
 */
function notesOf(state: AppState, labels: Map<Id, string>): RoomNote[] {
  const { session, roundId } = state;
  const anonymous = state.roomAnonymous;
  const people = new Map(session.participants.map((p) => [p.id, p] as const));
  const names = anonymous ? nameLabels(session, labels) : null;
  const scrub = names ? nameScrubber(names) : (text: string) => text;
  const hidden = (id: Id) => state.hiddenParticipantIds.includes(id) || state.hiddenTeamIds.includes(people.get(id)?.teamId ?? '');
  return session.notes
    .filter((n) => n.roundId === roundId)
    .map((n) => {
      const person = n.participantId ? people.get(n.participantId) : undefined;
      const curve = person && !hidden(person.id) ? session.curves.find((c) => c.roundId === roundId && c.participantId === person.id) : undefined;
      const author = n.author.trim();
      return {
        at: n.at,
        kind: n.kind,
        phase: phaseAt(session.timeline.phases, n.at)?.phase.name ?? '',
        text: clip(scrub(n.text), NOTE_TEXT_MAX),
        author: author === '' ? null : names ? authorLabel(names, author) : author,
        participant: person ? (labels.get(person.id) ?? null) : null,
        color: person?.color ?? NOTE_COLOR,
        level: curve ? valueAt(curve.points, n.at) : null,
      };
    });
}

/** What a name that could be more than one person becomes in the room: it must go, but says nobody. */
const AMBIGUOUS = '…';

/**
 * Each participant's name, and each part of it ("Anna" of "Anna Berg", three
 * letters or more), lower-cased, to their anonymised label. A part that two
 * people share maps to a neutral ellipsis: it must go, but says nobody.
 */
function nameLabels(session: Session, labels: Map<Id, string>): Map<string, string> {
  const full = new Map<string, string>();
  const parts = new Map<string, string>();
  for (const p of session.participants) {
    const label = labels.get(p.id) ?? AMBIGUOUS;
    const name = p.name.trim().toLocaleLowerCase();
    if (!name) continue;
    full.set(name, full.has(name) && full.get(name) !== label ? AMBIGUOUS : label);
    for (const part of name.split(/[\s\-.,]+/u)) {
      if (part.length < 3 || part === name) continue;
      parts.set(part, parts.has(part) && parts.get(part) !== label ? AMBIGUOUS : label);
    }
  }
  // A full name wins over the same word as someone's part.
  return new Map([...parts, ...full]);
}

/** An author who is a participant (by name, or a part of it only they have) as their label; anyone else: null. */
function authorLabel(names: Map<string, string>, author: string): string | null {
  const label = names.get(author.toLocaleLowerCase());
  return label === undefined || label === AMBIGUOUS ? null : label;
}

/** Replaces whole-word occurrences of the names (case-insensitive, longest first) by their labels; one pattern for all notes. */
function nameScrubber(names: Map<string, string>): (text: string) => string {
  if (names.size === 0) return (text) => text;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternatives = [...names.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  return (text) => text.replace(pattern, (match) => names.get(match.toLocaleLowerCase()) ?? AMBIGUOUS);
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function screenOf(state: AppState, labels: Map<Id, string>): RoomScreen {
  const { session, roundId } = state;
  switch (state.view) {
    case 'draw': {
      const drawer = session.participants.find((p) => p.id === state.drawerId);
      const count = drawnCount(session, roundId);
      return {
        kind: 'draw',
        drawer: drawer ? (labels.get(drawer.id) ?? null) : null,
        drawerColor: drawer?.color ?? null,
        curtain: state.curtain,
        blind: state.blind,
        drawn: count.drawn,
        total: count.total,
      };
    }
    case 'reveal': {
      const groups = revealGroups(session, roundId, state.revealMode);
      return {
        kind: 'reveal',
        step: Math.min(state.revealStep, groups.length),
        steps: groups.length,
        shown: revealedIds(state).size,
        total: groups.flat().length,
      };
    }
    case 'compare':
    case 'discuss':
      return { kind: state.view };
    default:
      return { kind: 'setup' };
  }
}

/** Everything roomStateOf reads from the store: when none of these changed (by reference), neither did the room state. */
const ROOM_INPUTS = [
  'session',
  'view',
  'roundId',
  'drawerId',
  'curtain',
  'blind',
  'revealMode',
  'revealStep',
  'hiddenParticipantIds',
  'hiddenTeamIds',
  'highlightId',
  'compareDisplay',
  'language',
  'roomAnonymous',
  'roomLegend',
] as const satisfies readonly (keyof AppState)[];

/** Cheap check before deriving: did anything the room state is made from change? */
export function roomInputsChanged(previous: AppState | null, next: AppState): boolean {
  return previous === null || ROOM_INPUTS.some((key) => previous[key] !== next[key]);
}

/** The same state with another revision: to compare two states for "anything the room sees changed?". */
export function sameRoomContent(a: RoomState | null, b: RoomState): boolean {
  return a !== null && JSON.stringify({ ...a, rev: 0 }) === JSON.stringify({ ...b, rev: 0 });
}
