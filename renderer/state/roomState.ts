import { ROOM_STATE_VERSION, type RoomCompare, type RoomCurve, type RoomLegendTeam, type RoomScreen, type RoomState } from '../../electron/contract';
import { createRoundAnalysisCache, type Id, type Series, type Session } from '../domain';
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
  };
}

// The analysis is memoised per round, so publishing on every store change stays cheap.
const analyse = createRoundAnalysisCache();

/** The compare view's team means, bands and target, as the facilitator's compare chart shows them. */
function compareOf(state: AppState): RoomCompare {
  const { session, roundId, highlightId, compareDisplay } = state;
  const analysis = analyse(session, roundId);
  const plain = (values: Series) => values.map((v) => (v === null || v === undefined ? null : v));
  const highlightedTeam = session.teams.some((t) => t.id === highlightId);
  const highlightedPerson = session.participants.some((p) => p.id === highlightId);
  const teams = analysis.teams.flatMap((series) => {
    const team = session.teams.find((t) => t.id === series.teamId);
    if (!team || series.n === 0 || state.hiddenTeamIds.includes(team.id)) return [];
    const band = compareDisplay.bands && series.n >= 2;
    return [
      {
        name: team.name,
        role: team.role,
        lineStyle: team.lineStyle,
        n: series.n,
        highlighted: team.id === highlightId,
        dimmed: (highlightedTeam && team.id !== highlightId) || highlightedPerson,
        mean: plain(series.mean),
        lower: band ? plain(series.lower) : null,
        upper: band ? plain(series.upper) : null,
      },
    ];
  });
  return {
    grid: analysis.grid.map(Number),
    teams,
    target: session.target.visible ? plain(analysis.target.values) : null,
  };
}

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
