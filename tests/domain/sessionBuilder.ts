import {
  DEFAULT_ANALYSIS,
  DEFAULT_TARGET,
  enthusiasm,
  timePos,
  type AnalysisSettings,
  type Curve,
  type CurvePoint,
  type Round,
  type SampledCurve,
  type Session,
  type Team,
  type TeamRole,
  type TimePos,
} from '../../renderer/domain';

/**
 * Tiny sessions for the analysis tests, with curves whose figures can be
 * worked out by hand. A two-point curve is a straight line (the monotone
 * interpolation of two points is linear), and a flat run stays flat.
 */

export const pt = (x: number, y: number): CurvePoint => [timePos(x), enthusiasm(y)];

/** A straight line from (x0, y0) to (x1, y1). */
export const line = (x0: number, y0: number, x1: number, y1: number): CurvePoint[] => [pt(x0, y0), pt(x1, y1)];

/** Level y from x0 to x1. */
export const flat = (y: number, x0 = 0, x1 = 1): CurvePoint[] => line(x0, y, x1, y);

export const TEAM_IDS: Record<TeamRole, string> = { sales: 't-sales', ps: 't-ps', customer: 't-cust', other: 't-other' };

export const TEAMS: Team[] = [
  { id: TEAM_IDS.sales, name: 'Sales', role: 'sales', lineStyle: 'solid' },
  { id: TEAM_IDS.ps, name: 'PS', role: 'ps', lineStyle: 'dashed' },
  { id: TEAM_IDS.customer, name: 'Customer', role: 'customer', lineStyle: 'dotted' },
  { id: TEAM_IDS.other, name: 'Other', role: 'other', lineStyle: 'dashdot' },
];

export interface PersonSpec {
  readonly id: string;
  readonly name?: string;
  readonly team: TeamRole;
  /** Curve per round id; a plain array is the curve of round 'r1'. */
  readonly curve?: CurvePoint[] | Readonly<Record<string, CurvePoint[]>>;
}

export interface SessionSpec {
  /** [name, width]; default two equal phases A [0, 0.5) and B [0.5, 1]. */
  readonly phases?: readonly (readonly [string, number])[];
  /** Time of the handover milestone; null for none. Default 0.5. */
  readonly handoverAt?: number | null;
  readonly people: readonly PersonSpec[];
  readonly rounds?: readonly Round[];
  readonly teams?: readonly Team[];
  readonly analysis?: AnalysisSettings;
  readonly target?: Session['target'];
}

export const EXPERIENCED: Round = { id: 'r1', kind: 'experienced', question: 'experienced' };

export function buildSession(spec: SessionSpec): Session {
  const phases = (spec.phases ?? [['A', 1], ['B', 1]]).map(([name, width]) => ({ id: `ph-${name}`, name, width }));
  const handoverAt = spec.handoverAt === undefined ? 0.5 : spec.handoverAt;
  const milestones = handoverAt === null ? [] : [{ id: 'ms-handover', name: 'Handover', at: timePos(handoverAt) }];
  const curves: Curve[] = [];
  for (const p of spec.people) {
    const byRound = Array.isArray(p.curve) ? { r1: p.curve } : ((p.curve ?? {}) as Record<string, CurvePoint[]>);
    for (const [roundId, points] of Object.entries(byRound)) curves.push({ participantId: p.id, roundId, points });
  }
  return {
    id: 'ss-test',
    language: 'en',
    project: { name: 'Test', customer: 'ACME', hideCustomer: false, date: '' },
    timeline: { phases, milestones, handoverId: milestones[0]?.id ?? null },
    scale: { low: 'disappointed', mid: 'satisfied', high: 'thrilled' },
    teams: spec.teams ?? TEAMS,
    participants: spec.people.map((p, i) => ({ id: p.id, name: p.name ?? p.id, teamId: TEAM_IDS[p.team], color: `#00000${i}` })),
    rounds: spec.rounds ?? [EXPERIENCED],
    curves,
    target: spec.target ?? DEFAULT_TARGET,
    analysis: spec.analysis ?? DEFAULT_ANALYSIS,
    notes: [],
    actions: [],
  };
}

/** A curve already on a grid, for the functions that work on series. */
export const sampled = (participantId: string, teamId: string, values: (number | null)[]): SampledCurve => ({
  participantId,
  teamId,
  values,
});

/** The grid index of time x on the analysis grid (200 steps). */
export const gridIndex = (x: number): number => Math.round(x * 200);

export const times = (xs: readonly number[]): TimePos[] => xs.map(timePos);
