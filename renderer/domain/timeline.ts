import type { Milestone, Phase, Timeline } from './session';
import { timePos, type TimePos } from './units';

/** A phase with its place on the normalised timeline. */
export interface PhaseSpan {
  readonly phase: Phase;
  readonly index: number;
  readonly start: TimePos;
  readonly end: TimePos;
}

/** Where each phase starts and ends on [0, 1]; widths are relative weights. */
export function layoutPhases(phases: readonly Phase[]): PhaseSpan[] {
  const total = phases.reduce((sum, p) => sum + p.width, 0);
  if (phases.length === 0 || total <= 0) return [];
  let acc = 0;
  return phases.map((phase, index) => {
    const start = acc / total;
    acc += phase.width;
    // The last end is exactly 1 so no rounding leaves a sliver uncovered.
    const end = index === phases.length - 1 ? 1 : acc / total;
    return { phase, index, start: timePos(start), end: timePos(end) };
  });
}

/** The phase that covers time x (the later phase on a boundary, the last at x = 1). */
export function phaseAt(phases: readonly Phase[], x: TimePos): PhaseSpan | undefined {
  const spans = layoutPhases(phases);
  return spans.find((s) => x >= s.start && x < s.end) ?? spans[spans.length - 1];
}

/** The centre of each phase: where a value typed per phase is placed on the curve. */
export function phaseCentres(phases: readonly Phase[]): TimePos[] {
  return layoutPhases(phases).map((s) => timePos((s.start + s.end) / 2));
}

export function handoverMilestone(timeline: Timeline): Milestone | undefined {
  return timeline.milestones.find((m) => m.id === timeline.handoverId);
}

/**
 * A map from times on the old timeline to times on the new one, phase by
 * phase, so that milestones and curves stay over the phase they were placed
 * in when phases are resized, reordered, added or removed. Returns null for
 * a time inside a phase that no longer exists.
 */
export function remapTime(
  oldPhases: readonly Phase[],
  newPhases: readonly Phase[],
): (x: TimePos) => TimePos | null {
  const before = layoutPhases(oldPhases);
  const after = new Map(layoutPhases(newPhases).map((s) => [s.phase.id, s] as const));
  return (x) => {
    const from = before.find((s) => x >= s.start && x < s.end) ?? (x >= 1 ? before[before.length - 1] : undefined);
    if (!from) return null;
    const to = after.get(from.phase.id);
    if (!to) return null;
    const width = from.end - from.start;
    const t = width > 0 ? (x - from.start) / width : 0;
    return timePos(to.start + t * (to.end - to.start));
  };
}

/**
 * Apply a phase change to things placed at a time (milestones, notes); one
 * in a removed phase moves to the nearest remaining time.
 */
export function remapMilestones<T extends { readonly at: TimePos }>(
  items: readonly T[],
  oldPhases: readonly Phase[],
  newPhases: readonly Phase[],
): T[] {
  const map = remapTime(oldPhases, newPhases);
  return items.map((m) => ({ ...m, at: map(m.at) ?? nearestSurvivingTime(m.at, oldPhases, newPhases) }));
}

function nearestSurvivingTime(x: TimePos, oldPhases: readonly Phase[], newPhases: readonly Phase[]): TimePos {
  const newSpans = new Map(layoutPhases(newPhases).map((s) => [s.phase.id, s] as const));
  const oldSpans = layoutPhases(oldPhases);
  // Prefer the start of the next surviving phase, then the end of the previous one.
  const next = oldSpans.find((s) => s.start >= x && newSpans.has(s.phase.id));
  if (next) return newSpans.get(next.phase.id)!.start;
  const prev = [...oldSpans].reverse().find((s) => s.end <= x && newSpans.has(s.phase.id));
  if (prev) return newSpans.get(prev.phase.id)!.end;
  return timePos(0);
}
