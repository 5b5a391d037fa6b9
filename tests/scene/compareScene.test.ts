import { describe, expect, it } from 'vitest';
import { TEAM_ROLE_COLORS } from '../../renderer/canvas/colors';
import { addParticipant, analyseRound, createSession, PARTICIPANT_PALETTE, timePos, type Note, type Session } from '../../renderer/domain';
import { createI18n } from '../../renderer/i18n';
import { buildCompareScene, lineSegments, REPORT_SWITCHES, type SceneSwitches } from '../../renderer/scene/compareScene';
import { isParticipantColor, markerPoints, participantStyles } from '../../renderer/scene/markers';
import { numberNotes } from '../../renderer/scene/notes';
import { agreementText, dropText, gapText, peakEndText, spanPrompt } from '../../renderer/scene/sceneText';
import { EXPERIENCED, TEAM_IDS, buildSession, flat, line } from '../domain/sessionBuilder';

const t = createI18n('en').t;
const de = createI18n('de').t;
const scene = (session: Session, switches: Partial<SceneSwitches> = {}, roundId = 'r1') =>
  buildCompareScene(session, roundId, analyseRound, { ...REPORT_SWITCHES, ...switches });

const THREE_PHASES = [['Erstkontakt', 1], ['Kickoff', 1], ['Umsetzung', 1]] as const;

/** The Sales example of issue 7: A flat 9.5 until 5 % past the handover (.4), B flat 4 throughout; PS flat 5. */
const salesExample = () =>
  buildSession({
    phases: THREE_PHASES,
    handoverAt: 0.4,
    people: [
      { id: 'a', name: 'Anna', team: 'sales', curve: flat(0.95, 0, 0.45) },
      { id: 'b', name: 'Bernd', team: 'sales', curve: flat(0.4) },
      { id: 'p', name: 'Pia', team: 'ps', curve: flat(0.5) },
    ],
  });

describe('the compare scene of the Sales example', () => {
  const s = scene(salesExample());

  it('says Sales did not drop, flags nothing and draws no drop marker for Sales', () => {
    expect(s.facts.drops.find((d) => d.team === 'Sales')).toEqual({ team: 'Sales', state: 'noDrop', n: 2 });
    expect(dropText(t, 'en', s.facts.drops[0]!)).toEqual({ text: 'Sales: no drop after the handover', flag: null, basis: '2 curves' });
    expect(s.drops.map((d) => d.team)).toEqual([]);
  });

  it('says the Sales line is drawn until Kickoff, with its plateau named by its span', () => {
    const sales = s.facts.peakEnd.find((p) => p.team === 'Sales')!;
    expect(sales).toMatchObject({ reachesEnd: false, verdict: null, endPhase: 'Kickoff', peakFirstPhase: 'Erstkontakt', peakLastPhase: 'Kickoff' });
    expect(peakEndText(t, 'en', sales).text).toBe('Sales: peak 6.8 in Erstkontakt – Kickoff, drawn until Kickoff');
    expect(peakEndText(t, 'en', sales).verdict).toBeNull();
    // PS rests on Pia alone: the figure says so.
    expect(peakEndText(t, 'en', s.facts.peakEnd.find((p) => p.team === 'PS')!).basis).toBe('rests on one person');
    expect(s.people.find((p) => p.id === 'a')!.toPhase).toBe('Kickoff');
  });

  it('fades the Sales line nowhere (both drew wherever it is drawn) and ends it where Anna stops', () => {
    const sales = s.teams.find((tm) => tm.id === TEAM_IDS.sales)!;
    expect(sales.segments).toEqual([{ from: 0, to: 90, count: 2, opacity: 1 }]);
  });
});

describe('the gap’s direction', () => {
  it('has none where Sales and PS drew the same: “no difference”, not “PS saw more”', () => {
    const same = scene(buildSession({ people: [{ id: 's', team: 'sales', curve: flat(0.5) }, { id: 'p', team: 'ps', curve: flat(0.5) }] }));
    expect(same.gap!.largest).toMatchObject({ ok: true, value: { value: 0, direction: 'none' } });
    expect(same.facts.gap!.largest!.direction).toBe('none');
    expect(gapText(t, 'en', same.facts.gap!)).toMatchObject({ largest: 'Largest gap: 0.0 in A – B (no difference)', basis: 'rests on one person' });
    expect(gapText(de, 'de', same.facts.gap!).largest).toBe('Größter Abstand: 0,0 in A – B (kein Unterschied)');
  });

  it('names the team that saw more, on both sides of zero', () => {
    const higher = scene(buildSession({ people: [{ id: 's', team: 'sales', curve: flat(0.8) }, { id: 'p', team: 'ps', curve: line(0, 0.2, 1, 0.6) }] }));
    expect(gapText(t, 'en', higher.facts.gap!).largest).toBe('Largest gap: 6.0 in A (Sales saw more enthusiasm)');
    const lower = scene(buildSession({ people: [{ id: 's', team: 'sales', curve: flat(0.1) }, { id: 'p', team: 'ps', curve: flat(0.4) }] }));
    expect(gapText(t, 'en', lower.facts.gap!).largest).toBe('Largest gap: 3.0 in A – B (PS saw more enthusiasm)');
  });
});

