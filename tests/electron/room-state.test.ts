// Main's shape check of the room state's compare and notes parts: exact keys,
// bounded sizes, levels in [0, 1] (the gap, a difference, in [−1, 1]).
import { describe, expect, it } from 'vitest';
import { ROOM_STATE_VERSION, type RoomCompare, type RoomNote, type RoomState } from '../../shared/contract';
import { parseRoomState, ROOM_LIMITS } from '../../electron/main/room-state';

const GRID = [0, 0.25, 0.5, 0.75, 1];

function compare(overrides: Partial<RoomCompare> = {}): RoomCompare {
  return {
    grid: GRID,
    teams: [
      { name: 'Sales', role: 'sales', lineStyle: 'solid', n: 2, highlighted: false, dimmed: false, mean: [0.5, 0.8, 0.3, 0.4, null], lower: null, upper: null },
    ],
    target: null,
    gap: { a: { name: 'Sales', role: 'sales' }, b: { name: 'PS', role: 'ps' }, values: [null, 0.4, -0.2, -1, 1] },
    drops: [{ team: 'Sales', role: 'sales', at: 0.4, before: 0.8, low: 0.3, lowAt: 0.5, dimmed: false }],
    spans: [{ start: 0.1, end: 0.3, phase: 'Angebot' }],
    ...overrides,
  };
}

function note(overrides: Partial<RoomNote> = {}): RoomNote {
  return { at: 0.5, kind: 'insight', phase: 'Kickoff', text: 'Handover was a folder of PDFs', author: 'PS 2', participant: null, color: '#1f2a37', level: null, ...overrides };
}

function state(overrides: Partial<RoomState> = {}): RoomState {
  return {
    version: ROOM_STATE_VERSION,
    rev: 3,
    language: 'de',
    title: 'Atlas',
    question: 'Wie begeistert war der Kunde?',
    screen: { kind: 'compare' },
    timeline: { phases: [{ id: 'ph1', name: 'Kickoff', width: 1 }], milestones: [{ id: 'm1', name: 'Übergabe', at: 0.4 }], handoverId: 'm1' },
    scale: { low: 'enttäuscht', mid: 'zufrieden', high: 'begeistert' },
    curves: [],
    legend: [],
    anonymous: true,
    compare: compare(),
    notes: [note(), note({ kind: 'event', author: null, participant: 'Sales 1', color: '#0072B2', level: 0.7 })],
    ...overrides,
  };
}

describe('parseRoomState: compare and notes', () => {
  it('accepts the gap, drops, spans and notes, and returns a fresh copy', () => {
    const input = state();
    const parsed = parseRoomState(input);
    expect(parsed).toEqual(input);
    expect(parsed.compare).not.toBe(input.compare);
    expect(parsed.notes[0]).not.toBe(input.notes[0]);
    expect(parseRoomState(state({ compare: compare({ gap: null, drops: [], spans: [] }), notes: [] }))).toEqual(state({ compare: compare({ gap: null, drops: [], spans: [] }), notes: [] }));
  });

  const c = compare();
  const bad: [string, unknown][] = [
    ['a compare part without the gap', (({ gap: _g, ...rest }) => rest)(c)],
    ['a compare part with an extra key', { ...c, names: ['Sam'] }],
    ['a gap beyond −1', compare({ gap: { ...c.gap!, values: [null, -1.01, 0, 0, 0] } })],
    ['a gap that is not a number', compare({ gap: { ...c.gap!, values: [null, '0.4' as never, 0, 0, 0] } })],
    ['a gap that does not match the grid', compare({ gap: { ...c.gap!, values: [0.1] } })],
    ['a gap side with an unknown role', compare({ gap: { ...c.gap!, a: { name: 'Sales', role: 'boss' as never } } })],
    ['a gap side with an extra key', compare({ gap: { ...c.gap!, b: { name: 'PS', role: 'ps', id: 'tm_1' } as never } })],
    ['a drop with a level above 1', compare({ drops: [{ ...c.drops[0]!, before: 1.2 }] })],
    ['a drop low below 0', compare({ drops: [{ ...c.drops[0]!, low: -0.1 }] })],
    ['a drop outside the timeline', compare({ drops: [{ ...c.drops[0]!, lowAt: 2 }] })],
    ['a drop with an unknown role', compare({ drops: [{ ...c.drops[0]!, role: 'ceo' as never }] })],
    ['a drop with a participant id', compare({ drops: [{ ...c.drops[0]!, participantId: 'pt_1' } as never] })],
    ['a drop without dimmed', compare({ drops: [(({ dimmed: _d, ...rest }) => rest)(c.drops[0]!) as never] })],
    ['too many drops', compare({ drops: Array.from({ length: ROOM_LIMITS.drops + 1 }, () => c.drops[0]!) })],
    ['a span that ends before it starts', compare({ spans: [{ start: 0.5, end: 0.2, phase: 'x' }] })],
    ['a span outside the timeline', compare({ spans: [{ start: 0.5, end: 1.5, phase: 'x' }] })],
    ['a span with a huge phase name', compare({ spans: [{ start: 0.1, end: 0.2, phase: 'x'.repeat(ROOM_LIMITS.text + 1) }] })],
    ['too many spans', compare({ spans: Array.from({ length: ROOM_LIMITS.spans + 1 }, () => c.spans[0]!) })],
  ];
  it.each(bad)('refuses %s', (_what, part) => {
    expect(() => parseRoomState(state({ compare: part as RoomCompare }))).toThrow();
  });

  const n = note();
  const badNotes: [string, unknown][] = [
    ['no notes at all', undefined],
    ['notes that are not an array', { 0: n }],
    ['a note of an unknown kind', [note({ kind: 'rumour' as never })]],
    ['a note outside the timeline', [note({ at: 1.01 })]],
    ['a note level above 1', [note({ level: 1.5 })]],
    ['a note colour that is not #rrggbb', [note({ color: 'red' })]],
    ['a note text longer than the session allows', [note({ text: 'x'.repeat(ROOM_LIMITS.noteText + 1) })]],
    ['a note author that is not text', [note({ author: 42 as never })]],
    ['a note with an extra key', [{ ...n, participantId: 'pt_1' }]],
    ['a note without its participant', [(({ participant: _p, ...rest }) => rest)(n)]],
    ['too many notes', Array.from({ length: ROOM_LIMITS.notes + 1 }, () => n)],
  ];
  it.each(badNotes)('refuses %s', (_what, notes) => {
    const input = { ...state(), notes } as Record<string, unknown>;
    if (notes === undefined) delete input.notes;
    expect(() => parseRoomState(input)).toThrow();
  });

  it('refuses a state of the previous layout version', () => {
    expect(() => parseRoomState({ ...state(), version: ROOM_STATE_VERSION - 1 })).toThrow(/version/);
  });
});
