import { describe, expect, it } from 'vitest';
import { timePos, type TimePos } from '../../renderer/domain';
import {
  commandForKey,
  createAppStore,
  findCommand,
  roomInputsChanged,
  roomLabels,
  roomStateOf,
  roundAnalysis,
  sameRoomContent,
  type AppStore,
} from '../../renderer/state';
import type { FileContext } from '../../renderer/state';
import { newerRoomStates, nextRoomRev } from '../../renderer/platform/room-sequence';
import type { RoomState } from '../../renderer/platform/platform';
import { parseRoomState, ROOM_STATE_VERSION } from '../../shared/room-state';
import { TEAM_ROLE_COLORS } from '../../renderer/canvas/colors';
import type { RoomStatus } from '../../shared/room-protocol';

/** Four people, two per team, each with a straight curve in the first round. */
function retro(): AppStore {
  const store = createAppStore('en');
  const [sales, ps] = store.getState().session.teams;
  for (const [name, team] of [['Sam', sales], ['Sue', sales], ['Pat', ps], ['Pia', ps]] as const) store.getState().addParticipant(name, team!.id);
  const anchors = [timePos(0.1), timePos(0.9)];
  store.getState().session.participants.forEach((p, i) => store.getState().setCurveFromValues(p.id, anchors, [0.2 + i, 6 - i]));
  return store;
}

const names = (state: RoomState) => state.curves.map((c) => c.label);
const legendNames = (state: RoomState) => state.legend.flatMap((t) => t.members.map((m) => m.label));