describe('notes are numbered once, along the timeline', () => {
  it('numbers by time, two at one moment in the order they were written', () => {
    const base = buildSession({ people: [] });
    const note = (id: string, at: number): Note => ({ id, roundId: 'r1', at: timePos(at), participantId: null, kind: 'event', text: id, author: '' });
    const session = { ...base, notes: [note('late', 0.9), note('early', 0.1), note('same-1', 0.5), note('other-round', 0.2), note('same-2', 0.5)] };
    session.notes[3] = { ...session.notes[3]!, roundId: 'r2' };
    expect(numberNotes(session, 'r1').map((n) => [n.number, n.note.id])).toEqual([
      [1, 'early'],
      [2, 'same-1'],
      [3, 'same-2'],
      [4, 'late'],
    ]);
    expect(scene(session).notes.map((n) => n.number)).toEqual([1, 2, 3, 4]);
  });
});

describe('telling lines apart', () => {
  it('gives team lines colours no participant can have', () => {
    for (const color of Object.values(TEAM_ROLE_COLORS)) expect(isParticipantColor(color)).toBe(false);
    const s = scene(salesExample());
    for (const team of s.teams) expect(PARTICIPANT_PALETTE.map((c) => c.toLowerCase())).not.toContain(team.color.toLowerCase());
    expect(s.legend.means.map((m) => [m.name, m.n])).toEqual([
      ['Sales', 2],
      ['PS', 1],
    ]);
  });

  it('keeps twelve people of one team apart: the palette repeats, the marker does not', () => {
    let session = createSession('en', '2026-01-01');
    for (let i = 0; i < 12; i++) session = addParticipant(session, `Person ${i + 1}`, session.teams[0]!.id);
    const styles = [...participantStyles(session).values()];
    // The palette has eight colours: the ninth person repeats the first's colour and gets a circle.
    expect(styles[8]!.color).toBe(styles[0]!.color);
    expect(styles.map((st) => st.marker)).toEqual([...new Array(8).fill('none'), 'circle', 'circle', 'circle', 'circle']);
    const pairs = new Set(styles.map((st) => `${st.color}|${st.lineStyle}|${st.marker}`));
    expect(pairs.size).toBe(12);
  });

  it('gives nobody a marker past 8 colours × 6 shapes (48 people): they could not all differ, and would only clutter', () => {
    let session = createSession('en', '2026-01-01');
    for (let i = 0; i < 48; i++) session = addParticipant(session, `P${i + 1}`, session.teams[i % 2]!.id);
    expect([...participantStyles(session).values()].filter((st) => st.marker !== 'none')).toHaveLength(40);
    session = addParticipant(session, 'P49', session.teams[0]!.id);
    expect([...participantStyles(session).values()].every((st) => st.marker === 'none')).toBe(true);
  });

  it('puts markers on the curve, inside its span only', () => {
    // A flat curve at .5 on [.5, 1]: of the five markers along the timeline, only those at or after .5 are on it.
    const points = markerPoints(flat(0.5, 0.5, 1), 'circle', 0);
    expect(points.length).toBeGreaterThan(0);
    for (const [at, level] of points) {
      expect(at).toBeGreaterThanOrEqual(0.5);
      expect(level).toBeCloseTo(0.5, 9);
    }
    expect(markerPoints(flat(0.5), 'none', 0)).toEqual([]);
  });
});

describe('the team line fades with coverage', () => {
  it('cuts the line where the number of curves behind it changes, joined at the cut, fainter with fewer', () => {
    // A team of 3: 2 curves on points 0–2, 3 on 3–5; then a break, 2 again on 8–9.
    const count = [2, 2, 2, 3, 3, 3, 1, 0, 2, 2];
    const pieces = lineSegments([{ from: 0, to: 5 }, { from: 8, to: 9 }], count, 3);
    // Opacity .45 + .55·(c − 1)/(n − 1): 2 of 3 → .725, 3 of 3 → 1.
    expect(pieces).toEqual([
      { from: 0, to: 3, count: 2, opacity: expect.closeTo(0.725, 12) },
      { from: 3, to: 5, count: 3, opacity: 1 },
      { from: 8, to: 9, count: 2, opacity: expect.closeTo(0.725, 12) },
    ]);
  });
});

