import { z } from 'zod';
import { isValidCurve } from './curve';
import { DEFAULT_ANALYSIS, DEFAULT_TARGET, LINE_STYLES, NOTE_KINDS, ROUND_KINDS, TEAM_ROLES, type Session } from './session';

/**
 * The `.wavelength` file: UTF-8 JSON in an envelope
 *   { "format": "wavelength-session", "version": N, "savedAt": ISO, "session": {...} }
 *
 * Loading goes: parse JSON → check the envelope → refuse a newer version →
 * migrate older versions step by step → validate the result → check that
 * the references inside hold. Every failure is a typed error that the UI
 * turns into a sentence; nothing here touches the file itself.
 */
export const SESSION_FORMAT = 'wavelength-session';
export const LATEST_SESSION_VERSION = 2;

export type SessionFileError =
  | { kind: 'notJson'; detail: string }
  | { kind: 'notASessionFile' }
  | { kind: 'versionTooNew'; found: number; supported: number }
  | { kind: 'migrationFailed'; fromVersion: number; detail: string }
  | { kind: 'invalid'; problems: string[] };

export type ParseResult = { ok: true; session: Session } | { ok: false; error: SessionFileError };

// No code generation: the app's CSP forbids eval, and zod would otherwise probe for it.
z.config({ jitless: true });

const id = z.string().min(1).max(200);
const text = (max: number) => z.string().max(max);
const unit = z.number().min(0).max(1);