describe('roomStateOf', () => {
  it('follows the reveal step by step; the legend keeps a place for everyone still to come, so it never grows', () => {
    const store = retro();
    store.getState().setView('reveal');
    store.getState().setRevealMode('team');
    const shownInLegend = (state: RoomState) => state.legend.flatMap((t) => t.members.filter((m) => !m.pending).map((m) => m.label));
    let room = roomStateOf(store.getState(), 1);
    expect(room.screen).toEqual({ kind: 'reveal', step: 0, steps: 2, shown: 0, total: 4 });
    expect(room.curves).toEqual([]);
    expect(legendNames(room)).toEqual(['Sam', 'Sue', 'Pat', 'Pia']);
    expect(shownInLegend(room)).toEqual([]);

    store.getState().setRevealStep(1);
    room = roomStateOf(store.getState(), 2);
    expect(names(room)).toEqual(['Sam', 'Sue']);
    expect(legendNames(room)).toEqual(['Sam', 'Sue', 'Pat', 'Pia']);
    expect(shownInLegend(room)).toEqual(['Sam', 'Sue']);
    expect(room.screen).toMatchObject({ step: 1, shown: 2 });

    store.getState().setRevealStep(2);
    room = roomStateOf(store.getState(), 3);
    expect(shownInLegend(room)).toEqual(['Sam', 'Sue', 'Pat', 'Pia']);
    expect(room.curves.map((c) => c.lineStyle)).toEqual(['solid', 'solid', 'dashed', 'dashed']);
  });

  it('anonymises names as "<team> <n>", keeps the facilitator store untouched, and never sends participant ids', () => {
    const store = retro();
    store.getState().setView('reveal');
    store.getState().setRevealStep(1);
    store.getState().setRoomAnonymous(true);
    const room = roomStateOf(store.getState(), 1);
    expect(names(room)).toEqual(['Sales 1', 'Sales 2', 'PS 1', 'PS 2']);
    expect(legendNames(room)).toEqual(['Sales 1', 'Sales 2', 'PS 1', 'PS 2']);
    const text = JSON.stringify(room);
    for (const p of store.getState().session.participants) {
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.id);
    }
    expect(store.getState().session.participants.map((p) => p.name)).toEqual(['Sam', 'Sue', 'Pat', 'Pia']);
  });

  it('numbers anonymised labels over all of a team, so a label does not change as the reveal goes on', () => {
    const store = retro();
    const labels = roomLabels(store.getState().session, true);
    const pia = store.getState().session.participants[3]!;
    expect(labels.get(pia.id)).toBe('PS 2');
    store.getState().setView('reveal');
    store.getState().setRevealMode('oneByOne');
    store.getState().setRevealStep(4);
    store.getState().setRoomAnonymous(true);
    store.getState().toggleParticipantHidden(store.getState().session.participants[2]!.id);
    expect(names(roomStateOf(store.getState(), 1))).toEqual(['Sales 1', 'Sales 2', 'PS 2']);
  });

  it('shows the room no curve while people draw blind, only whose turn it is', () => {
    const store = retro();
    const sam = store.getState().session.participants[0]!;
    store.getState().setView('draw');
    store.getState().startDrawing(sam.id);
    let room = roomStateOf(store.getState(), 1);
    expect(room.screen).toEqual({ kind: 'draw', drawer: 'Sam', drawerColor: sam.color, curtain: true, blind: true, drawn: 4, total: 4 });
    store.getState().dismissCurtain();
    room = roomStateOf(store.getState(), 2);
    expect(room.curves).toEqual([]);
    expect(room.legend).toEqual([]);

    // Not blind: the room sees what the drawer sees, the others faded.
    store.getState().setBlind(false);
    room = roomStateOf(store.getState(), 3);
    expect(room.curves).toHaveLength(4);
    expect(room.curves.filter((c) => !c.faded).map((c) => c.label)).toEqual(['Sam']);
  });

  it('marks the highlighted person or team, fades the rest and draws the highlight last', () => {
    const store = retro();
    store.getState().setView('reveal');
    store.getState().setRevealStep(1);
    const sue = store.getState().session.participants[1]!;
    store.getState().setHighlight(sue.id);
    let room = roomStateOf(store.getState(), 1);
    expect(room.curves.at(-1)).toMatchObject({ label: 'Sue', highlighted: true, faded: false });
    expect(room.curves.filter((c) => c.faded)).toHaveLength(3);

    store.getState().setHighlight(store.getState().session.teams[1]!.id);
    room = roomStateOf(store.getState(), 2);
    expect(room.curves.filter((c) => c.highlighted).map((c) => c.label)).toEqual(['Pat', 'Pia']);
    expect(room.legend.find((t) => t.name === 'PS')?.highlighted).toBe(true);
  });

  it('drops the legend when the facilitator hides it from the room', () => {
    const store = retro();
    store.getState().setView('reveal');
    store.getState().setRevealStep(1);
    store.getState().setRoomLegend(false);
    const room = roomStateOf(store.getState(), 1);
    expect(room.legend).toEqual([]);
    expect(room.curves).toHaveLength(4);
  });

  it('is plain data that survives structured cloning, and tells content changes from revision changes', () => {
    const store = retro();
    store.getState().setView('reveal');
    store.getState().setRevealStep(1);
    const a = roomStateOf(store.getState(), 1);
    expect(structuredClone(a)).toEqual(a);
    expect(sameRoomContent(a, roomStateOf(store.getState(), 2))).toBe(true);
    store.getState().setRoomAnonymous(true);
    expect(sameRoomContent(a, roomStateOf(store.getState(), 3))).toBe(false);
    expect(sameRoomContent(null, a)).toBe(false);
  });
});

