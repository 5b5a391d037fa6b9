/**
 * The local room's network messages, described once (DESIGN.md, "The local
 * room"). Three kinds of traffic cross a boundary and are checked on arrival
 * against these schemas:
 *
 * - device ↔ room server: a participant's phone or laptop on the LAN
 *   (DeviceMessage in, ServerMessage out);
 * - facilitator ↔ room controller: in-process in Electron (through main's
 *   IPC), and in the browser build over a loopback-only WebSocket
 *   (FacilitatorCommand in, RoomEvent out);
 * - the timer, which the room screen and every device show.
 *
 * Curves are checked with the domain's own rule (isValidCurve, passed in by
 * the caller so this file stays free of renderer imports) on top of shape.
 */
import { z } from 'zod';

// No code generation: the app's CSP forbids eval, and zod would otherwise probe for it. Set here too, not only
// in room-state.ts: this module may be evaluated first, and building its schemas can already run a parse.
z.config({ jitless: true });

/** What one message may weigh, as UTF-8 bytes. A curve of 1001 points is about 20 kB. */
export const MAX_DEVICE_MESSAGE_BYTES = 32 * 1024;
/** The server refuses a WebSocket frame above this outright (closes with 1009). */
export const MAX_FRAME_BYTES = 64 * 1024;
/** CAPTURE_STEPS + 1 (renderer/domain/curve.ts): a curve never needs more points. */
export const MAX_CURVE_POINTS = 1001;
export const MAX_NAME_LENGTH = 60;
/** Devices send a ping this often; a device silent for DEVICE_TIMEOUT_MS is taken as gone. */
export const HEARTBEAT_MS = 10_000;
export const DEVICE_TIMEOUT_MS = 25_000;
/** Messages a device may send per second, with a burst allowance; beyond it messages are refused. */
export const DEVICE_MESSAGES_PER_SECOND = 20;
export const DEVICE_MESSAGE_BURST = 40;
/** Short code: letters and digits that can't be mistaken for each other (no 0/O, 1/I/L). */
export const SHORT_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const SHORT_CODE_LENGTH = 6;

/** Where a device connects its WebSocket, and the facilitator's control socket (loopback only). */
export const DEVICE_SOCKET_PATH = '/socket';
export const CONTROL_SOCKET_PATH = '/room-control';
/** The join link carries the room secret in the fragment (`#k=…`): never sent to a server, never in a log. */
export const JOIN_KEY_PARAM = 'k';
/** The facilitator page of the browser build gets its control secret in the fragment too. */
export const CONTROL_KEY_PARAM = 'room-control';

const id = z.string().min(1).max(64);
const secret = z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/);
const text = (max: number) => z.string().max(max);

/** A point of a curve as it travels: [time, enthusiasm], both in [0, 1]. */
const point = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]);
export const curvePointsSchema = z.array(point).min(2).max(MAX_CURVE_POINTS);
export type WirePoints = z.infer<typeof curvePointsSchema>;

// ── Timer ──────────────────────────────────────────────────────────────

/**
 * The timer as sent: how long the step is, how much is left at the moment of
 * sending, and whether it runs. Receivers count down with their own clock
 * from the moment it arrives, so clocks of phones and laptop need not agree.
 */
export const timerWireSchema = z.object({
  durationMs: z.number().int().min(0).max(24 * 3600_000),
  remainingMs: z.number().int().min(-24 * 3600_000).max(24 * 3600_000),
  running: z.boolean(),
  /** Whether the end makes a sound (on the laptop, the room screen and devices that allow it). */
  sound: z.boolean(),
});
export type TimerWire = z.infer<typeof timerWireSchema>;

// ── What devices see of the round ──────────────────────────────────────

export const roomTimelineSchema = z.object({
  phases: z.array(z.object({ id, name: text(120), width: z.number().positive().max(1000) })).min(1).max(50),
  milestones: z.array(z.object({ id, name: text(120), at: z.number().min(0).max(1) })).max(50),
  handoverId: id.nullable(),
});

export const pickPersonSchema = z.object({ id, name: text(MAX_NAME_LENGTH), team: text(MAX_NAME_LENGTH) });
export type PickPerson = z.infer<typeof pickPersonSchema>;