const sessionSchema = z.object({
  id,
  language: z.enum(['de', 'en']),
  project: z.object({
    name: text(500),
    customer: text(500),
    hideCustomer: z.boolean(),
    date: z.union([z.literal(''), z.iso.date()]),
  }),
  timeline: z.object({
    phases: z.array(z.object({ id, name: text(200), width: z.number().positive().max(1000) })).min(1).max(100),
    milestones: z.array(z.object({ id, name: text(200), at: unit })).max(100),
    handoverId: id.nullable(),
  }),
  scale: z.object({ low: text(100), mid: text(100), high: text(100) }),
  teams: z.array(z.object({ id, name: text(100), role: z.enum(TEAM_ROLES), lineStyle: z.enum(LINE_STYLES) })).min(1).max(20),
  participants: z
    .array(z.object({ id, name: text(200), teamId: id, color: z.string().regex(/^#[0-9a-fA-F]{6}$/) }))
    .max(500),
  rounds: z.array(z.object({ id, kind: z.enum(ROUND_KINDS), question: text(500) })).min(1).max(50),
  curves: z
    .array(z.object({ participantId: id, roundId: id, points: z.array(z.tuple([unit, unit])).max(5000) }))
    .max(25000),
  target: z.object({ visible: z.boolean(), start: unit, handover: unit, end: unit }),
  analysis: z.object({ handoverWindow: z.number().min(0.01).max(1), dropThreshold: z.number().min(0.01).max(1) }),
  notes: z
    .array(
      z.object({
        id,
        roundId: id,
        at: unit,
        participantId: id.nullable(),
        kind: z.enum(NOTE_KINDS),
        text: text(2000),
        author: text(200),
      }),
    )
    .max(2000),
  actions: z
    .array(z.object({ id, what: text(2000), who: text(200), due: z.union([z.literal(''), z.iso.date()]), done: z.boolean() }))
    .max(1000),
});

const envelopeSchema = z.object({
  format: z.literal(SESSION_FORMAT),
  version: z.number().int().positive(),
});

type Doc = Record<string, unknown>;

/**
 * Version 1 → 2: the comparison arrived. v1 files (the first release's) have
 * no target curve, analysis settings, notes or action items; they get the
 * defaults, and everything else is kept as it was.
 */
export function migrateV1ToV2(doc: Doc): Doc {
  const session = doc['session'];
  if (typeof session !== 'object' || session === null || Array.isArray(session)) throw new Error('no session object');
  return {
    ...doc,
    session: { target: DEFAULT_TARGET, analysis: DEFAULT_ANALYSIS, notes: [], actions: [], ...(session as Doc) },
  };
}

/**
 * Migrations: MIGRATIONS[n] turns a version-n document into version n+1.
 * Each format change adds one named step here with a before/after test.
 */
export const MIGRATIONS: Readonly<Record<number, (doc: Doc) => Doc>> = { 1: migrateV1ToV2 };

export function parseSessionFile(textContent: string): ParseResult {
  // 1. JSON at all?
  let raw: unknown;
  try {
    raw = JSON.parse(textContent.charCodeAt(0) === 0xfeff ? textContent.slice(1) : textContent);
  } catch (e) {
    return fail({ kind: 'notJson', detail: e instanceof Error ? e.message : String(e) });
  }
  // 2. Our envelope?
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return fail({ kind: 'notASessionFile' });
  const version = envelope.data.version;
  // 3. Refuse what a newer app wrote rather than guess at it.
  if (version > LATEST_SESSION_VERSION) {
    return fail({ kind: 'versionTooNew', found: version, supported: LATEST_SESSION_VERSION });
  }
  // 4. Migrate step by step to the latest version.
  let doc = raw as Record<string, unknown>;
  for (let v = version; v < LATEST_SESSION_VERSION; v++) {
    const step = MIGRATIONS[v];
    try {
      if (!step) throw new Error(`no migration from version ${v}`);
      doc = { ...step(doc), version: v + 1 };
    } catch (e) {
      return fail({ kind: 'migrationFailed', fromVersion: v, detail: e instanceof Error ? e.message : String(e) });
    }
  }
  // 5. Validate the shape.
  const parsed = sessionSchema.safeParse(doc['session']);
  if (!parsed.success) {
    return fail({
      kind: 'invalid',
      problems: parsed.error.issues.slice(0, 10).map((i) => `session.${i.path.join('.')}: ${i.message}`),
    });
  }
  // 6. Check what a schema can't: references and curve order.
  const session = parsed.data as unknown as Session;
  const problems = checkReferences(session);
  if (problems.length > 0) return fail({ kind: 'invalid', problems });
  return { ok: true, session };
}

export function serializeSession(session: Session, savedAt: Date = new Date()): string {
  const file = { format: SESSION_FORMAT, version: LATEST_SESSION_VERSION, savedAt: savedAt.toISOString(), session };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function checkReferences(s: Session): string[] {
  const problems: string[] = [];
  const unique = (what: string, ids: readonly string[]) => {
    if (new Set(ids).size !== ids.length) problems.push(`${what}: ids are not unique`);
  };
  unique('phases', s.timeline.phases.map((p) => p.id));
  unique('milestones', s.timeline.milestones.map((m) => m.id));
  unique('teams', s.teams.map((t) => t.id));
  unique('participants', s.participants.map((p) => p.id));
  unique('rounds', s.rounds.map((r) => r.id));
  if (s.timeline.handoverId !== null && !s.timeline.milestones.some((m) => m.id === s.timeline.handoverId)) {
    problems.push(`timeline.handoverId: no milestone "${s.timeline.handoverId}"`);
  }
  const teams = new Set(s.teams.map((t) => t.id));
  s.participants.forEach((p, i) => {
    if (!teams.has(p.teamId)) problems.push(`participants.${i}.teamId: no team "${p.teamId}"`);
  });
  const people = new Set(s.participants.map((p) => p.id));
  const rounds = new Set(s.rounds.map((r) => r.id));
  const seen = new Set<string>();
  s.curves.forEach((c, i) => {
    if (!people.has(c.participantId)) problems.push(`curves.${i}.participantId: no participant "${c.participantId}"`);
    if (!rounds.has(c.roundId)) problems.push(`curves.${i}.roundId: no round "${c.roundId}"`);
    const key = `${c.participantId}/${c.roundId}`;
    if (seen.has(key)) problems.push(`curves.${i}: a second curve for the same participant and round`);
    seen.add(key);
    if (!isValidCurve(c.points)) problems.push(`curves.${i}.points: need two or more points in increasing time`);
  });
  unique('notes', s.notes.map((n) => n.id));
  unique('actions', s.actions.map((a) => a.id));
  s.notes.forEach((n, i) => {
    if (!rounds.has(n.roundId)) problems.push(`notes.${i}.roundId: no round "${n.roundId}"`);
    if (n.participantId !== null && !people.has(n.participantId)) {
      problems.push(`notes.${i}.participantId: no participant "${n.participantId}"`);
    }
  });
  return problems.slice(0, 10);
}

function fail(error: SessionFileError): ParseResult {
  return { ok: false, error };
}