describe('the compare view in the room', () => {
  it('carries team means with bands and the target, and main accepts exactly what the renderer derives', () => {
    const store = retro();
    store.getState().setView('compare');
    const room = roomStateOf(store.getState(), 7);
    expect(room.screen).toEqual({ kind: 'compare' });
    expect(room.compare?.teams.map((t) => [t.name, t.color, t.n])).toEqual([
      ['Sales', TEAM_ROLE_COLORS.sales, 2],
      ['PS', TEAM_ROLE_COLORS.ps, 2],
    ]);
    const sales = room.compare!.teams[0]!;
    expect(sales.mean).toHaveLength(room.compare!.grid.length);
    expect(sales.lower).not.toBeNull();
    expect(room.compare!.target).toHaveLength(room.compare!.grid.length);
    // Individual curves stay in, faded under the means.
    expect(room.curves.every((c) => c.faded)).toBe(true);
    expect(parseRoomState(structuredClone(room))).toEqual(room);
    // Every other screen has no compare part.
    store.getState().setView('reveal');
    expect(roomStateOf(store.getState(), 8).compare).toBeNull();
  });

  it('follows the compare display settings and the team highlight', () => {
    const store = retro();
    store.getState().setView('compare');
    store.getState().setCompareDisplay({ individuals: false, bands: false });
    store.getState().updateTarget({ visible: false });
    store.getState().setHighlight(store.getState().session.teams[0]!.id);
    const room = roomStateOf(store.getState(), 1);
    expect(room.curves).toEqual([]);
    expect(room.compare?.teams.map((t) => [t.highlighted, t.dimmed, t.lower])).toEqual([
      [true, false, null],
      [false, true, null],
    ]);
    expect(room.compare?.target).toBeNull();
    expect(parseRoomState(room)).toEqual(room);
  });

  it('refuses a compare series that does not match its grid', () => {
    const store = retro();
    store.getState().setView('compare');
    const room = roomStateOf(store.getState(), 1);
    const broken = { ...room, compare: { ...room.compare!, target: [0.5] } };
    expect(() => parseRoomState(broken)).toThrow(/does not match the grid/);
  });
});

/**
 * A retro whose comparison can be checked by hand. Sales: Sam 0.8 and Sue 0.6
 * until the handover, both 0.2 from a tenth after it. PS: Pat 0.3 and Pia 0.5
 * throughout. All curves run from 0.1 to 0.9.
 */
function handoverRetro(): { store: AppStore; handoverAt: number } {
  const store = createAppStore('en');
  const [sales, ps] = store.getState().session.teams;
  for (const [name, team] of [['Sam', sales], ['Sue', sales], ['Pat', ps], ['Pia', ps]] as const) store.getState().addParticipant(name, team!.id);
  const { timeline } = store.getState().session;
  const h = timeline.milestones.find((m) => m.id === timeline.handoverId)!.at;
  const anchors = [0.1, h, h + 0.1, 0.9].map(timePos);
  const [sam, sue, pat, pia] = store.getState().session.participants;
  store.getState().setCurveFromValues(sam!.id, anchors, [0.8, 0.8, 0.2, 0.2]);
  store.getState().setCurveFromValues(sue!.id, anchors, [0.6, 0.6, 0.2, 0.2]);
  store.getState().setCurveFromValues(pat!.id, anchors, [0.3, 0.3, 0.3, 0.3]);
  store.getState().setCurveFromValues(pia!.id, anchors, [0.5, 0.5, 0.5, 0.5]);
  store.getState().setView('compare');
  return { store, handoverAt: h };
}

/** A compare series' value at the grid point nearest to `t`. */
function at(room: RoomState, values: readonly (number | null)[], t: number): number | null {
  const grid = room.compare!.grid;
  let best = 0;
  grid.forEach((x, i) => {
    if (Math.abs(x - t) < Math.abs(grid[best]! - t)) best = i;
  });
  return values[best]!;
}

