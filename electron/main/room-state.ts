/**
 * Shape check for the room state the facilitator's window publishes (see
 * RoomState in the contract). Main relays it to the presenter window, so it
 * is checked like every other argument: exact keys, exact types, bounded
 * sizes, colours as #rrggbb, levels in [0, 1]. Returns a fresh copy or throws
 * IpcArgumentError.
 */
import {
  ROOM_NOTE_KINDS,
  ROOM_SCREEN_KINDS,
  ROOM_STATE_VERSION,
  ROOM_TEAM_ROLES,
  type RoomCompare,
  type RoomCurve,
  type RoomGap,
  type RoomHandoverDrop,
  type RoomLegendTeam,
  type RoomLineStyle,
  type RoomNote,
  type RoomScreen,
  type RoomSpan,
  type RoomState,
} from '../../shared/contract';
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
  /** Handover drop markers (one per team). */
  drops: 50,
  /** Disagreement spans (the analysis finds up to three). */
  spans: 20,
  /** Notes of one round (the session file allows 2000 in all). */
  notes: 2000,
  /** A note's text (as in the session file). */
  noteText: 2000,
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
    'notes',
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
    notes: expectArray(o.notes, 'notes', ROOM_LIMITS.notes).map((n, i) => parseNote(n, `notes[${i}]`)),
  };
}

function parseCompare(value: unknown): RoomCompare {
  const c = expectRecord(value, 'compare', ['grid', 'teams', 'target', 'gap', 'drops', 'spans']);
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
      return {
        name: text(team.name, `${what}.name`),
        role: role(team.role, `${what}.role`),
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
    gap: c.gap === null ? null : parseGap(c.gap, grid.length),
    drops: expectArray(c.drops, 'compare.drops', ROOM_LIMITS.drops).map((d, i) => parseDrop(d, `compare.drops[${i}]`)),
    spans: expectArray(c.spans, 'compare.spans', ROOM_LIMITS.spans).map((sp, i) => parseSpan(sp, `compare.spans[${i}]`)),
  };
}

function parseGap(value: unknown, gridLength: number): RoomGap {
  const g = expectRecord(value, 'compare.gap', ['a', 'b', 'values']);
  const side = (v: unknown, what: string) => {
    const t = expectRecord(v, what, ['name', 'role']);
    return { name: text(t.name, `${what}.name`), role: role(t.role, `${what}.role`) };
  };
  const values = expectArray(g.values, 'compare.gap.values', ROOM_LIMITS.gridPoints);
  if (values.length !== gridLength) throw new IpcArgumentError('compare.gap.values does not match the grid.');
  return {
    a: side(g.a, 'compare.gap.a'),
    b: side(g.b, 'compare.gap.b'),
    // A difference of two levels: in [−1, 1].
    values: values.map((x) => {
      if (x === null) return null;
      const n = expectNumber(x, 'compare.gap.values');
      if (n < -1 || n > 1) throw new IpcArgumentError('compare.gap.values must lie in [−1, 1].');
      return n;
    }),
  };
}

function parseDrop(value: unknown, what: string): RoomHandoverDrop {
  const d = expectRecord(value, what, ['team', 'role', 'at', 'before', 'low', 'lowAt', 'dimmed']);
  return {
    team: text(d.team, `${what}.team`),
    role: role(d.role, `${what}.role`),
    at: unit(d.at, `${what}.at`),
    before: unit(d.before, `${what}.before`),
    low: unit(d.low, `${what}.low`),
    lowAt: unit(d.lowAt, `${what}.lowAt`),
    dimmed: expectBoolean(d.dimmed, `${what}.dimmed`),
  };
}

function parseSpan(value: unknown, what: string): RoomSpan {
  const s = expectRecord(value, what, ['start', 'end', 'phase']);
  const start = unit(s.start, `${what}.start`);
  const end = unit(s.end, `${what}.end`);
  if (end < start) throw new IpcArgumentError(`${what} ends before it starts.`);
  return { start, end, phase: text(s.phase, `${what}.phase`) };
}

function parseNote(value: unknown, what: string): RoomNote {
  const n = expectRecord(value, what, ['at', 'kind', 'phase', 'text', 'author', 'participant', 'color', 'level']);
  if (!(ROOM_NOTE_KINDS as readonly unknown[]).includes(n.kind)) throw new IpcArgumentError(`${what}.kind is unknown.`);
  return {
    at: unit(n.at, `${what}.at`),
    kind: n.kind as RoomNote['kind'],
    phase: text(n.phase, `${what}.phase`),
    text: expectString(n.text, `${what}.text`, ROOM_LIMITS.noteText),
    author: n.author === null ? null : text(n.author, `${what}.author`),
    participant: n.participant === null ? null : text(n.participant, `${what}.participant`),
    color: color(n.color, `${what}.color`),
    level: n.level === null ? null : unit(n.level, `${what}.level`),
  };
}

function role(value: unknown, what: string): RoomGap['a']['role'] {
  if (!(ROOM_TEAM_ROLES as readonly unknown[]).includes(value)) throw new IpcArgumentError(`${what} is unknown.`);
  return value as RoomGap['a']['role'];
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
