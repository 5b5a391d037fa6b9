import { z } from 'zod';
import { mergeClosePoints } from './closePoints';
import { isValidCurve } from './curve';
import { DEFAULT_ANALYSIS, DEFAULT_TARGET, LINE_STYLES, NOTE_KINDS, ROUND_KINDS, SESSION_LIMITS, TEAM_ROLES, type Curve, type Session } from './session';
import { hasUnsafeCharacters, removeUnsafeCharacters } from './text';

/**
 * The `.wavelength` file: UTF-8 JSON in an envelope
 *   { "format": "wavelength-session", "version": N, "savedAt": ISO, "session": {...} }
 *
 * Loading goes: parse JSON → check the envelope → refuse a newer version →
 * migrate older versions step by step → validate the result → check that
 * the references inside hold → repair what the app can't draw or analyse
 * but can mend without guessing, saying what. Every failure is a typed
 * error that the UI turns into a sentence; nothing here touches the file
 * itself.
 */
export const SESSION_FORMAT = 'wavelength-session';
export const LATEST_SESSION_VERSION = 2;

export type SessionFileError =
  | { kind: 'notJson'; detail: string }
  | { kind: 'notASessionFile' }
  | { kind: 'versionTooNew'; found: number; supported: number }
  | { kind: 'migrationFailed'; fromVersion: number; detail: string }
  | { kind: 'invalid'; problems: string[] };

/**
 * What loading changed so the app can work with the session (issue 9: a file
 * it accepts must never break it). The UI names each in the "Opened …"
 * message; the file on disk stays as it was until the user saves.
 */
export type SessionRepair =
  /** Points of a curve closer in time than MIN_POINT_GAP became one. `round` counts from 1; null when the session has one round. */
  | { kind: 'pointsMerged'; participantName: string; round: number | null; merged: number }
  /** A curve whose points were all at one moment (after merging) covers no time, and was left out. */
  | { kind: 'curveRemoved'; participantName: string; round: number | null }
  /** Phases narrower than SESSION_LIMITS.phaseWidth.min, widened to it. */
  | { kind: 'phasesWidened'; phaseNames: string[] }
  /** Characters no text can hold (control characters, broken surrogate pairs), removed. */
  | { kind: 'charactersRemoved'; count: number };

export type ParseResult =
  | { ok: true; session: Session; repairs: readonly SessionRepair[] }
  | { ok: false; error: SessionFileError };

// No code generation: the app's CSP forbids eval, and zod would otherwise probe for it.
z.config({ jitless: true });

/**
 * Ids are made by the app (`pt_3f…`): an id that is also a property of every
 * object (`__proto__`, `toString`) would read as something else in a lookup
 * by id, and one with control characters can't be written into an SVG.
 */
const id = z
  .string()
  .min(1)
  .max(200)
  .refine((v) => !Object.prototype.hasOwnProperty.call(Object.prototype, v), { message: 'is a reserved name' })
  .refine((v) => !hasUnsafeCharacters(v), { message: 'holds control characters' });
