import {
  ROOM_STATE_VERSION,
  type RoomCompare,
  type RoomCurve,
  type RoomLegendTeam,
  type RoomNote,
  type RoomScreen,
  type RoomState,
} from '../../shared/room-state';
import type { Id, Series, Session } from '../domain';
import type { CompareScene, SceneFacts } from '../scene/compareScene';
import { markerPoints, participantStyles } from '../scene/markers';
import { compareSceneOf } from './analysis';
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
 * position). `rev` orders the states (see nextRoomRev). In the compare and
 * discuss views everything comes from the compare scene the facilitator's
 * screen draws (compareSceneOf), so the room shows the same lines, numbers
 * and words.
 */
export function roomStateOf(state: AppState, rev: number): RoomState {
  const { session, roundId } = state;
  const anonymous = state.roomAnonymous;
  const labels = roomLabels(session, anonymous);
  const keys = new Map(session.participants.map((p, i) => [p.id, `p${i + 1}`] as const));
  const scene = state.view === 'compare' || state.view === 'discuss' ? compareSceneOf(state, state.view) : null;
  const { curves, legend } = scene ? sceneCurves(scene, keys, labels) : workshopCurves(state, keys, labels);

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
    legend: state.roomLegend ? legend : [],
    anonymous,
    compare: scene && state.view === 'compare' ? compareDrawingOf(scene) : null,
    notes: scene ? notesOf(state, scene, labels) : [],
    timer: state.timer ? { ...state.timer } : null,
    join: joinCardOf(state),
  };
}

/**
 * The join card for the room screen: while the local room is open and the
 * workshop is at setting up or drawing (people join to draw; on the reveal
 * and after, the chart needs the screen). The laptop's room panel shows the
 * same card from the same status.
 */
function joinCardOf(state: AppState): RoomState['join'] {
  const status = state.roomStatus;
  if (!status.open || (state.view !== 'setup' && state.view !== 'draw')) return null;
  const { typedUrl, code, qr } = status.join;
  return { typedUrl, code, qr: { size: qr.size, modules: qr.modules } };
}

/** Drawing and revealing: the curves the facilitator's chart shows, a highlight standing out. */
function workshopCurves(state: AppState, keys: Map<Id, string>, labels: Map<Id, string>): { curves: RoomCurve[]; legend: RoomLegendTeam[] } {
  const { session } = state;
  const styles = participantStyles(session);
  const isHighlighted = (c: VisibleCurve) => state.highlightId !== null && (state.highlightId === c.participant.id || state.highlightId === c.team.id);
  const shown = state.view === 'draw' && state.blind ? [] : visibleCurves(state);
  const anyHighlighted = shown.some(isHighlighted);
  const curves: RoomCurve[] = shown.map((c) => {
    const style = styles.get(c.participant.id)!;
    return {
      key: keys.get(c.participant.id)!,
      label: labels.get(c.participant.id) ?? '',
      team: c.team.name,
      color: style.color,
      lineStyle: style.lineStyle,
      marker: style.marker,
      markerPoints: markerPoints(c.curve.points, style.marker, style.place).map(([t, y]) => [t, y]),
      // As on the facilitator's screen (others' curves while drawing unblind), except a highlighted curve; behind a highlight, everything else.
      faded: (c.faded && !isHighlighted(c)) || (anyHighlighted && !isHighlighted(c)),
      highlighted: isHighlighted(c),
      points: c.curve.points.map(([t, y]) => [t, y]),
    };
  });
  // The highlighted curve is drawn last, on top.
  curves.sort((a, b) => Number(a.highlighted) - Number(b.highlighted));
  // While revealing, everyone still to come has their (invisible) place in the legend already, in the session's
  // order, so each step only makes a name appear and nothing moves.
  const shownIds = new Set(shown.map((c) => c.participant.id));
  const listed = state.view === 'reveal' ? [...shown, ...toBeRevealed(state, shownIds)] : shown;
  const order = new Map(session.participants.map((p, i) => [p.id, i] as const));
  listed.sort((a, b) => order.get(a.participant.id)! - order.get(b.participant.id)!);
  const legend = session.teams
    .map((team) => ({
      name: team.name,
      lineStyle: team.lineStyle,
      highlighted: state.highlightId === team.id,
      members: listed
        .filter((c) => c.team.id === team.id)
        .map((c) => {
          const style = styles.get(c.participant.id)!;
          return {
            key: keys.get(c.participant.id)!,
            label: labels.get(c.participant.id) ?? '',
            color: style.color,
            lineStyle: style.lineStyle,
            marker: style.marker,
            highlighted: state.highlightId === c.participant.id,
            pending: !shownIds.has(c.participant.id),
          };
        }),
    }))
    .filter((team) => team.members.length > 0);
  return { curves, legend };
}

/** The round's curves the reveal will still show: not revealed yet, and not hidden in the legend. */
function toBeRevealed(state: AppState, shownIds: ReadonlySet<Id>): VisibleCurve[] {
  return visibleCurves({ ...state, view: 'compare' }).filter((c) => !shownIds.has(c.participant.id));
}

