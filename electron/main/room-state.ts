/**
 * Shape check for the room state the facilitator's window publishes (see
 * RoomState in the contract). Main relays it to the presenter window, so it
 * is checked like every other argument: exact keys, exact types, bounded
 * sizes, colours as #rrggbb, levels in [0, 1]. Returns a fresh copy or throws
 * IpcArgumentError.
 */
import {
  ROOM_SCREEN_KINDS,
  ROOM_STATE_VERSION,
  ROOM_TEAM_ROLES,
  type RoomCompare,
  type RoomCurve,
  type RoomLegendTeam,
  type RoomLineStyle,
  type RoomScreen,
  type RoomState,
} from '../contract';
import { expectBoolean, expectRecord, expectString, IpcArgumentError } from './validate';

/** Limits as in the session file: 500 participants, 5000 points a curve, 100 phases and milestones. */
export const ROOM_LIMITS = {
  curves: 500,
  pointsPerCurve: 5000,
  totalPoints: 500_000,
  phases: 100,
  milestones: 100,
  legendTeams: 50,
  /** Samples of a compare series (the analysis grid has 201). */
  gridPoints: 2001,
  text: 500,
  id: 200,
} as const;

const LINE_STYLES: readonly RoomLineStyle[] = ['solid', 'dashed', 'dotted', 'dashdot'];
const COLOR = /^#[0-9a-fA-F]{6}$/;

export function parseRoomState(value: unknown): RoomState {
  const o = expectRecord(value, 'room state', [
    'version',
    'rev',
    'language',
    'title',
    'question',
    'screen',
    'timeline',
    'scale',
    'curves',
    'legend',
    'anonymous',
    'compare',
  ]);
  if (o.version !== ROOM_STATE_VERSION) throw new IpcArgumentError(`room state version must be ${ROOM_STATE_VERSION}.`);
  if (o.language !== 'de' && o.language !== 'en') throw new IpcArgumentError('language must be de or en.');
  const timeline = expectRecord(o.timeline, 'timeline', ['phases', 'milestones', 'handoverId']);
  const scale = expectRecord(o.scale, 'scale', ['low', 'mid', 'high']);
  let totalPoints = 0;
  const curves = expectArray(o.curves, 'curves', ROOM_LIMITS.curves).map((c, i) => {
    const curve = parseCurve(c, `curves[${i}]`);
    totalPoints += curve.points.length;
    if (totalPoints > ROOM_LIMITS.totalPoints) throw new IpcArgumentError('curves have too many points.');
    return curve;
  });
  return {
    version: ROOM_STATE_VERSION,
    rev: expectCount(o.rev, 'rev'),
    language: o.language,
    title: text(o.title, 'title'),
    question: text(o.question, 'question'),
    screen: parseScreen(o.screen),
    timeline: {
      phases: expectArray(timeline.phases, 'phases', ROOM_LIMITS.phases).map((p, i) => {
        const phase = expectRecord(p, `phases[${i}]`, ['id', 'name', 'width']);
        const width = expectNumber(phase.width, 'phase width');
        if (width <= 0 || width > 1000) throw new IpcArgumentError('phase width is out of range.');
        return { id: id(phase.id, 'phase id'), name: text(phase.name, 'phase name'), width };
      }),
      milestones: expectArray(timeline.milestones, 'milestones', ROOM_LIMITS.milestones).map((m, i) => {
        const milestone = expectRecord(m, `milestones[${i}]`, ['id', 'name', 'at']);
        return { id: id(milestone.id, 'milestone id'), name: text(milestone.name, 'milestone name'), at: unit(milestone.at, 'at') };
      }),
      handoverId: timeline.handoverId === null ? null : id(timeline.handoverId, 'handoverId'),
    },
    scale: { low: text(scale.low, 'scale.low'), mid: text(scale.mid, 'scale.mid'), high: text(scale.high, 'scale.high') },
    curves,
    legend: expectArray(o.legend, 'legend', ROOM_LIMITS.legendTeams).map((t, i) => parseLegendTeam(t, `legend[${i}]`)),
    anonymous: expectBoolean(o.anonymous, 'anonymous'),
    compare: o.compare === null ? null : parseCompare(o.compare),
  };
}

function parseCompare(value: unknown): RoomCompare {
  const c = expectRecord(value, 'compare', ['grid', 'teams', 'target']);
  const grid = expectArray(c.grid, 'compare.grid', ROOM_LIMITS.gridPoints).map((t) => unit(t, 'grid time'));
  const series = (v: unknown, what: string): (number | null)[] => {
    const values = expectArray(v, what, ROOM_LIMITS.gridPoints);
    if (values.length !== grid.length) throw new IpcArgumentError(`${what} does not match the grid.`);
    return values.map((x) => (x === null ? null : unit(x, what)));
  };
  return {
    grid,
    teams: expectArray(c.teams, 'compare.teams', ROOM_LIMITS.legendTeams).map((t, i) => {
      const what = `compare.teams[${i}]`;
      const team = expectRecord(t, what, ['name', 'role', 'lineStyle', 'n', 'highlighted', 'dimmed', 'mean', 'lower', 'upper']);
      if (!(ROOM_TEAM_ROLES as readonly unknown[]).includes(team.role)) throw new IpcArgumentError(`${what}.role is unknown.`);
      return {
        name: text(team.name, `${what}.name`),
        role: team.role as RoomCompare['teams'][number]['role'],
        lineStyle: lineStyle(team.lineStyle, `${what}.lineStyle`),
        n: expectCount(team.n, `${what}.n`),
        highlighted: expectBoolean(team.highlighted, `${what}.highlighted`),
        dimmed: expectBoolean(team.dimmed, `${what}.dimmed`),
        mean: series(team.mean, `${what}.mean`),
        lower: team.lower === null ? null : series(team.lower, `${what}.lower`),
        upper: team.upper === null ? null : series(team.upper, `${what}.upper`),
      };
    }),
    target: c.target === null ? null : series(c.target, 'compare.target'),
  };
}

