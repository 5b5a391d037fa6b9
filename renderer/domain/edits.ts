import { mergeClosePoints } from './closePoints';
import { applyStroke, curveFromValues, type StrokeSample } from './curve';
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
import { remapMilestones, remapTime } from './timeline';
import type { CurvePoint, TimePos } from './units';

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

/** Replace the phases, carrying milestones and curves along with the phase they sit in. */
function withPhases(s: Session, phases: readonly Phase[]): Session {
  if (phases.length === 0) return s;
  const map = remapTime(s.timeline.phases, phases);
  const curves = s.curves
    .map((c) => ({ ...c, points: remapPoints(c.points, map) }))
    .filter((c) => c.points.length >= 2);
  return {
    ...s,
    timeline: { ...s.timeline, phases, milestones: remapMilestones(s.timeline.milestones, s.timeline.phases, phases) },
    curves,
    notes: remapMilestones(s.notes, s.timeline.phases, phases),
  };
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