/** Comparing and discussing: the scene's people, as the facilitator's chart draws them. */
function sceneCurves(scene: CompareScene, keys: Map<Id, string>, labels: Map<Id, string>): { curves: RoomCurve[]; legend: RoomLegendTeam[] } {
  const curves: RoomCurve[] = scene.people
    .filter((p) => p.shown)
    .map((p) => ({
      key: keys.get(p.id)!,
      label: labels.get(p.id) ?? '',
      team: p.teamName,
      color: p.color,
      lineStyle: p.lineStyle,
      marker: p.marker,
      markerPoints: p.markerPoints.map(([t, y]) => [t, y]),
      faded: p.faded,
      highlighted: p.highlighted,
      points: p.points.map(([t, y]) => [t, y]),
    }));
  curves.sort((a, b) => Number(a.highlighted) - Number(b.highlighted));
  const legend: RoomLegendTeam[] = scene.legend.teams.map((team) => ({
    name: team.name,
    lineStyle: team.lineStyle,
    highlighted: scene.teams.some((t) => t.id === team.teamId && t.highlighted),
    members: team.people.map((p) => ({
      key: keys.get(p.id)!,
      label: labels.get(p.id) ?? '',
      color: p.color,
      lineStyle: p.lineStyle,
      marker: p.marker,
      highlighted: p.highlighted,
      pending: false,
    })),
  }));
  return { curves, legend };
}

type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;

/** The scene's series are the analysis's own arrays: sent as they are (structured clone copies them). */
const plain = (values: Series) => values as (number | null)[];

/**
 * What the facilitator's compare chart shows, for the room: team lines with
 * bands, the target, the Sales–PS gap strip, the handover drops, the
 * disagreement spans, an "other team" round's perception lines, and the
 * facts the room puts into words. Teams the facilitator hid stay out. The
 * facilitator's chart draws this same object (CompareUnder/CompareOver).
 */
export function compareDrawingOf(scene: CompareScene): RoomCompare {
  let drawing = drawings.get(scene);
  if (!drawing) {
    drawing = makeDrawing(scene);
    drawings.set(scene, drawing);
  }
  return drawing;
}

/** One drawing per (memoised) scene: the facilitator's chart and every publish to the room reuse it. */
const drawings = new WeakMap<CompareScene, RoomCompare>();

function makeDrawing(scene: CompareScene): RoomCompare {
  return {
    grid: scene.grid as readonly number[] as number[],
    // An "other team" round draws its perception lines instead of team lines (see the scene).
    teams: scene.teams
      .filter((t) => t.shown && scene.showTeamLines)
      .map((t) => ({
        name: t.name,
        lineStyle: t.lineStyle,
        color: t.color,
        n: t.n,
        highlighted: t.highlighted,
        dimmed: t.dimmed,
        mean: plain(t.line),
        segments: t.segments.map((s) => ({ ...s })),
        lower: t.band ? plain(t.band.lower) : null,
        upper: t.band ? plain(t.band.upper) : null,
      })),
    target: scene.target ? plain(scene.target.values) : null,
    gap: scene.gap?.shown ? { a: { name: scene.gap.a.name, color: scene.gap.a.color }, b: { name: scene.gap.b.name, color: scene.gap.b.color }, values: plain(scene.gap.values) } : null,
    drops: scene.drops.map((d) => ({ team: d.team, color: d.color, at: d.at, from: d.from, to: d.to, lowAt: d.lowAt, drop: d.drop, dimmed: d.dimmed })),
    spans: scene.shownSpans.map((s) => ({ number: s.number, start: s.start, end: s.end, firstPhase: s.firstPhase, lastPhase: s.lastPhase })),
    perception: scene.perception.map((p) => ({
      guessing: { name: p.guessing.name, color: p.guessing.color, lineStyle: p.guessing.lineStyle },
      guessed: { name: p.guessed.name, color: p.guessed.color, lineStyle: p.guessed.lineStyle },
      guess: plain(p.guess),
      real: plain(p.real),
    })),
    // A copy without the scene's readonly marks; the type check proves the scene's facts are what the room's schema wants.
    facts: structuredClone(scene.facts) as Mutable<SceneFacts>,
  };
}

/** The room's longest note text (as main accepts it, and as the session file allows). */
const NOTE_TEXT_MAX = 2000;

/**
 * The round's notes the chart pins, with the scene's numbers (the same on
 * every surface). When names are anonymised, a participant's name is
 * replaced by their label in the text, the curve it is pinned to is named by
 * its label, and an author is kept only as the label of the participant of
 * that name (any other author could name someone, so it is left out).
 */
function notesOf(state: AppState, scene: CompareScene, labels: Map<Id, string>): RoomNote[] {
  const { session } = state;
  const names = state.roomAnonymous ? nameLabels(session, labels) : null;
  const scrub = names ? nameScrubber(names) : (text: string) => text;
  return scene.shownNotes.map((n) => {
    const author = n.author.trim();
    return {
      number: n.number,
      at: n.at,
      kind: n.kind,
      phase: n.phaseName,
      text: clip(scrub(n.text), NOTE_TEXT_MAX),
      author: author === '' ? null : names ? authorLabel(names, author) : author,
      participant: n.participantId ? (labels.get(n.participantId) ?? null) : null,
      color: n.color,
      level: n.level,
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
  'timer',
  'roomStatus',
] as const satisfies readonly (keyof AppState)[];

/** Cheap check before deriving: did anything the room state is made from change? */
export function roomInputsChanged(previous: AppState | null, next: AppState): boolean {
  return previous === null || ROOM_INPUTS.some((key) => previous[key] !== next[key]);
}

/** The same state with another revision: to compare two states for "anything the room sees changed?". */
export function sameRoomContent(a: RoomState | null, b: RoomState): boolean {
  return a !== null && JSON.stringify({ ...a, rev: 0 }) === JSON.stringify({ ...b, rev: 0 });
}