/**
 * The round as the facilitator hands it to the room: everything a device
 * needs to draw, and nothing else (no curves, no notes, no customer).
 */
export const roomRoundSchema = z.object({
  language: z.enum(['de', 'en']),
  round: z.object({ id, question: text(500) }),
  timeline: roomTimelineSchema,
  scale: z.object({ low: text(60), mid: text(60), high: text(60) }),
  /** The pick list: names and teams only. */
  people: z.array(pickPersonSchema).max(200),
  teams: z.array(z.object({ id, name: text(MAX_NAME_LENGTH) })).max(50),
  /** The facilitator lets devices enter a new name and team (to be confirmed). */
  allowNewNames: z.boolean(),
  /** Whether the room screen shows names with the curves (false: "Sales 1", "PS 2"). */
  namesOnRoomScreen: z.boolean(),
  /** Devices may submit and redraw while this is true. */
  drawingOpen: z.boolean(),
  /** Who already has a curve in this round (from any device or the laptop); ids only. */
  drawnIds: z.array(id).max(200),
});
export type RoomRound = z.infer<typeof roomRoundSchema>;

/** What one device knows about itself: who it is, and its own submitted curve. */
export const deviceSelfSchema = z.object({
  participantId: id.nullable(),
  /** Waiting for the facilitator: a name someone else's device holds, or a new name. */
  pending: z.enum(['claim', 'newName']).nullable(),
  /** The device's curve in the current round as the room has it; null when not submitted. */
  submitted: z.object({ roundId: id, points: curvePointsSchema, at: z.number() }).nullable(),
});
export type DeviceSelf = z.infer<typeof deviceSelfSchema>;

/** The room as a device sees it: the round (without drawnIds: others' progress is not its business) and the timer. */
export const deviceRoomSchema = z.object({
  round: roomRoundSchema.omit({ drawnIds: true }).nullable(),
  timer: timerWireSchema.nullable(),
});
export type DeviceRoom = z.infer<typeof deviceRoomSchema>;

// ── Device → server ────────────────────────────────────────────────────

export const deviceAuthSchema = z.discriminatedUnion('kind', [
  /** The secret from the join link (QR code or link). */
  z.object({ kind: z.literal('link'), key: secret }),
  /** The short code, typed; rate-limited. */
  z.object({ kind: z.literal('code'), code: z.string().min(1).max(16) }),
  /** A device coming back: the token it was given. */
  z.object({ kind: z.literal('token'), token: secret }),
]);
export type DeviceAuth = z.infer<typeof deviceAuthSchema>;

export const deviceMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), auth: deviceAuthSchema }),
  z.object({ type: z.literal('claim'), participantId: id }),
  z.object({ type: z.literal('newName'), name: z.string().trim().min(1).max(MAX_NAME_LENGTH), teamId: id }),
  z.object({ type: z.literal('status'), drawing: z.boolean() }),
  z.object({ type: z.literal('submit'), roundId: id, participantId: id, points: curvePointsSchema }),
  z.object({ type: z.literal('ping') }),
]);
export type DeviceMessage = z.infer<typeof deviceMessageSchema>;

// ── Server → device ────────────────────────────────────────────────────