function parseScreen(value: unknown): RoomScreen {
  if (typeof value !== 'object' || value === null) throw new IpcArgumentError('screen must be an object.');
  const kind = (value as { kind?: unknown }).kind;
  if (!(ROOM_SCREEN_KINDS as readonly unknown[]).includes(kind)) throw new IpcArgumentError('screen has an unknown kind.');
  switch (kind as RoomScreen['kind']) {
    case 'draw': {
      const s = expectRecord(value, 'draw screen', ['kind', 'drawer', 'drawerColor', 'curtain', 'blind', 'drawn', 'total']);
      return {
        kind: 'draw',
        drawer: s.drawer === null ? null : text(s.drawer, 'drawer'),
        drawerColor: s.drawerColor === null ? null : color(s.drawerColor, 'drawerColor'),
        curtain: expectBoolean(s.curtain, 'curtain'),
        blind: expectBoolean(s.blind, 'blind'),
        drawn: expectCount(s.drawn, 'drawn'),
        total: expectCount(s.total, 'total'),
      };
    }
    case 'reveal': {
      const s = expectRecord(value, 'reveal screen', ['kind', 'step', 'steps', 'shown', 'total']);
      return {
        kind: 'reveal',
        step: expectCount(s.step, 'step'),
        steps: expectCount(s.steps, 'steps'),
        shown: expectCount(s.shown, 'shown'),
        total: expectCount(s.total, 'total'),
      };
    }
    case 'setup':
    case 'compare':
    case 'discuss': {
      expectRecord(value, 'screen', ['kind']);
      return { kind: kind as 'setup' | 'compare' | 'discuss' };
    }
  }
}

function parseCurve(value: unknown, what: string): RoomCurve {
  const c = expectRecord(value, what, ['key', 'label', 'team', 'color', 'lineStyle', 'faded', 'highlighted', 'points']);
  const points = expectArray(c.points, `${what}.points`, ROOM_LIMITS.pointsPerCurve).map((p): [number, number] => {
    if (!Array.isArray(p) || p.length !== 2) throw new IpcArgumentError(`${what} has a point that is not a pair.`);
    return [unit(p[0], 'time'), unit(p[1], 'level')];
  });
  return {
    key: id(c.key, `${what}.key`),
    label: text(c.label, `${what}.label`),
    team: text(c.team, `${what}.team`),
    color: color(c.color, `${what}.color`),
    lineStyle: lineStyle(c.lineStyle, `${what}.lineStyle`),
    faded: expectBoolean(c.faded, `${what}.faded`),
    highlighted: expectBoolean(c.highlighted, `${what}.highlighted`),
    points,
  };
}

function parseLegendTeam(value: unknown, what: string): RoomLegendTeam {
  const t = expectRecord(value, what, ['name', 'lineStyle', 'highlighted', 'members']);
  return {
    name: text(t.name, `${what}.name`),
    lineStyle: lineStyle(t.lineStyle, `${what}.lineStyle`),
    highlighted: expectBoolean(t.highlighted, `${what}.highlighted`),
    members: expectArray(t.members, `${what}.members`, ROOM_LIMITS.curves).map((m, i) => {
      const member = expectRecord(m, `${what}.members[${i}]`, ['key', 'label', 'color', 'highlighted']);
      return {
        key: id(member.key, 'member key'),
        label: text(member.label, 'member label'),
        color: color(member.color, 'member color'),
        highlighted: expectBoolean(member.highlighted, 'member highlighted'),
      };
    }),
  };
}

function expectArray(value: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw new IpcArgumentError(`${what} must be an array.`);
  if (value.length > max) throw new IpcArgumentError(`${what} has more than ${max} entries.`);
  return value;
}

function expectNumber(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new IpcArgumentError(`${what} must be a finite number.`);
  return value;
}

function expectCount(value: unknown, what: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw new IpcArgumentError(`${what} must be a whole number ≥ 0.`);
  return value as number;
}

function unit(value: unknown, what: string): number {
  const n = expectNumber(value, what);
  if (n < 0 || n > 1) throw new IpcArgumentError(`${what} must lie in [0, 1].`);
  return n;
}

const text = (value: unknown, what: string) => expectString(value, what, ROOM_LIMITS.text);

function id(value: unknown, what: string): string {
  const s = expectString(value, what, ROOM_LIMITS.id);
  if (s.length === 0) throw new IpcArgumentError(`${what} must not be empty.`);
  return s;
}

function color(value: unknown, what: string): string {
  const s = expectString(value, what, 7);
  if (!COLOR.test(s)) throw new IpcArgumentError(`${what} must be a #rrggbb colour.`);
  return s;
}

function lineStyle(value: unknown, what: string): RoomLineStyle {
  if (!(LINE_STYLES as readonly unknown[]).includes(value)) throw new IpcArgumentError(`${what} is not a line style.`);
  return value as RoomLineStyle;
}