describe('the compare view’s gap, drops and spans in the room', () => {
  it('carries the Sales–PS gap, the handover drop and the disagreement spans, checked by hand', () => {
    const { store, handoverAt: h } = handoverRetro();
    const room = roomStateOf(store.getState(), 1);
    const gap = room.compare!.gap!;
    expect([gap.a, gap.b]).toEqual([
      { name: 'Sales', color: TEAM_ROLE_COLORS.sales },
      { name: 'PS', color: TEAM_ROLE_COLORS.ps },
    ]);
    expect(gap.values).toHaveLength(room.compare!.grid.length);
    // Before the handover: mean(0.8, 0.6) − mean(0.3, 0.5) = 0.7 − 0.4; well after it: 0.2 − 0.4; outside the curves: nothing.
    expect(at(room, gap.values, (0.1 + h) / 2)).toBeCloseTo(0.3, 6);
    expect(at(room, gap.values, 0.85)).toBeCloseTo(-0.2, 6);
    expect(at(room, gap.values, 0.05)).toBeNull();

    // Sales: Sam drops 0.8 → 0.2, Sue 0.6 → 0.2 within the window: the team's drop is the mean of theirs, 0.5, drawn
    // from the Sales line just before the handover (0.7) down to 0.2. PS stays level, so it gets no marker.
    expect(room.compare!.drops).toHaveLength(1);
    const drop = room.compare!.drops[0]!;
    expect(drop).toMatchObject({ team: 'Sales', color: TEAM_ROLE_COLORS.sales, at: h, dimmed: false });
    expect(drop.drop).toBeCloseTo(0.5, 6);
    expect(drop.from).toBeCloseTo(0.7, 6);
    expect(drop.to).toBeCloseTo(0.2, 6);
    expect(drop.lowAt).toBeGreaterThanOrEqual(h + 0.1 - 0.006);
    expect(drop.lowAt).toBeLessThanOrEqual(h + 0.2 + 0.006);

    // The spread is highest before the handover (sd of 0.8, 0.6, 0.3, 0.5 = 0.18 against 0.12 after it): one span there.
    const analysis = roundAnalysis(store.getState().session, store.getState().roundId);
    expect(room.compare!.spans).toEqual(
      analysis.disagreement.map((sp, i) => ({ number: i + 1, start: sp.start, end: sp.end, firstPhase: sp.phaseNames[0], lastPhase: sp.phaseNames.at(-1) })),
    );
    expect(room.compare!.spans).toHaveLength(1);
    const span = room.compare!.spans[0]!;
    expect(span.start).toBeCloseTo(0.1, 6);
    expect(span.end).toBeGreaterThanOrEqual(h - 0.006);
    expect(span.end).toBeLessThan(h + 0.1);

    expect(parseRoomState(structuredClone(room))).toEqual(room);
  });

  it('follows the spans and notes switches, the highlight, and teams hidden from the room', () => {
    const { store } = handoverRetro();
    store.getState().addNote({ at: timePos(0.5), participantId: null, kind: 'event', text: 'Kickoff', author: '' });
    expect(roomStateOf(store.getState(), 1).notes).toHaveLength(1);

    store.getState().setCompareDisplay({ spans: false, notes: false });
    let room = roomStateOf(store.getState(), 2);
    expect(room.compare!.spans).toEqual([]);
    expect(room.notes).toEqual([]);
    expect(room.compare!.gap).not.toBeNull();

    // Another team highlighted: Sales' drop is dimmed with its mean; a person highlighted dims every team.
    const [sales, ps] = store.getState().session.teams;
    store.getState().setHighlight(ps!.id);
    expect(roomStateOf(store.getState(), 3).compare!.drops.map((d) => d.dimmed)).toEqual([true]);
    store.getState().setHighlight(sales!.id);
    expect(roomStateOf(store.getState(), 4).compare!.drops.map((d) => d.dimmed)).toEqual([false]);
    store.getState().setHighlight(store.getState().session.participants[2]!.id);
    expect(roomStateOf(store.getState(), 5).compare!.drops.map((d) => d.dimmed)).toEqual([true]);
    store.getState().setHighlight(null);

    // A team hidden from the room takes its mean, the gap and its drop along.
    store.getState().toggleTeamHidden(ps!.id);
    room = roomStateOf(store.getState(), 6);
    expect(room.compare!.teams.map((t) => t.name)).toEqual(['Sales']);
    expect(room.compare!.gap).toBeNull();
    expect(room.compare!.drops.map((d) => d.team)).toEqual(['Sales']);
    store.getState().toggleTeamHidden(sales!.id);
    expect(roomStateOf(store.getState(), 7).compare!.drops).toEqual([]);
  });

  it('reuses the memoised analysis: a note typed leaves the series the same arrays; a changed curve makes new ones', () => {
    const { store } = handoverRetro();
    const before = roomStateOf(store.getState(), 1);
    store.getState().addNote({ at: timePos(0.5), participantId: null, kind: 'event', text: 'Kickoff', author: '' });
    const after = roomStateOf(store.getState(), 2);
    expect(after.notes).toHaveLength(1);
    expect(after.compare!.gap!.values).toBe(before.compare!.gap!.values);
    expect(after.compare!.teams[0]!.mean).toBe(before.compare!.teams[0]!.mean);
    expect(after.compare!.grid).toBe(before.compare!.grid);

    const pat = store.getState().session.participants[2]!;
    store.getState().setCurveFromValues(pat.id, [timePos(0.1), timePos(0.9)], [0.9, 0.9]);
    const changed = roomStateOf(store.getState(), 3);
    expect(changed.compare!.gap!.values).not.toBe(before.compare!.gap!.values);
    expect(at(changed, changed.compare!.gap!.values, 0.85)).toBeCloseTo(0.2 - 0.7, 6);
  });
});

