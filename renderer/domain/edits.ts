import { mergeClosePoints } from './closePoints';
import { applyStroke, CAPTURE_STEPS, curveFromValues, curveSpan, valueAt, type StrokeSample } from './curve';
import { newId } from './ids';
import {
  LINE_STYLES,
  nextParticipantColor,
  SESSION_LIMITS,
  type ActionItem,
  type AnalysisSettings,
  type Curve,
  type Id,
  type Milestone,
  type Note,
  type Participant,
  type Phase,
  type Project,
  type Round,
  type RoundKind,
  type Scale,
  type Session,
  type TargetCurve,
  type Team,
} from './session';
import { layoutPhases, phaseAt, remapMilestones, remapTime } from './timeline';
import { enthusiasm, timePos, type CurvePoint, type TimePos } from './units';

/**
 * Every change a facilitator or participant makes to a session, as pure
 * functions from one session to the next. The store calls these; the undo
 * history records their results.
 */

export function updateProject(s: Session, patch: Partial<Project>): Session {
  return { ...s, project: { ...s.project, ...patch } };
}

export function updateScale(s: Session, patch: Partial<Scale>): Session {
  return { ...s, scale: { ...s.scale, ...patch } };
}

// ── Timeline ────────────────────────────────────────────────────────────

/**
 * Replace the phases, carrying milestones, notes and curves along with the
 * phase they sit in: a point inside a phase keeps its place relative to
 * that phase (a third into Kickoff stays a third into Kickoff, wherever
 * Kickoff is now and however wide), and so the curve keeps its meaning.
 * What lay in a removed phase goes: a curve's part there is cut out (the
 * parts before and after join), a curve only there is removed, a milestone
 * or note there moves to the nearest remaining phase.
 */
function withPhases(s: Session, phases: readonly Phase[]): Session {
  if (phases.length === 0) return s;
  const map = remapTime(s.timeline.phases, phases);
  const curves = s.curves
    .map((c) => ({ ...c, points: remapPoints(pinToPhases(c.points, s.timeline.phases), map) }))
    .filter((c) => c.points.length >= 2);
  return {
    ...s,
    timeline: { ...s.timeline, phases, milestones: remapMilestones(s.timeline.milestones, s.timeline.phases, phases) },
    curves,
    notes: remapMilestones(s.notes, s.timeline.phases, phases),
  };
}

/** One capture step: the pinning points sit this close to a phase's edges. */
const PIN = 1 / CAPTURE_STEPS;

/**
 * The curve with points added at each phase's edges (its start, a step in,
 * two steps and one step before its end), where the curve exists and no
 * point is that close already. A curve is drawn with monotone cubic
 * interpolation, which a stretch of the time axis leaves unchanged as long
 * as every segment and its neighbours lie in one phase; these points make
 * that so, so resizing or moving phases moves each phase's part of every
 * curve as a whole instead of bending the segments that crossed a boundary.
 */
export function pinToPhases(points: readonly CurvePoint[], phases: readonly Phase[]): CurvePoint[] {
  const span = curveSpan(points);
  if (!span) return [...points];
  const extra: number[] = [];
  for (const p of layoutPhases(phases)) {
    if (p.end - p.start < 6 * PIN) continue;
    for (const x of [p.start, p.start + PIN, p.end - 2 * PIN, p.end - PIN]) {
      if (x < span.start || x > span.end) continue;
      if (points.some(([px]) => Math.abs(px - x) < PIN / 2)) continue;
      extra.push(x);
    }
  }
  if (extra.length === 0) return [...points];
  const added: CurvePoint[] = extra.map((x) => [timePos(x), enthusiasm(valueAt(points, timePos(x))!)]);
  return [...points, ...added].sort((a, b) => a[0] - b[0]);
}

function remapPoints(points: readonly CurvePoint[], map: (x: TimePos) => TimePos | null): CurvePoint[] {
  const out: CurvePoint[] = [];
  for (const [x, y] of points) {
    const nx = map(x);
    if (nx !== null) out.push([nx, y]);
  }
  out.sort((a, b) => a[0] - b[0]);
  // Squeezing a phase can bring points closer than a file may hold them.
  return mergeClosePoints(out).points;
}

