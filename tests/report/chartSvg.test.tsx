// The SVG chart and the report markup, rendered in Node with react-dom/server.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  addParticipant,
  analyseRound,
  createSession,
  enthusiasm,
  setCurve,
  startNextRetro,
  timePos,
  updateProject,
  type CurvePoint,
  type Session,
} from '../../renderer/domain';
import { renderChartFigureSvg } from '../../renderer/report/ChartFigure';
import { chartFigureModel, FIGURE_WIDTH, HEADER_HEIGHT, PAD } from '../../renderer/report/chartFigureModel';
import { reportT } from '../../renderer/report/reportI18n';
import { ReportView } from '../../renderer/report/ReportView';
import { layoutChart, LAPTOP_STYLE, type ChartGeometry } from '../../renderer/canvas/chartGeometry';
import { ChartLayers } from '../../renderer/report/ChartSvg';
import { gapAreaPath, wrapLabel } from '../../renderer/report/svgPaths';
import { makeReportSession } from '../support/report-sessions';

const pt = (x: number, y: number): CurvePoint => [timePos(x), enthusiasm(y)];

function twoPeople(): Session {
  let s = createSession('de', '2025-03-12');
  s = updateProject(s, { name: 'Atlas & <Co>', customer: 'Muster GmbH' });
  s = addParticipant(s, 'Sam', s.teams[0]!.id); // Sales: solid
  s = addParticipant(s, 'Pia', s.teams[1]!.id); // PS: dashed
  const round = s.rounds[0]!.id;
  s = setCurve(s, s.participants[0]!.id, round, [pt(0.5, 0.5), pt(0.7, 0.6), pt(0.9, 0.8)]);
  s = setCurve(s, s.participants[1]!.id, round, [pt(0.4, 0.3), pt(1, 0.9)]);
  return s;
}

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe('the chart figure as a standalone SVG file', () => {
  const t = reportT('de');

  it('places the curves where the shared chart geometry puts them', () => {
    const s = twoPeople();
    const svg = renderChartFigureSvg(chartFigureModel(s, null, t), null);
    // By hand: 1280 wide, font 15 → the scale labels ("enttäuscht", 10 characters) take 84 px, so the plot
    // runs from x = 84 + 24 = 108 to 1280 − 22.5 ≈ 1258, and from y = 57 down to 600 − 66 = 534 (in the
    // chart's own coordinates; the chart sits 84 px below the title).
    // Sam's first point (0.5, 0.5): x = 108 + 0.5 · 1150 = 683, y = 534 − 0.5 · 477 = 295.5.
    expect(svg).toContain(`<g transform="translate(0 ${HEADER_HEIGHT})">`);
    expect(svg).toContain('<circle cx="683" cy="295.5" r="3.9" fill="#0072B2"></circle>');
    // Pia's last point (1, 0.9): x = 1258, y = 534 − 0.9 · 477 = 104.7.
    expect(svg).toContain('<circle cx="1258" cy="104.7" r="3.9" fill="#D55E00"></circle>');
  });

  it('draws each curve as one vector path in participant colour, dashed by team', () => {
    const svg = renderChartFigureSvg(chartFigureModel(twoPeople(), null, t), null);
    const curvePaths = svg.match(/<path d="M[^"]+" fill="none" stroke="#(0072B2|D55E00)"[^>]*>/g) ?? [];
    expect(curvePaths).toHaveLength(2);
    // Sales solid: no dash array. PS dashed at width 3: 3.5 · 3 on, 2 · 3 off.
    expect(curvePaths.find((p) => p.includes('#0072B2'))).not.toContain('stroke-dasharray');
    expect(curvePaths.find((p) => p.includes('#D55E00'))).toContain('stroke-dasharray="10.5 6"');
    // Monotone cubic: Béziers, not a polyline.
    expect(curvePaths[0]).toMatch(/C/);
  });

  it('marks the handover in its own colour and keeps every label as text', () => {
    const svg = renderChartFigureSvg(chartFigureModel(twoPeople(), null, t), null);
    expect(svg).toMatch(/<line [^>]*stroke="#b3261e" stroke-width="2.5"/);
    expect(svg).toContain('>Übergabe</text>');
    expect(svg).toContain('>Vertragsabschluss</text>');
    expect(svg).toContain('>begeistert</text>');
    expect(svg).toContain('>Umsetzung</');
  });

  it('is a file of its own: XML declaration, namespace, size, escaped text', () => {
    const model = chartFigureModel(twoPeople(), null, t);
    const svg = renderChartFigureSvg(model, null);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain(`width="${FIGURE_WIDTH}" height="${model.height}"`);
    expect(svg).toContain('Atlas &amp; &lt;Co&gt;');
    expect(svg).not.toContain('<Co>');
    expect(svg).not.toContain('<style');
  });

  it('embeds the font rules it is given in its own <style>, and names Inter with a generic fallback', () => {
    const svg = renderChartFigureSvg(chartFigureModel(twoPeople(), null, t), '@font-face{font-family:Inter;src:url(data:font/woff2;base64,AAAA)}');
    expect(count(svg, /<style>/g)).toBe(1);
    expect(svg).toContain('@font-face{font-family:Inter;');
    expect(svg).toMatch(/font-family="Inter, [^"]*sans-serif"/);
  });

  it('leaves the customer out: the figure is titled with the project only', () => {
    const svg = renderChartFigureSvg(chartFigureModel(twoPeople(), null, t), null);
    expect(svg).not.toContain('Muster GmbH');
  });

  it('wraps a legend of 40 people into rows that stay inside the picture', () => {
    const s = makeReportSession({ project: 'Großprojekt', customer: 'X', participants: 40 });
    const model = chartFigureModel(s, null, t);
    const items = model.legend.rows.flatMap((r) => r.items);
    expect(items.map((i) => i.name).sort()).toEqual(s.participants.map((p) => p.name).sort());
    for (const item of items) expect(item.x + model.legend.itemWidth).toBeLessThanOrEqual(FIGURE_WIDTH - PAD + 1);
    // Columns as wide as the longest name ("Bastian K.": 10 · 14 · 0.56 = 78.4 px, and a tenth more for wide letters)
    // + sample 30 + gap 22 = 138.24 px; (1280 − 2 · 28 − 170) / 138.24 → 7 to a row, so each team of 13–14 takes two rows.
    expect(model.legend.itemWidth).toBeCloseTo(138.24, 5);
    expect(model.legend.rows.map((r) => r.items.length)).toEqual([7, 7, 7, 6, 7, 6]);
    const svg = renderChartFigureSvg(model, null);
    for (const p of s.participants) expect(svg).toContain(`>${p.name}</text>`);
  });
});