describe('an "other team" round in the room', () => {
  it('carries the perception lines instead of team lines, and no drops or gap of guesses', () => {
    const store = retro();
    store.getState().addRound('otherTeam', 'How did the other team see it?');
    const anchors = [timePos(0.1), timePos(0.9)];
    store.getState().session.participants.forEach((p, i) => store.getState().setCurveFromValues(p.id, anchors, [0.3 + i, 0.5 + i]));
    store.getState().setView('compare');
    const room = roomStateOf(store.getState(), 1);
    expect(room.compare!.teams).toEqual([]);
    expect(room.compare!.gap).toBeNull();
    expect(room.compare!.drops).toEqual([]);
    expect(room.compare!.perception.map((p) => [p.guessing.name, p.guessed.name])).toEqual([
      ['Sales', 'PS'],
      ['PS', 'Sales'],
    ]);
    expect(room.compare!.facts.drops).toEqual([]);
    expect(parseRoomState(structuredClone(room))).toEqual(room);
  });
});

describe('notes in the room', () => {
  /** The hand-checkable retro with three notes: one on Pat's curve by Sue, one by someone else, one by nobody. */
  function withNotes(): { store: AppStore; h: number } {
    const { store, handoverAt: h } = handoverRetro();
    const pat = store.getState().session.participants[2]!;
    store.getState().addNote({ at: timePos(0.3), participantId: pat.id, kind: 'event', text: 'Sam promised release 3; pat and SUE disagreed', author: 'Sue' });
    store.getState().addNote({ at: timePos(0.5), participantId: null, kind: 'insight', text: 'Samuel from the customer: no handover talk', author: 'Dr. Alex Meier' });
    store.getState().addNote({ at: timePos(0.95), participantId: null, kind: 'event', text: 'Go-live', author: '  ' });
    return { store, h };
  }

  it('lists the round’s notes in order with phase, author, curve and the level on that curve', () => {
    const { store } = withNotes();
    store.getState().setView('discuss');
    const room = roomStateOf(store.getState(), 1);
    expect(room.screen).toEqual({ kind: 'discuss' });
    expect(room.compare).toBeNull();
    const pat = store.getState().session.participants[2]!;
    const phases = store.getState().session.timeline.phases;
    expect(room.notes.map((n) => [n.number, n.at, n.kind, n.author, n.participant])).toEqual([
      [1, 0.3, 'event', 'Sue', 'Pat'],
      [2, 0.5, 'insight', 'Dr. Alex Meier', null],
      [3, 0.95, 'event', null, null],
    ]);
    expect(room.notes[0]!.text).toBe('Sam promised release 3; pat and SUE disagreed');
    // Pinned to Pat's curve (0.3 throughout): the dot sits at 0.3, in Pat's colour; the others are the group's.
    expect(room.notes[0]!.level).toBeCloseTo(0.3, 6);
    expect(room.notes.map((n) => n.color)).toEqual([pat.color, '#1f2a37', '#1f2a37']);
    expect(room.notes[1]!.level).toBeNull();
    expect(room.notes.every((n) => phases.some((p) => p.name === n.phase))).toBe(true);
    expect(parseRoomState(structuredClone(room))).toEqual(room);

    // Only where the chart shows notes: not while revealing.
    store.getState().setView('reveal');
    expect(roomStateOf(store.getState(), 2).notes).toEqual([]);
  });

  it('anonymises notes: names in the text become labels, authors become labels or are left out, no name leaves', () => {
    const { store } = withNotes();
    const customer = store.getState().session.teams.find((t) => t.role === 'customer')!;
    store.getState().addParticipant('Alex Meier', customer.id);
    store.getState().addNote({ at: timePos(0.7), participantId: null, kind: 'event', text: 'alex asked for a call', author: 'alex meier' });
    store.getState().setView('discuss');
    store.getState().setRoomAnonymous(true);
    const room = roomStateOf(store.getState(), 1);
    expect(room.notes.map((n) => [n.text, n.author, n.participant])).toEqual([
      ['Sales 1 promised release 3; PS 1 and Sales 2 disagreed', 'Sales 2', 'PS 1'],
      // "Samuel" is not Sam; an author who is not a participant could name anyone: left out.
      ['Samuel from the customer: no handover talk', null, null],
      // Any case, and an author who is a participant, becomes their label (numbered by its place on the timeline, .7).
      ['Customer 1 asked for a call', 'Customer 1', null],
      ['Go-live', null, null],
    ]);
    const words = new Set(JSON.stringify(room).toLowerCase().match(/[\p{L}]+/gu));
    for (const p of store.getState().session.participants) {
      for (const part of p.name.toLowerCase().split(' ')) expect(words.has(part), part).toBe(false);
      expect(JSON.stringify(room)).not.toContain(p.id);
    }
    // The facilitator's notes are untouched.
    expect(store.getState().session.notes[0]!.author).toBe('Sue');
    expect(parseRoomState(structuredClone(room))).toEqual(room);
  });
});

