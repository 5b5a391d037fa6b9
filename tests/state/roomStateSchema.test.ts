// The one schema of the room state (shared/room-state.ts), as main's relay and the
// room view check it: exact keys, bounded sizes, colours as #rrggbb, levels in
// [0, 1] (the gap, a difference, in [−1, 1]), series as long as their grid.
import { describe, expect, it } from 'vitest';
import { parseRoomState, ROOM_LIMITS, ROOM_STATE_VERSION, RoomStateError, type RoomCompare, type RoomNote, type RoomState } from '../../shared/room-state';

const GRID = [0, 0.25, 0.5, 0.75, 1];

const FACTS: RoomCompare['facts'] = {
  drops: [
    { team: 'Sales', state: 'drop', before: 0.8, low: 0.3, drop: 0.5, n: 2, overstretched: true, overstretchedCurves: 2 },
    { team: 'PS', state: 'noDrop', n: 2 },
    { team: 'Kunde', state: 'notAcross' },
  ],
  gap: { a: 'Sales', b: 'PS', meanAbs: 0.2, largest: { value: 0.4, direction: 'a', firstPhase: 'Angebot', lastPhase: 'Kickoff', n: 2 } },
  agreement: { group: { value: 0.7, n: 4 }, teams: [{ team: 'Sales', value: 0.9, n: 2 }], split: { between: 0.6, within: 0.4 } },
  peakEnd: [
    { team: 'Sales', peak: 0.8, peakFirstPhase: 'Angebot', peakLastPhase: 'Angebot', peakN: 2, end: 0.4, endPhase: 'Kickoff', endN: 2, reachesEnd: false, verdict: null },
  ],
  spans: [{ number: 1, firstPhase: 'Angebot', lastPhase: 'Angebot', spread: 0.2, n: 4 }],
  perception: [],
};

function compare(overrides: Partial<RoomCompare> = {}): RoomCompare {
  return {
    grid: GRID,
    teams: [
      {
        name: 'Sales',
        lineStyle: 'solid',
        color: '#1B3A6B',
        n: 2,
        highlighted: false,
        dimmed: false,
        mean: [0.5, 0.8, 0.3, 0.4, null],
        segments: [{ from: 0, to: 3, count: 2, opacity: 1 }],
        lower: null,
        upper: null,
      },
    ],
    target: null,
    gap: { a: { name: 'Sales', color: '#1B3A6B' }, b: { name: 'PS', color: '#8B2500' }, values: [null, 0.4, -0.2, -1, 1] },
    drops: [{ team: 'Sales', color: '#1B3A6B', at: 0.4, from: 0.8, to: 0.3, lowAt: 0.5, drop: 0.5, dimmed: false }],
    spans: [{ number: 1, start: 0.1, end: 0.3, firstPhase: 'Angebot', lastPhase: 'Angebot' }],
    perception: [],
    facts: FACTS,
    ...overrides,
  };
}

function note(overrides: Partial<RoomNote> = {}): RoomNote {
  return { number: 1, at: 0.5, kind: 'insight', phase: 'Kickoff', text: 'Handover was a folder of PDFs', author: 'PS 2', participant: null, color: '#1f2a37', level: null, ...overrides };
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
    timer: null,
    join: null,
    ...overrides,
  };
}

const TIMER: NonNullable<RoomState['timer']> = { durationMs: 300_000, remainingMs: 120_000, anchorAt: 1_780_000_000_000, running: true, sound: false };
const JOIN: NonNullable<RoomState['join']> = { typedUrl: 'http://192.168.1.20:8321', code: 'K7MX4P', qr: { size: 21, modules: '01'.repeat(220) + '1' } };