const text = (max: number) => z.string().max(max);
const unit = z.number().min(0).max(1);
const L = SESSION_LIMITS;

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
    phases: z.array(z.object({ id, name: text(200), width: z.number().positive().max(L.phaseWidth.max) })).min(1).max(L.phases),
    milestones: z.array(z.object({ id, name: text(200), at: unit })).max(L.milestones),
    handoverId: id.nullable(),
  }),
  scale: z.object({ low: text(100), mid: text(100), high: text(100) }),
  teams: z.array(z.object({ id, name: text(100), role: z.enum(TEAM_ROLES), lineStyle: z.enum(LINE_STYLES) })).min(1).max(L.teams),
  participants: z
    .array(z.object({ id, name: text(200), teamId: id, color: z.string().regex(/^#[0-9a-fA-F]{6}$/) }))
    .max(L.participants),
  rounds: z.array(z.object({ id, kind: z.enum(ROUND_KINDS), question: text(500) })).min(1).max(L.rounds),
  curves: z
    .array(z.object({ participantId: id, roundId: id, points: z.array(z.tuple([unit, unit])).max(L.pointsPerCurve) }))
    .max(L.curves),
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
    .max(L.notes),
  actions: z
    .array(
      z.object({
        id,
        what: text(2000),
        who: text(200),
        due: z.union([z.literal(''), z.iso.date()]),
        done: z.boolean(),
        // Added without a new version: older versions read the file and leave the mark out (z.object drops unknown keys).
        carriedOver: z.object({ from: text(500), date: z.union([z.literal(''), z.iso.date()]) }).optional(),
      }),
    )
    .max(L.actions),
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
  const checked = parsed.data as unknown as Session;
  const problems = checkReferences(checked);
  if (problems.length > 0) return fail({ kind: 'invalid', problems });
  // 7. Mend what the app can't draw or analyse as it is, and say so.
  const { session, repairs } = repairSession(checked);
  const broken = session.curves.findIndex((c) => !isValidCurve(c.points));
  if (broken >= 0) return fail({ kind: 'invalid', problems: [`curves.${broken}.points: need two or more points in increasing time`] });
  return { ok: true, session, repairs };
}

export function serializeSession(session: Session, savedAt: Date = new Date()): string {
  const file = { format: SESSION_FORMAT, version: LATEST_SESSION_VERSION, savedAt: savedAt.toISOString(), session };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function checkReferences(s: Session): string[] {
  const problems: string[] = [];
  // Unique across the whole file, not only within a kind: the highlight, the
  // legend and the room view hold a team's or a person's id in one place.
  const owners = new Map<string, string>();
  const unique = (what: string, ids: readonly string[]) => {
    ids.forEach((entityId, i) => {
      const owner = owners.get(entityId);
      if (owner) problems.push(`${what}.${i}.id: "${entityId}" is also the id of ${owner}`);
      else owners.set(entityId, `${what}.${i}`);
    });
  };
  unique('phases', s.timeline.phases.map((p) => p.id));
  unique('milestones', s.timeline.milestones.map((m) => m.id));
  unique('teams', s.teams.map((t) => t.id));
  unique('participants', s.participants.map((p) => p.id));
  unique('rounds', s.rounds.map((r) => r.id));
  unique('notes', s.notes.map((n) => n.id));
  unique('actions', s.actions.map((a) => a.id));
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
    // Points at one time are mended below; points going back in time have no one reading to mend them to.
    if (c.points.length < 2 || c.points.some((p, k) => k > 0 && p[0] < c.points[k - 1]![0])) {
      problems.push(`curves.${i}.points: need two or more points in increasing time`);
    }
  });
  s.notes.forEach((n, i) => {
    if (!rounds.has(n.roundId)) problems.push(`notes.${i}.roundId: no round "${n.roundId}"`);
    if (n.participantId !== null && !people.has(n.participantId)) {
      problems.push(`notes.${i}.participantId: no participant "${n.participantId}"`);
    }
  });
  return problems.slice(0, 10);
}

/**
 * The repairs of step 7, each one that a person would make the same way:
 * unreadable characters go, a phase too narrow to draw in gets the smallest
 * width, points at (almost) one moment become one point, and a curve left
 * with no width goes. The session is a fresh copy; the input is unchanged.
 */
export function repairSession(input: Session): { session: Session; repairs: SessionRepair[] } {
  const repairs: SessionRepair[] = [];

  const { value: cleaned, removed } = cleanTexts(input);
  const s = cleaned as Session;
  if (removed > 0) repairs.push({ kind: 'charactersRemoved', count: removed });

  const narrow = s.timeline.phases.filter((p) => p.width < SESSION_LIMITS.phaseWidth.min);
  const phases =
    narrow.length === 0 ? s.timeline.phases : s.timeline.phases.map((p) => (p.width < SESSION_LIMITS.phaseWidth.min ? { ...p, width: SESSION_LIMITS.phaseWidth.min } : p));
  if (narrow.length > 0) repairs.push({ kind: 'phasesWidened', phaseNames: narrow.map((p) => p.name) });

  const nameOf = new Map(s.participants.map((p) => [p.id, p.name] as const));
  const roundOf = new Map(s.rounds.map((r, i) => [r.id, s.rounds.length > 1 ? i + 1 : null] as const));
  const curves: Curve[] = [];
  for (const curve of s.curves) {
    const { points, merged } = mergeClosePoints(curve.points);
    if (merged === 0) {
      curves.push(curve);
      continue;
    }
    const who = { participantName: nameOf.get(curve.participantId) ?? '', round: roundOf.get(curve.roundId) ?? null };
    if (points.length < 2) {
      repairs.push({ kind: 'curveRemoved', ...who });
      continue;
    }
    repairs.push({ kind: 'pointsMerged', ...who, merged });
    curves.push({ ...curve, points });
  }

  if (repairs.length === 0) return { session: input, repairs };
  return { session: { ...s, timeline: { ...s.timeline, phases }, curves }, repairs };
}

/** Every text without unsafe characters, ids left alone (the schema refuses unsafe ones). */
function cleanTexts(value: unknown, key = ''): { value: unknown; removed: number } {
  if (typeof value === 'string') {
    if (key === 'id' || key.endsWith('Id')) return { value, removed: 0 };
    const { text, removed } = removeUnsafeCharacters(value);
    return { value: text, removed };
  }
  if (Array.isArray(value)) {
    let removed = 0;
    const items = value.map((item) => {
      const r = cleanTexts(item, key);
      removed += r.removed;
      return r.value;
    });
    return { value: removed === 0 ? value : items, removed };
  }
  if (value !== null && typeof value === 'object') {
    let removed = 0;
    const entries = Object.entries(value).map(([k, v]) => {
      const r = cleanTexts(v, k);
      removed += r.removed;
      return [k, r.value] as const;
    });
    return { value: removed === 0 ? value : Object.fromEntries(entries), removed };
  }
  return { value, removed: 0 };
}

function fail(error: SessionFileError): ParseResult {
  return { ok: false, error };
}