describe('anonymised notes, edge cases', () => {
  it('replaces a first name two people share by an ellipsis, and names with regex characters literally', () => {
    const store = createAppStore('en');
    const [sales, ps] = store.getState().session.teams;
    store.getState().addParticipant('Anna Berg', sales!.id);
    store.getState().addParticipant('Anna Kurz', ps!.id);
    store.getState().addParticipant('J.R. (Ops)', ps!.id);
    store.getState().addNote({ at: timePos(0.4), participantId: null, kind: 'event', text: 'Anna Kurz and anna met J.R. (Ops); Berg agreed, Annalena not there', author: 'Anna' });
    store.getState().setView('discuss');
    store.getState().setRoomAnonymous(true);
    const [note] = roomStateOf(store.getState(), 1).notes;
    expect(note!.text).toBe('PS 1 and … met PS 2; Sales 1 agreed, Annalena not there');
    // "Anna" could be either: the author is left out.
    expect(note!.author).toBeNull();
  });
});

describe('roomInputsChanged', () => {
  it('is false for store changes the room does not see, true for those it does', () => {
    const store = retro();
    const before = store.getState();
    store.getState().setPresenterProblem('blocked');
    expect(roomInputsChanged(before, store.getState())).toBe(false);
    store.getState().setRoomAnonymous(true);
    expect(roomInputsChanged(before, store.getState())).toBe(true);
    expect(roomInputsChanged(null, before)).toBe(true);
  });
});

describe('room state ordering', () => {
  it('delivers each revision once and never an older one after a newer', () => {
    const seen: number[] = [];
    const store = retro();
    const state = (rev: number) => roomStateOf(store.getState(), rev);
    const listener = newerRoomStates((s) => seen.push(s.rev));
    for (const rev of [5, 5, 3, 6, 7, 6]) listener(state(rev));
    listener({ ...state(9), version: (ROOM_STATE_VERSION + 1) as never });
    expect(seen).toEqual([5, 6, 7]);
  });

  it('keeps revisions growing across a reload of the facilitator window', () => {
    expect(nextRoomRev(0, 1000)).toBe(1000);
    expect(nextRoomRev(1000, 1000)).toBe(1001);
    expect(nextRoomRev(5000, 1000)).toBe(5001);
  });
});