/** Why the server refused a message; the device explains each in its language. */
export const REFUSAL_REASONS = [
  'malformed',
  'tooLarge',
  'tooMany',
  'notAuthenticated',
  'badKey',
  'badCode',
  'rateLimited',
  'badToken',
  'roomFull',
  'unknownPerson',
  'notYours',
  'noName',
  'newNamesOff',
  'drawingClosed',
  'wrongRound',
  'invalidCurve',
  'declined',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), token: secret, room: deviceRoomSchema, self: deviceSelfSchema }),
  z.object({ type: z.literal('room'), room: deviceRoomSchema }),
  z.object({ type: z.literal('self'), self: deviceSelfSchema }),
  z.object({ type: z.literal('accepted'), roundId: id, at: z.number() }),
  z.object({
    type: z.literal('refused'),
    reason: z.enum(REFUSAL_REASONS),
    /** The message type refused, when it could be read. */
    about: z.string().max(20).nullable(),
    retryAfterMs: z.number().int().min(0).optional(),
  }),
  z.object({ type: z.literal('pong') }),
  /** The room is gone (closed by the facilitator) or this device was replaced on its name. */
  z.object({ type: z.literal('ended'), reason: z.enum(['closed', 'replaced']) }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

// ── Facilitator ↔ room controller ──────────────────────────────────────

/** A network address the room can be reached on, ranked: physical Wi-Fi/Ethernet first, VPN/virtual last. */
export const addressChoiceSchema = z.object({
  address: z.string().max(64),
  interfaceName: z.string().max(128),
  kind: z.enum(['wifi', 'ethernet', 'other', 'virtual', 'linkLocal', 'loopback']),
});
export type AddressChoice = z.infer<typeof addressChoiceSchema>;

export const deviceSummarySchema = z.object({
  /** A public id for the device (not its token). */
  deviceId: id,
  participantId: id.nullable(),
  /** A name the device proposed, waiting for confirmation. */
  proposedName: text(MAX_NAME_LENGTH).nullable(),
  online: z.boolean(),
  drawing: z.boolean(),
  /** Submitted in the current round. */
  submitted: z.boolean(),
  lastSeenAt: z.number(),
});
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;

/** Something only the facilitator can decide: a second device on a taken name, or a new name. */
export const joinRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('claim'), requestId: id, deviceId: id, participantId: id }),
  z.object({ kind: z.literal('newName'), requestId: id, deviceId: id, name: text(MAX_NAME_LENGTH), teamId: id }),
]);
export type JoinRequest = z.infer<typeof joinRequestSchema>;

/** What the facilitator's laptop and the room screen show to let people in. */
export const roomJoinSchema = z.object({
  address: z.string().max(64),
  port: z.number().int().min(1).max(65535),
  /** `http://address:port/#k=secret`, what the QR code holds. */
  joinUrl: z.string().max(300),
  /** `http://address:port`, to type. */
  typedUrl: z.string().max(100),
  code: z.string().max(16),
  /** The QR code's modules, row by row, '1' dark, '0' light. */
  qr: z.object({ size: z.number().int().min(21).max(177), modules: z.string().max(177 * 177) }),
});
export type RoomJoin = z.infer<typeof roomJoinSchema>;

export const roomStatusSchema = z.discriminatedUnion('open', [
  z.object({
    open: z.literal(false),
    /** Why the room could not be opened, when it could not. */
    problem: z.enum(['listenFailed', 'noAddress', 'notAvailable']).nullable(),
  }),
  z.object({
    open: z.literal(true),
    openedAt: z.number(),
    join: roomJoinSchema,
    addresses: z.array(addressChoiceSchema).max(64),
    devices: z.array(deviceSummarySchema).max(500),
    requests: z.array(joinRequestSchema).max(500),
    /** When a device last reached the room with a valid key (the "test with your phone" check); null: none yet. */
    reachedAt: z.number().nullable(),
  }),
]);
export type RoomStatus = z.infer<typeof roomStatusSchema>;

export const facilitatorCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open') }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('round'), round: roomRoundSchema.nullable() }),
  z.object({ type: z.literal('timer'), timer: timerWireSchema.nullable() }),
  z.object({ type: z.literal('chooseAddress'), address: z.string().max(64) }),
  /** Accept or decline a request; accepting a new name says which participant the facilitator made of it. */
  z.object({ type: z.literal('decide'), requestId: id, accept: z.boolean(), participantId: id.nullable() }),
]);
export type FacilitatorCommand = z.infer<typeof facilitatorCommandSchema>;

export const roomEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: roomStatusSchema }),
  /** A device submitted its person's curve; the facilitator's session takes it like a laptop drawing. */
  z.object({ type: z.literal('curve'), participantId: id, roundId: id, points: curvePointsSchema }),
]);
export type RoomEvent = z.infer<typeof roomEventSchema>;

/** First message on the control socket (browser build): the control secret. */
export const controlHelloSchema = z.object({ type: z.literal('hello'), key: secret });

/** Parse a text message as JSON and check it against a schema; never throws. */
export function parseMessage<T>(schema: z.ZodType<T>, raw: string): { ok: true; value: T } | { ok: false } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false };
  }
  const result = schema.safeParse(data);
  return result.success ? { ok: true, value: result.data } : { ok: false };
}
