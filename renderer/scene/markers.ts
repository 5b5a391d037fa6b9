import { PARTICIPANT_PALETTE, valueAt, type CurvePoint, type Id, type LineStyle, type Session, type TimePos } from '../domain';

/**
 * Telling people apart when there are more of them than colours: each
 * participant draws in their colour and their team's line style, and the
 * second, third … person with the same colour gets a marker shape along the
 * curve (and in every legend), so colour × line style × marker stays unique
 * for 8 colours × 6 shapes per team, however big the team.
 */
export const MARKERS = ['none', 'circle', 'square', 'triangle', 'diamond', 'cross'] as const;
export type MarkerShape = (typeof MARKERS)[number];

/** How one participant is drawn everywhere: chart, legend, room, report. */
export interface PersonStyle {
  readonly color: string;
  readonly lineStyle: LineStyle;
  readonly marker: MarkerShape;
  /** The participant's place in the session, which shifts where their markers sit (the same on every surface). */
  readonly place: number;
}

/**
 * Beyond this many participants, colour × marker can no longer be unique
 * (8 colours × 6 shapes), and hundreds of markers only clutter a chart:
 * nobody gets one, and the legend names people by team instead.
 */
export const MARKED_PEOPLE_MAX = PARTICIPANT_PALETTE.length * MARKERS.length;

/**
 * Each participant's style, in session order: the n-th person (0-based)
 * with a colour gets MARKERS[n], so the first keeps a plain line and a
 * repeat of the palette (the ninth person) is marked.
 */
export function participantStyles(session: Session): Map<Id, PersonStyle> {
  const teams = new Map(session.teams.map((t) => [t.id, t] as const));
  const seen = new Map<string, number>();
  const styles = new Map<Id, PersonStyle>();
  const marked = session.participants.length <= MARKED_PEOPLE_MAX;
  session.participants.forEach((p, place) => {
    const key = p.color.toLowerCase();
    const rank = seen.get(key) ?? 0;
    seen.set(key, rank + 1);
    const marker = marked ? MARKERS[rank % MARKERS.length]! : 'none';
    styles.set(p.id, { color: p.color, lineStyle: teams.get(p.teamId)?.lineStyle ?? 'solid', marker, place });
  });
  return styles;
}

/** A palette colour is one of the participant palette's (team line colours must never be one). */
export const isParticipantColor = (color: string): boolean => PARTICIPANT_PALETTE.some((c) => c.toLowerCase() === color.toLowerCase());

/** Markers along a curve of the full timeline; fewer on a partial one. */
const MARKERS_PER_TIMELINE = 5;

/**
 * Where a participant's markers sit on their curve: evenly along the
 * timeline, shifted per person (by the golden ratio of their place in the
 * round) so markers of curves that run together don't stack. Inside the
 * curve's span only; none for a plain line.
 */
export function markerPoints(points: readonly CurvePoint[], marker: MarkerShape, place: number): [TimePos, number][] {
  if (marker === 'none' || points.length < 2) return [];
  const shift = ((place * 0.618034) % 1) - 0.5;
  const out: [TimePos, number][] = [];
  for (let k = 0; k < MARKERS_PER_TIMELINE; k++) {
    const at = (k + 0.5 + shift * 0.8) / MARKERS_PER_TIMELINE;
    const level = valueAt(points, at as TimePos);
    if (level !== null) out.push([at as TimePos, level]);
  }
  return out;
}

/**
 * The marker as an SVG path around (0, 0), `size` across: one description
 * for the canvas (Konva's Path) and the SVG report alike. Closed shapes are
 * filled, the cross is stroked.
 */
export function markerPath(marker: MarkerShape, size: number): string {
  const r = size / 2;
  const f = (n: number) => +n.toFixed(2);
  switch (marker) {
    case 'none':
      return '';
    case 'circle':
      return `M${f(-r)} 0A${f(r)} ${f(r)} 0 1 0 ${f(r)} 0A${f(r)} ${f(r)} 0 1 0 ${f(-r)} 0Z`;
    case 'square': {
      const s = r * 0.85;
      return `M${f(-s)} ${f(-s)}H${f(s)}V${f(s)}H${f(-s)}Z`;
    }
    case 'triangle':
      return `M0 ${f(-r)}L${f(r)} ${f(r * 0.8)}H${f(-r)}Z`;
    case 'diamond':
      return `M0 ${f(-r)}L${f(r)} 0L0 ${f(r)}L${f(-r)} 0Z`;
    case 'cross': {
      const s = r * 0.8;
      return `M${f(-s)} ${f(-s)}L${f(s)} ${f(s)}M${f(s)} ${f(-s)}L${f(-s)} ${f(s)}`;
    }
  }
}

/** Whether a marker is drawn as an outline (stroke) rather than a filled shape. */
export const markerIsStroked = (marker: MarkerShape): boolean => marker === 'cross';