/** What removing a phase would do, for the question asked before it happens. */
export interface PhaseRemoval {
  readonly phaseName: string;
  /** Curves (any round) with a part in the phase and parts outside it: that part is cut out. */
  readonly curvesCut: number;
  /** Curves only in the phase: removed. */
  readonly curvesRemoved: number;
  readonly notes: number;
  readonly milestones: readonly string[];
}

/** Removing this phase: which curves pass through it or lie in it, and which notes and milestones sit in it. */
export function describePhaseRemoval(s: Session, phaseId: Id): PhaseRemoval | null {
  const phase = layoutPhases(s.timeline.phases).find((p) => p.phase.id === phaseId);
  if (!phase || s.timeline.phases.length <= 1) return null;
  const inside = (x: number) => x >= phase.start && (x < phase.end || (phase.end === 1 && x <= 1));
  let curvesCut = 0;
  let curvesRemoved = 0;
  for (const c of s.curves) {
    const span = curveSpan(c.points);
    if (!span || span.end < phase.start || span.start >= phase.end) continue;
    if (inside(span.start) && inside(span.end)) curvesRemoved++;
    else curvesCut++;
  }
  return {
    phaseName: phase.phase.name,
    curvesCut,
    curvesRemoved,
    notes: s.notes.filter((n) => inside(n.at)).length,
    milestones: s.timeline.milestones.filter((m) => inside(m.at)).map((m) => m.name),
  };
}

/** What a change of the phases did to what sits on the timeline, so the facilitator can be told. */
export interface PhaseEditEffect {
  /** Curves whose points moved (with their phases), were cut, or removed. */
  readonly curvesMoved: number;
  readonly curvesRemoved: number;
  readonly milestonesMoved: readonly string[];
  readonly notesMoved: number;
}

/** Compares the session before and after a phase edit: what moved with the phases, and what was removed. */
export function describePhaseEdit(before: Session, after: Session): PhaseEditEffect {
  const kept = new Map(after.curves.map((c) => [`${c.participantId}|${c.roundId}`, c] as const));
  let curvesMoved = 0;
  let curvesRemoved = 0;
  for (const c of before.curves) {
    const now = kept.get(`${c.participantId}|${c.roundId}`);
    if (!now) curvesRemoved++;
    else if (now !== c && (now.points[0]![0] !== c.points[0]![0] || now.points.length !== c.points.length || now.points.some((p, i) => p[0] !== c.points[i]?.[0]))) curvesMoved++;
  }
  // Moved: to another time, or into another phase (one whose phase was removed may land on the same time).
  const phaseOf = (phases: readonly Phase[], at: TimePos) => phaseAt(phases, at)?.phase.id;
  const moved = (was: TimePos | undefined, now: TimePos) =>
    was !== undefined && (Math.abs(was - now) > 1e-9 || phaseOf(before.timeline.phases, was) !== phaseOf(after.timeline.phases, now));
  const milestones = new Map(before.timeline.milestones.map((m) => [m.id, m.at] as const));
  const notes = new Map(before.notes.map((n) => [n.id, n.at] as const));
  return {
    curvesMoved,
    curvesRemoved,
    milestonesMoved: after.timeline.milestones.filter((m) => moved(milestones.get(m.id), m.at)).map((m) => m.name),
    notesMoved: after.notes.filter((n) => moved(notes.get(n.id), n.at)).length,
  };
}

export function addPhase(s: Session, name: string, index: number = s.timeline.phases.length): Session {
  const phases = [...s.timeline.phases];
  phases.splice(index, 0, { id: newId('ph'), name, width: 1 });
  return withPhases(s, phases);
}

export function removePhase(s: Session, phaseId: Id): Session {
  if (s.timeline.phases.length <= 1) return s;
  return withPhases(s, s.timeline.phases.filter((p) => p.id !== phaseId));
}

export function renamePhase(s: Session, phaseId: Id, name: string): Session {
  // A rename moves nothing, so it keeps the layout as is.
  return { ...s, timeline: { ...s.timeline, phases: s.timeline.phases.map((p) => (p.id === phaseId ? { ...p, name } : p)) } };
}

