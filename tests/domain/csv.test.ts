import { describe, expect, it } from 'vitest';
import { analyseRound, CSV_DIALECTS, csvField, csvNumber, curvesToCsv, type CsvTexts } from '../../renderer/domain';
import { TEAMS, buildSession, flat, line } from './sessionBuilder';

const texts: CsvTexts = {
  scale: (low, high) => `Enthusiasm: 0 = ${low}, 10 = ${high}`,
  time: 'Time (0-1)',
  timePercent: 'Time (%)',
  phase: 'Phase',
  meanOf: (team) => `Mean ${team}`,
};

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('Anna')).toBe('Anna');
    expect(csvField('Übergabe & Kickoff')).toBe('Übergabe & Kickoff');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('Müller, Max')).toBe('"Müller, Max"');
    expect(csvField('Max "the closer"')).toBe('"Max ""the closer"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
  });

  it('keeps a spreadsheet from running a name as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+49 30')).toBe("'+49 30");
    expect(csvField('@team')).toBe("'@team");
  });
});

describe('csvNumber', () => {
  it('writes fixed decimals with a point, and nothing for no value', () => {
    expect(csvNumber(8, 2)).toBe('8.00');
    expect(csvNumber(0.005, 3)).toBe('0.005');
    expect(csvNumber(null, 2)).toBe('');
  });
});

describe('curvesToCsv', () => {
  // Phases A [0, .5) and B [.5, 1]. Anna (Sales) .8 flat; "Müller, ""Max""" (PS) .2 → .6; Kim (PS) only on [.5, 1] at .5.
  const session = buildSession({
    teams: TEAMS.map((t) => (t.role === 'ps' ? { ...t, name: 'PS, Delivery' } : t)),
    people: [
      { id: 'a', name: 'Anna', team: 'sales', curve: flat(0.8) },
      { id: 'm', name: 'Müller, "Max"', team: 'ps', curve: line(0, 0.2, 1, 0.6) },
      { id: 'k', name: 'Kim', team: 'ps', curve: flat(0.5, 0.5, 1) },
    ],
  });
  const csv = curvesToCsv(session, 'r1', analyseRound(session, 'r1'), texts);
  const lines = csv.split('\r\n');

  it('states the scale, then the header with quoted names and team means', () => {
    expect(lines[0]).toBe('"Enthusiasm: 0 = disappointed, 10 = thrilled"');
    expect(lines[1]).toBe('Time (0-1),Time (%),Phase,Anna,"Müller, ""Max""",Kim,Mean Sales,"Mean PS, Delivery"');
  });

  it('has one row per grid point on the 0–10 scale, empty where a curve does not exist', () => {
    // 2 header lines + 201 rows + the empty string after the final CRLF.
    expect(lines).toHaveLength(204);
    expect(lines[203]).toBe('');
    // x = 0: Anna 8, Max 2, Kim none; Sales line 8 (a team of one), no PS line (Max alone of two).
    expect(lines[2]).toBe('0.000,0.0,A,8.00,2.00,,8.00,');
    // x = .5 (row 100): Max .2 + .4·.5 = .4 → 4; Kim 5; PS mean 4.5.
    expect(lines[102]).toBe('0.500,50.0,B,8.00,4.00,5.00,8.00,4.50');
    // x = 1: Max 6, Kim 5 → PS mean 5.5.
    expect(lines[202]).toBe('1.000,100.0,B,8.00,6.00,5.00,8.00,5.50');
  });

  it('uses CRLF only between records', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes semicolons and decimal commas for spreadsheets set to German, quoting what holds a semicolon', () => {
    const de = curvesToCsv(session, 'r1', analyseRound(session, 'r1'), texts, CSV_DIALECTS.spreadsheetDe).split('\r\n');
    // The scale line has commas but no semicolon now: no quotes needed.
    expect(de[0]).toBe('Enthusiasm: 0 = disappointed, 10 = thrilled');
    expect(de[1]).toBe('Time (0-1);Time (%);Phase;Anna;"Müller, ""Max""";Kim;Mean Sales;Mean PS, Delivery');
    expect(de[102]).toBe('0,500;50,0;B;8,00;4,00;5,00;8,00;4,50');
    expect(csvField('a;b', CSV_DIALECTS.spreadsheetDe)).toBe('"a;b"');
    expect(csvNumber(4.5, 2, CSV_DIALECTS.spreadsheetDe)).toBe('4,50');
  });

  it('refuses an analysis of another round', () => {
    expect(() => curvesToCsv(session, 'r2', analyseRound(session, 'r1'), texts)).toThrow(RangeError);
  });
});