describe('present commands', () => {
  const key = (k: string, shift = false) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: shift, altKey: false });

  it('F5 toggles present mode, Shift+F5 the presenter window; clickers step the reveal', () => {
    expect(commandForKey(key('F5'), false, false)?.id).toBe('present.toggle');
    expect(commandForKey(key('F5', true), false, false)?.id).toBe('presenter.toggleWindow');
    expect(commandForKey(key('PageDown'), false, false)?.id).toBe('reveal.next');
    expect(commandForKey(key('PageUp'), false, false)?.id).toBe('reveal.previous');
    // Esc stays free for everything else: present mode binds it itself.
    expect(commandForKey(key('Escape'), false, false)).toBeUndefined();
  });

  it('present.toggle enters and leaves present mode; present.leave only while presenting', () => {
    const store = retro();
    const ctx = { store } as unknown as FileContext;
    expect(findCommand('present.leave').enabled(ctx)).toBe(false);
    void findCommand('present.toggle').run(ctx);
    expect(store.getState().presenting).toBe(true);
    expect(findCommand('present.leave').enabled(ctx)).toBe(true);
    void findCommand('present.leave').run(ctx);
    expect(store.getState().presenting).toBe(false);
  });

  it('presenter.toggleWindow opens the window, closes it when open, and reports a blocked pop-up', async () => {
    const store = retro();
    const calls: string[] = [];
    let answer: 'opened' | 'blocked' = 'opened';
    const presenter = {
      open: async (displayId: number | null) => {
        calls.push(`open ${displayId}`);
        return answer === 'opened' ? { kind: 'opened' as const, status: { open: true, displayId: 2 } } : { kind: 'blocked' as const };
      },
      close: () => calls.push('close'),
    };
    const ctx = { store, platform: { presenter } } as unknown as FileContext;
    await findCommand('presenter.toggleWindow').run(ctx);
    expect(store.getState().presenterWindow).toEqual({ open: true, displayId: 2 });
    await findCommand('presenter.toggleWindow').run(ctx);
    expect(calls).toEqual(['open null', 'close']);

    store.getState().setPresenterWindow({ open: false, displayId: null });
    answer = 'blocked';
    await findCommand('presenter.toggleWindow').run(ctx);
    expect(store.getState().presenterProblem).toBe('blocked');
  });
});

describe('the timer and the join card in the room', () => {
  const OPEN: Extract<RoomStatus, { open: true }> = {
    open: true,
    openedAt: 1,
    join: {
      address: '192.168.1.20',
      port: 8321,
      joinUrl: 'http://192.168.1.20:8321/#k=SECRETSECRETSECRET',
      typedUrl: 'http://192.168.1.20:8321',
      code: 'K7MX4P',
      qr: { size: 21, modules: '1'.repeat(441) },
    },
    addresses: [{ address: '192.168.1.20', interfaceName: 'wlan0', kind: 'wifi' }],
    devices: [],
    requests: [],
    reachedAt: null,
  };

  it('carries the facilitator’s timer as it is, on every screen, and passes the schema', () => {
    const store = retro();
    const timer = { durationMs: 300_000, remainingMs: 240_000, anchorAt: 1_000_000, running: true, sound: true };
    store.getState().setTimer(timer);
    for (const view of ['setup', 'draw', 'reveal', 'compare'] as const) {
      store.getState().setView(view);
      const room = roomStateOf(store.getState(), 1);
      expect(room.timer).toEqual(timer);
      expect(parseRoomState(room).timer).toEqual(timer);
    }
    store.getState().setTimer(null);
    expect(roomStateOf(store.getState(), 2).timer).toBeNull();
  });

  it('shows how to join while the room is open and people draw, never the join link itself', () => {
    const store = retro();
    store.getState().setView('draw');
    expect(roomStateOf(store.getState(), 1).join).toBeNull();
    const before = store.getState();
    store.getState().setRoomStatus(OPEN);
    expect(roomInputsChanged(before, store.getState())).toBe(true);
    const room = roomStateOf(store.getState(), 2);
    expect(room.join).toEqual({ typedUrl: 'http://192.168.1.20:8321', code: 'K7MX4P', qr: OPEN.join.qr });
    expect(JSON.stringify(parseRoomState(room))).not.toContain('SECRET');
    // On the reveal the chart needs the screen.
    store.getState().setView('reveal');
    expect(roomStateOf(store.getState(), 3).join).toBeNull();
    store.getState().setView('draw');
    store.getState().setRoomStatus({ open: false, problem: null });
    expect(roomStateOf(store.getState(), 4).join).toBeNull();
  });
});