export function resizePhase(s: Session, phaseId: Id, width: number): Session {
  if (!(width > 0) || !Number.isFinite(width)) return s;
  // Inside what the file format holds, so the session saves as it is shown.
  const { min, max } = SESSION_LIMITS.phaseWidth;
  const bounded = Math.min(max, Math.max(min, width));
  return withPhases(s, s.timeline.phases.map((p) => (p.id === phaseId ? { ...p, width: bounded } : p)));
}

export function movePhase(s: Session, phaseId: Id, delta: -1 | 1): Session {
  const phases = [...s.timeline.phases];
  const i = phases.findIndex((p) => p.id === phaseId);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= phases.length) return s;
  [phases[i], phases[j]] = [phases[j]!, phases[i]!];
  return withPhases(s, phases);
}

export function addMilestone(s: Session, name: string, at: TimePos): Session {
  const milestone: Milestone = { id: newId('ms'), name, at };
  return { ...s, timeline: { ...s.timeline, milestones: sortMilestones([...s.timeline.milestones, milestone]) } };
}

export function updateMilestone(s: Session, id: Id, patch: Partial<Omit<Milestone, 'id'>>): Session {
  const milestones = s.timeline.milestones.map((m) => (m.id === id ? { ...m, ...patch } : m));
  return { ...s, timeline: { ...s.timeline, milestones: sortMilestones(milestones) } };
}

export function removeMilestone(s: Session, id: Id): Session {
  const handoverId = s.timeline.handoverId === id ? null : s.timeline.handoverId;
  return { ...s, timeline: { ...s.timeline, milestones: s.timeline.milestones.filter((m) => m.id !== id), handoverId } };
}

export function setHandover(s: Session, id: Id | null): Session {
  if (id !== null && !s.timeline.milestones.some((m) => m.id === id)) return s;
  return { ...s, timeline: { ...s.timeline, handoverId: id } };
}

const sortMilestones = (ms: Milestone[]) => [...ms].sort((a, b) => a.at - b.at);

// ── Teams and participants ──────────────────────────────────────────────

export function addTeam(s: Session, name: string): Session {
  const used = new Set(s.teams.map((t) => t.lineStyle));
  const lineStyle = LINE_STYLES.find((l) => !used.has(l)) ?? LINE_STYLES[s.teams.length % LINE_STYLES.length]!;
  return { ...s, teams: [...s.teams, { id: newId('tm'), name, role: 'other', lineStyle }] };
}

export function updateTeam(s: Session, id: Id, patch: Partial<Omit<Team, 'id'>>): Session {
  return { ...s, teams: s.teams.map((t) => (t.id === id ? { ...t, ...patch } : t)) };
}

/** A team with members can't be removed: people would be left without a team. */
export function canRemoveTeam(s: Session, id: Id): boolean {
  return s.teams.length > 1 && !s.participants.some((p) => p.teamId === id);
}

export function removeTeam(s: Session, id: Id): Session {
  if (!canRemoveTeam(s, id)) return s;
  return { ...s, teams: s.teams.filter((t) => t.id !== id) };
}

export function addParticipant(s: Session, name: string, teamId: Id): Session {
  if (!s.teams.some((t) => t.id === teamId)) return s;
  const participant: Participant = { id: newId('pt'), name, teamId, color: nextParticipantColor(s.participants) };
  return { ...s, participants: [...s.participants, participant] };
}

export function updateParticipant(s: Session, id: Id, patch: Partial<Omit<Participant, 'id'>>): Session {
  if (patch.teamId !== undefined && !s.teams.some((t) => t.id === patch.teamId)) return s;
  return { ...s, participants: s.participants.map((p) => (p.id === id ? { ...p, ...patch } : p)) };
}

/** Removes the participant and their curves. */
export function removeParticipant(s: Session, id: Id): Session {
  return {
    ...s,
    participants: s.participants.filter((p) => p.id !== id),
    curves: s.curves.filter((c) => c.participantId !== id),
    notes: s.notes.map((n) => (n.participantId === id ? { ...n, participantId: null } : n)),
  };
}

