import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ANALYSIS,
  DEFAULT_TARGET,
  LATEST_SESSION_VERSION,
  migrateV1ToV2,
  applyStroke,
  createSession,
  enthusiasm,
  parseSessionFile,
  serializeSession,
  timePos,
  type Session,
} from '../../renderer/domain';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');

function sessionWithOneCurve(): Session {
  const base = createSession('de', '2026-11-27');
  const sales = base.teams[0]!;
  const anna = { id: 'pt_anna', name: 'Anna', teamId: sales.id, color: '#0072B2' };
  const points = applyStroke([], [
    { x: timePos(0), y: enthusiasm(0.3) },
    { x: timePos(0.4), y: enthusiasm(0.9) },
    { x: timePos(1), y: enthusiasm(0.6) },
  ]);
  return { ...base, participants: [anna], curves: [{ participantId: anna.id, roundId: base.rounds[0]!.id, points }] };
}

describe('serializeSession / parseSessionFile', () => {
  it('reads back exactly what it wrote', () => {
    const session = sessionWithOneCurve();
    const text = serializeSession(session, new Date('2026-11-27T10:00:00Z'));
    const envelope = JSON.parse(text);
    expect(envelope.format).toBe('wavelength-session');
    expect(envelope.version).toBe(LATEST_SESSION_VERSION);
    expect(envelope.savedAt).toBe('2026-11-27T10:00:00.000Z');
    const parsed = parseSessionFile(text);
    expect(parsed).toEqual({ ok: true, session, repairs: [] });
  });

  it('accepts a file that starts with a byte-order mark', () => {
    const text = '\uFEFF' + serializeSession(sessionWithOneCurve());
    expect(parseSessionFile(text).ok).toBe(true);
  });

  it('opens the hand-written v1 fixture with two teams, migrated to the latest version', () => {
    const result = parseSessionFile(fixture('v1-two-teams.wavelength'));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.session.project.name).toBe('Projekt Atlas');
    expect(result.session.participants.map((p) => p.name)).toEqual(['Anna', 'Ben']);
    expect(result.session.curves).toHaveLength(2);
    expect(result.session.notes).toEqual([]);
    expect(result.session.target).toEqual(DEFAULT_TARGET);
  });
});

describe('migrations', () => {
  it('v1 → v2 adds the target curve, analysis settings, notes and actions and keeps the rest', () => {
    const before = { format: 'wavelength-session', version: 1, session: { id: 'ss_1', curves: [1] } };
    const after = migrateV1ToV2(before);
    expect(after).toEqual({
      format: 'wavelength-session',
      version: 1, // parseSessionFile sets the new version number after each step
      session: { id: 'ss_1', curves: [1], target: DEFAULT_TARGET, analysis: DEFAULT_ANALYSIS, notes: [], actions: [] },
    });
  });

  it('v1 → v2 keeps values a v1 file should not have had but did', () => {
    const after = migrateV1ToV2({ session: { notes: [{ id: 'n' }] } });
    expect((after['session'] as { notes: unknown[] }).notes).toEqual([{ id: 'n' }]);
  });

  it('reports a v1 file whose session is missing as a failed migration', () => {
    const text = JSON.stringify({ format: 'wavelength-session', version: 1 });
    expect(parseSessionFile(text)).toEqual({ ok: false, error: { kind: 'migrationFailed', fromVersion: 1, detail: 'no session object' } });
  });
});

describe('parseSessionFile errors', () => {
  it('says when the text is not JSON (a truncated file)', () => {
    const result = parseSessionFile(fixture('truncated.wavelength'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('notJson');
  });

  it('says when JSON is not a session file', () => {
    expect(parseSessionFile('{"hello": "world"}')).toEqual({ ok: false, error: { kind: 'notASessionFile' } });
    expect(parseSessionFile('[1, 2, 3]')).toEqual({ ok: false, error: { kind: 'notASessionFile' } });
  });

  it('refuses a newer version instead of guessing', () => {
    const text = JSON.stringify({ format: 'wavelength-session', version: LATEST_SESSION_VERSION + 1, session: {} });
    expect(parseSessionFile(text)).toEqual({
      ok: false,
      error: { kind: 'versionTooNew', found: LATEST_SESSION_VERSION + 1, supported: LATEST_SESSION_VERSION },
    });
  });

  it('names the field that is wrong', () => {
    const doc = JSON.parse(serializeSession(sessionWithOneCurve()));
    doc.session.participants[0].color = 'blue';
    const result = parseSessionFile(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.kind === 'invalid') {
      expect(result.error.problems.join('\n')).toContain('session.participants.0.color');
    } else throw new Error('expected invalid');
  });

  it('finds references that point nowhere', () => {
    const doc = JSON.parse(serializeSession(sessionWithOneCurve()));
    doc.session.participants[0].teamId = 'tm_gone';
    doc.session.timeline.handoverId = 'ms_gone';
    const result = parseSessionFile(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.kind === 'invalid') {
      expect(result.error.problems).toContain('participants.0.teamId: no team "tm_gone"');
      expect(result.error.problems).toContain('timeline.handoverId: no milestone "ms_gone"');
    } else throw new Error('expected invalid');
  });

  it('rejects curve points that go back in time or leave the chart', () => {
    const doc = JSON.parse(serializeSession(sessionWithOneCurve()));
    doc.session.curves[0].points = [[0.5, 0.5], [0.2, 0.5]];
    const back = parseSessionFile(JSON.stringify(doc));
    expect(back.ok).toBe(false);
    doc.session.curves[0].points = [[0.1, 0.5], [0.2, 1.5]];
    const outside = parseSessionFile(JSON.stringify(doc));
    expect(outside.ok).toBe(false);
    if (!outside.ok) expect(outside.error.kind).toBe('invalid');
  });
});