describe('wrapLabel', () => {
  it('breaks at word boundaries and shortens what does not fit in the lines allowed', () => {
    // 0.56 · 10 px per character: 10 characters fit in 56 px.
    expect(wrapLabel('Angebot & Verhandlung', 60, 10, 2)).toEqual(['Angebot &', 'Verhandlu…']);
    expect(wrapLabel('Kickoff', 60, 10, 2)).toEqual(['Kickoff']);
    expect(wrapLabel('Bedarfs analyse und Demo am Ende', 60, 10, 2)).toEqual(['Bedarfs', 'analyse…']);
  });
});

describe('gapAreaPath', () => {
  // Only what the path reads: time 0–1 across 300 px.
  const g = { xOf: (x: number) => x * 300 } as unknown as ChartGeometry;
  const grid = [timePos(0), timePos(0.5), timePos(1)];
  it('fills half the strip with a 2-point gap and all of it from 4 points, each team on its side', () => {
    // Gaps of +2, −1 and +6 points on the 0–10 scale; the strip's middle at 50, 20 px to either side.
    const values = [0.2, -0.1, 0.6];
    expect(gapAreaPath(g, grid, values, 50, 20, 1)).toBe('M0,40L150,50L300,30L300,50L150,50L0,50Z');
    expect(gapAreaPath(g, grid, values, 50, 20, -1)).toBe('M0,50L150,55L300,50L300,50L150,50L0,50Z');
  });
});