describe('the view’s switches', () => {
  it('keeps a team hidden in the legend out of the lines, the gap, the drops and the words', () => {
    const session = salesExample();
    const s = scene(session, { hiddenTeamIds: [TEAM_IDS.ps] });
    expect(s.teams.find((tm) => tm.id === TEAM_IDS.ps)!.shown).toBe(false);
    expect(s.gap!.shown).toBe(false);
    expect(s.facts.gap).toBeNull();
    expect(s.facts.drops.map((d) => d.team)).toEqual(['Sales']);
    expect(s.facts.peakEnd.map((p) => p.team)).toEqual(['Sales']);
    expect(s.legend.means.map((m) => m.name)).toEqual(['Sales']);
    expect(s.people.find((p) => p.id === 'p')!.shown).toBe(false);
  });

  it('draws no team statistics while discussing, and every curve in full', () => {
    const s = scene(salesExample(), { mode: 'discuss' });
    expect(s.showTeamLines).toBe(false);
    expect(s.gap).toBeNull();
    expect(s.target).toBeNull();
    expect(s.people.every((p) => p.shown && !p.faded)).toBe(true);
    expect(s.legend.means).toEqual([]);
  });
});

describe('an “other team” round', () => {
  it('draws each side’s guess against the other side’s own line instead of team lines', () => {
    const other = { id: 'r2', kind: 'otherTeam' as const, question: 'other' };
    const session = buildSession({
      rounds: [EXPERIENCED, other],
      people: [
        { id: 's', team: 'sales', curve: { r1: flat(0.8), r2: flat(0.2) } },
        { id: 'p', team: 'ps', curve: { r1: flat(0.4), r2: flat(0.9) } },
      ],
    });
    const s = scene(session, {}, 'r2');
    expect(s.showTeamLines).toBe(false);
    expect(s.gap).toBeNull();
    expect(s.perception.map((p) => [p.guessing.name, p.guessed.name])).toEqual([
      ['Sales', 'PS'],
      ['PS', 'Sales'],
    ]);
    // Sales guessed PS at 2, PS drew 4: 2.0 too low; PS guessed Sales at 9, Sales drew 8: 1.0 too high.
    expect(s.facts.perception.map((p) => [p.meanAbs, p.largest?.direction])).toEqual([
      [expect.closeTo(0.2, 9), 'lower'],
      [expect.closeTo(0.1, 9), 'higher'],
    ]);
    expect(s.legend.perception.map((p) => p.color)).toEqual([TEAM_ROLE_COLORS.ps, TEAM_ROLE_COLORS.sales]);
  });
});

describe('the sentences', () => {
  it('separate agreement within the teams from the difference between them, in one sentence each', () => {
    const s = scene(
      buildSession({
        people: [
          { id: 's1', team: 'sales', curve: flat(0.2) },
          { id: 's2', team: 'sales', curve: flat(0.4) },
          { id: 'p1', team: 'ps', curve: flat(0.6) },
          { id: 'p2', team: 'ps', curve: flat(0.8) },
          { id: 'k', team: 'customer', curve: flat(0.5) },
        ],
      }),
    );
    const text = agreementText(t, 'en', s.facts.agreement);
    expect(text.teams).toEqual([
      'Within Sales the curves agree to 80% (2 curves).',
      'Within PS the curves agree to 80% (2 curves).',
      'Customer: one curve, nothing to compare within the team.',
    ]);
    // Around the mean .5: .09 + .01 + .01 + .09 + 0 = .2; around the teams' own means .3, .7, .5: 4 × .01 = .04.
    expect(text.split).toBe('Of the differences in the room, 80% lie between the teams and 20% within them.');
  });

  it('names a span by its phases in its prompt', () => {
    expect(spanPrompt(t, { number: 1, firstPhase: 'Angebot', lastPhase: 'Kickoff', spread: 0.2, n: 4 })).toBe(
      'What happened in “Angebot – Kickoff” that you saw it so differently?',
    );
    expect(spanPrompt(de, { number: 1, firstPhase: 'Kickoff', lastPhase: 'Kickoff', spread: 0.2, n: 4 })).toBe(
      'Was ist in „Kickoff“ passiert, dass ihr es so unterschiedlich gesehen habt?',
    );
  });

  it('says a drop that rests on one person does', () => {
    expect(dropText(t, 'en', { team: 'PS', state: 'drop', before: 0.8, low: 0.3, drop: 0.5, n: 1, overstretched: true, overstretchedCurves: 1 })).toEqual({
      text: 'PS: 8.0 to 3.0 (−5.0)',
      flag: 'overstretched',
      basis: 'rests on one person',
    });
  });
});
