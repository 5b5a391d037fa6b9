import { describe, expect, it } from 'vitest';
import { timePos } from '../../renderer/domain';
import { commandForKey, createAppStore, findCommand, roomInputsChanged, roomLabels, roomStateOf, sameRoomContent, type AppStore } from '../../renderer/state';
import type { FileContext } from '../../renderer/state';
import { newerRoomStates, nextRoomRev } from '../../renderer/platform/room-sequence';
import type { RoomState } from '../../renderer/platform/platform';
import { parseRoomState } from '../../electron/main/room-state';

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
  it('follows the reveal step by step, with the legend of what is shown', () => {
    const store = retro();
    store.getState().setView('reveal');
    store.getState().setRevealMode('team');
    let room = roomStateOf(store.getState(), 1);
    expect(room.screen).toEqual({ kind: 'reveal', step: 0, steps: 2, shown: 0, total: 4 });
    expect(room.curves).toEqual([]);

    store.getState().setRevealStep(1);
    room = roomStateOf(store.getState(), 2);
    expect(names(room)).toEqual(['Sam', 'Sue']);
    expect(room.legend.map((t) => t.name)).toEqual(['Sales']);
    expect(room.screen).toMatchObject({ step: 1, shown: 2 });

    store.getState().setRevealStep(2);
    room = roomStateOf(store.getState(), 3);
    expect(legendNames(room)).toEqual(['Sam', 'Sue', 'Pat', 'Pia']);
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
    expect(room.compare?.teams.map((t) => [t.name, t.role, t.n])).toEqual([
      ['Sales', 'sales', 2],
      ['PS', 'ps', 2],
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
    listener({ ...state(9), version: 2 as never });
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