// ── Curves ─────────────────────────────────────────────────────────────

/** Set (or with fewer than two points, remove) one participant's curve in a round. */
export function setCurve(s: Session, participantId: Id, roundId: Id, points: readonly CurvePoint[]): Session {
  const others = s.curves.filter((c) => !(c.participantId === participantId && c.roundId === roundId));
  if (points.length < 2) return others.length === s.curves.length ? s : { ...s, curves: others };
  const curve: Curve = { participantId, roundId, points };
  const index = s.curves.findIndex((c) => c.participantId === participantId && c.roundId === roundId);
  const curves = [...s.curves];
  if (index >= 0) curves[index] = curve;
  else curves.push(curve);
  return { ...s, curves };
}

/** Draw a stroke into a participant's curve: it replaces the span it covers. */
export function drawStroke(s: Session, participantId: Id, roundId: Id, stroke: readonly StrokeSample[]): Session {
  const existing = s.curves.find((c) => c.participantId === participantId && c.roundId === roundId)?.points ?? [];
  const points = applyStroke(existing, stroke);
  if (points.length === existing.length && points.every((p, i) => p[0] === existing[i]![0] && p[1] === existing[i]![1])) {
    return s;
  }
  return setCurve(s, participantId, roundId, points);
}

/** Set a curve from one value per anchor (the keyboard entry); null values are left out. */
export function setCurveFromValues(
  s: Session,
  participantId: Id,
  roundId: Id,
  anchors: readonly TimePos[],
  values: readonly (number | null)[],
): Session {
  return setCurve(s, participantId, roundId, curveFromValues(anchors, values));
}

export function clearCurve(s: Session, participantId: Id, roundId: Id): Session {
  return setCurve(s, participantId, roundId, []);
}

// ── Rounds ─────────────────────────────────────────────────────────────

export function addRound(s: Session, kind: RoundKind, question: string): Session {
  return { ...s, rounds: [...s.rounds, { id: newId('rd'), kind, question }] };
}

export function updateRound(s: Session, id: Id, patch: Partial<Omit<Round, 'id'>>): Session {
  return { ...s, rounds: s.rounds.map((r) => (r.id === id ? { ...r, ...patch } : r)) };
}

/** Removes a round with its curves and notes; the last round stays. */
export function removeRound(s: Session, id: Id): Session {
  if (s.rounds.length <= 1) return s;
  return {
    ...s,
    rounds: s.rounds.filter((r) => r.id !== id),
    curves: s.curves.filter((c) => c.roundId !== id),
    notes: s.notes.filter((n) => n.roundId !== id),
  };
}

// ── Target curve and analysis settings ─────────────────────────────────

export function updateTarget(s: Session, patch: Partial<TargetCurve>): Session {
  return { ...s, target: { ...s.target, ...patch } };
}

export function updateAnalysisSettings(s: Session, patch: Partial<AnalysisSettings>): Session {
  return { ...s, analysis: { ...s.analysis, ...patch } };
}

// ── Notes and action items ─────────────────────────────────────────────

export function addNote(s: Session, note: Omit<Note, 'id'>): Session {
  return { ...s, notes: [...s.notes, { ...note, id: newId('nt') }] };
}

export function updateNote(s: Session, id: Id, patch: Partial<Omit<Note, 'id' | 'roundId'>>): Session {
  return { ...s, notes: s.notes.map((n) => (n.id === id ? { ...n, ...patch } : n)) };
}

export function removeNote(s: Session, id: Id): Session {
  return { ...s, notes: s.notes.filter((n) => n.id !== id) };
}

export function addAction(s: Session, action: Omit<ActionItem, 'id' | 'done'>): Session {
  return { ...s, actions: [...s.actions, { ...action, id: newId('ac'), done: false }] };
}

export function updateAction(s: Session, id: Id, patch: Partial<Omit<ActionItem, 'id'>>): Session {
  return { ...s, actions: s.actions.map((a) => (a.id === id ? { ...a, ...patch } : a)) };
}

export function removeAction(s: Session, id: Id): Session {
  return { ...s, actions: s.actions.filter((a) => a.id !== id) };
}