describe('a handover drop in the report', () => {
  it('has its size on a white box, as the app and the room view draw it, so no line reads through it', () => {
    const phases = [{ id: 'a', name: 'Sales', width: 1 }, { id: 'b', name: 'Delivery', width: 1 }];
    const milestones = [{ id: 'h', name: 'Handover', at: timePos(0.5) }];
    const g = layoutChart(800, 400, phases, milestones, 'h', ['low', 'mid', 'high'], LAPTOP_STYLE);
    const drop = { key: 'ps', color: '#8f2a00', at: timePos(0.5), from: 0.6, to: 0.4, lowAt: timePos(0.6), label: 'PS −2.0' };
    const svg = renderToStaticMarkup(
      <svg>
        <ChartLayers geometry={g} scale={{ low: 'low', mid: 'mid', high: 'high' }} handoverBadge="Handover" targetLabel="Target" curves={[]} drops={[drop]} />
      </svg>,
    );
    const label = svg.match(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" rx="4" fill="#ffffff" fill-opacity="0.9"><\/rect><text x="([\d.]+)" y="([\d.]+)" font-size="13" font-weight="700" fill="#8f2a00">PS −2.0<\/text>/);
    expect(label).not.toBeNull();
    const [x, y, width, height, textX, textY] = label!.slice(1).map(Number) as [number, number, number, number, number, number];
    // Right of the arrow at the low point (x = 480), halfway down from 0.6 to 0.4 (the plot's middle).
    const mid = (g.yOf(enthusiasm(0.6)) + g.yOf(enthusiasm(0.4))) / 2;
    expect(textX).toBeCloseTo(g.xOf(timePos(0.6)) + 13 * 0.6, 1);
    expect(textY).toBeCloseTo(mid + 13 * 0.35, 1);
    // The box holds the text: from 4 px before it, the estimated width of 7 characters and more, a line and a half high.
    expect(x).toBeCloseTo(textX - 4, 1);
    expect(width).toBeGreaterThan(7 * 13 * 0.56);
    expect(y).toBeLessThan(textY - 13 * 0.7);
    expect(y + height).toBeGreaterThan(textY);
  });
});

describe('the report markup', () => {
  const analyse = analyseRound;

  it('has every text translated, no inline <style> (the CSP forbids it), and the curves as SVG paths', () => {
    const s = makeReportSession({ project: 'Projekt Atlas', customer: 'Muster GmbH', participants: 6 });
    const html = renderToStaticMarkup(<ReportView session={s} options={{ paper: 'a4', language: 'de' }} t={reportT('de')} analyse={analyse} />);
    expect(html).not.toMatch(/\breport\.[a-z]+\./);
    expect(html).not.toContain('{{');
    expect(html).not.toContain('<style');
    expect(html).not.toContain('style="');
    expect(html).toContain('Muster GmbH');
    expect(count(html, /class="sheet /g)).toBe(5);
    expect(html).toContain('class="report report--a4"');
    for (const p of s.participants) expect(html).toContain(p.name);
  });

  it('marks a carried-over action item with the retro it came from, in the words of the app', () => {
    const previous = makeReportSession({ project: 'Projekt Atlas', customer: 'Muster GmbH', participants: 3, actions: true });
    const next = updateProject(startNextRetro(previous, '2025-04-02'), { name: 'Projekt Atlas II' });
    const open = next.actions.length;
    expect(open).toBeGreaterThan(0);
    const de = renderToStaticMarkup(<ReportView session={next} options={{ paper: 'a4', language: 'de' }} t={reportT('de')} analyse={analyse} />);
    expect(count(de, /data-testid="report-carried-over"/g)).toBe(open);
    expect(de).toContain('übernommen aus „Projekt Atlas“ (12.03.2025)');
    const en = renderToStaticMarkup(<ReportView session={next} options={{ paper: 'a4', language: 'en' }} t={reportT('en')} analyse={analyse} />);
    expect(en).toContain('carried over from “Projekt Atlas” (Mar 12, 2025)');
    // Nothing to mark in the retro the items were agreed in.
    expect(renderToStaticMarkup(<ReportView session={previous} options={{ paper: 'a4', language: 'de' }} t={reportT('de')} analyse={analyse} />)).not.toContain('report-carried-over');
  });

  it('leaves the customer out when the project says so', () => {
    const s = updateProject(makeReportSession({ project: 'Projekt Atlas', customer: 'Geheim AG', participants: 3 }), { hideCustomer: true });
    const html = renderToStaticMarkup(<ReportView session={s} options={{ paper: 'letter', language: 'en' }} t={reportT('en')} analyse={analyse} />);
    expect(html).not.toContain('Geheim AG');
    expect(html).toContain('class="report report--letter"');
    expect(html).toContain('Retrospective report');
  });

  it('caps what a sheet could not show: more than 60 curves are counted in the legend, not named, and not drawn under the team lines', () => {
    const s = makeReportSession({ project: 'Groß', customer: 'X', participants: 80 });
    const html = renderToStaticMarkup(<ReportView session={s} options={{ paper: 'a4', language: 'en' }} t={reportT('en')} analyse={analyse} />);
    const sheets = html.split('<section class="sheet ');
    const overlay = sheets.find((sheet) => sheet.includes('aria-label="All curves"'))!;
    const comparison = sheets.find((sheet) => sheet.includes('aria-label="Team comparison"'))!;
    // Overlay: every curve is drawn (one path each in its colour), but the legend counts people per team.
    expect(overlay).toContain('people drew (too many to name here');
    expect(overlay).not.toContain(`<span>${s.participants[0]!.name}</span>`);
    const curvePaths = (sheet: string) => count(sheet, /<path d="M[^"]+" fill="none" stroke="#(0072B2|D55E00|009E73|CC79A7|E69F00|56B4E9|F0E442|000000)"/g);
    expect(curvePaths(overlay)).toBe(80);
    // Comparison: the team lines and bands alone.
    expect(curvePaths(comparison)).toBe(0);
    // 80 people: past 8 colours × 6 shapes nobody gets a marker.
    expect(html).not.toMatch(/<path d="M-?[\d.]+ 0A/);
  });
});