describe('parseRoomState: the timer and the join card', () => {
  it('accepts both, and their absence', () => {
    expect(parseRoomState(state({ timer: TIMER, join: JOIN }))).toEqual(state({ timer: TIMER, join: JOIN }));
    expect(parseRoomState(state({ timer: { ...TIMER, remainingMs: -65_000, running: false } })).timer?.remainingMs).toBe(-65_000);
  });

  const bad: [string, Partial<RoomState> | Record<string, unknown>][] = [
    ['a timer without its anchor', { timer: (({ anchorAt: _a, ...rest }) => rest)(TIMER) as never }],
    ['a timer longer than a day', { timer: { ...TIMER, durationMs: 25 * 3600_000 } }],
    ['a timer with an extra key', { timer: { ...TIMER, label: 'x' } as never }],
    ['a join card carrying the join link (the secret travels only inside the QR code)', { join: { ...JOIN, joinUrl: 'http://192.168.1.20:8321/#k=abc' } as never }],
    ['a QR code that is not size × size modules', { join: { ...JOIN, qr: { size: 21, modules: '1'.repeat(440) } } }],
    ['a QR code with something else than modules', { join: { ...JOIN, qr: { size: 21, modules: '<'.repeat(441) } } }],
    ['a code longer than a code', { join: { ...JOIN, code: 'X'.repeat(17) } }],
  ];
  it.each(bad)('refuses %s', (_what, overrides) => {
    expect(() => parseRoomState(state(overrides as Partial<RoomState>))).toThrow();
  });

  it('refuses a state without the fields', () => {
    const { timer: _t, join: _j, ...older } = state();
    expect(() => parseRoomState(older)).toThrow(/timer|join/);
  });
});

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
    ['a gap side with a colour that is not #rrggbb', compare({ gap: { ...c.gap!, a: { name: 'Sales', color: 'red' } } })],
    ['a gap side with an extra key', compare({ gap: { ...c.gap!, b: { name: 'PS', color: '#8B2500', id: 'tm_1' } as never } })],
    ['a drop with a level above 1', compare({ drops: [{ ...c.drops[0]!, from: 1.2 }] })],
    ['a drop low below 0', compare({ drops: [{ ...c.drops[0]!, to: -0.1 }] })],
    ['a drop outside the timeline', compare({ drops: [{ ...c.drops[0]!, lowAt: 2 }] })],
    ['a team line piece outside the grid', compare({ teams: [{ ...c.teams[0]!, segments: [{ from: 0, to: 9, count: 2, opacity: 1 }] }] })],
    ['a team line piece that runs backwards', compare({ teams: [{ ...c.teams[0]!, segments: [{ from: 3, to: 1, count: 2, opacity: 1 }] }] })],
    ['facts naming a gap direction that does not exist', compare({ facts: { ...FACTS, gap: { ...FACTS.gap!, largest: { ...FACTS.gap!.largest!, direction: 'up' as never } } } })],
    ['facts with a share above 100 %', compare({ facts: { ...FACTS, agreement: { ...FACTS.agreement, split: { between: 1.2, within: 0 } } } })],
    ['facts with an extra key (a name riding along)', compare({ facts: { ...FACTS, names: ['Sam'] } as never })],
    ['a perception line that does not match the grid', compare({ perception: [{ guessing: { name: 'Sales', color: '#1B3A6B', lineStyle: 'solid' }, guessed: { name: 'PS', color: '#8B2500', lineStyle: 'dashed' }, guess: [0.1], real: [0.2] }] })],
    ['a drop with a participant id', compare({ drops: [{ ...c.drops[0]!, participantId: 'pt_1' } as never] })],
    ['a drop without dimmed', compare({ drops: [(({ dimmed: _d, ...rest }) => rest)(c.drops[0]!) as never] })],
    ['too many drops', compare({ drops: Array.from({ length: ROOM_LIMITS.drops + 1 }, () => c.drops[0]!) })],
    ['a span that ends before it starts', compare({ spans: [{ number: 1, start: 0.5, end: 0.2, firstPhase: 'x', lastPhase: 'x' }] })],
    ['a span outside the timeline', compare({ spans: [{ number: 1, start: 0.5, end: 1.5, firstPhase: 'x', lastPhase: 'x' }] })],
    ['a span with a huge phase name', compare({ spans: [{ number: 1, start: 0.1, end: 0.2, firstPhase: 'x'.repeat(ROOM_LIMITS.text + 1), lastPhase: 'x' }] })],
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

  it('names where the problem is, and refuses anything but plain data', () => {
    expect(() => parseRoomState(state({ notes: [note({ color: 'red' })] }))).toThrow(/notes\.0\.color/);
    expect(() => parseRoomState(Object.assign(new (class State {})(), state()))).toThrow(RoomStateError);
    expect(() => parseRoomState(null)).toThrow(RoomStateError);
  });
});
