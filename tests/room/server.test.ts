// The room server in Node, on 127.0.0.1 only: who gets in, what a device can
// read and write, and that a refused message changes nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { openRoom, type Room } from '../../room/server';
import type { StaticFile } from '../../room/static-files';
import { DEVICE_SOCKET_PATH, MAX_DEVICE_MESSAGE_BYTES, type RoomEvent, type RoomRound } from '../../shared/room-protocol';
import { connectDevice, type TestDevice } from './client';

const dir = mkdtempSync(join(tmpdir(), 'room-test-'));
writeFileSync(join(dir, 'page.html'), '<!doctype html><title>join</title>');
writeFileSync(join(dir, 'app.js'), 'console.log(1)');
const FILES = new Map<string, StaticFile>([
  ['/', { path: join(dir, 'page.html'), type: 'text/html; charset=utf-8' }],
  ['/assets/app.js', { path: join(dir, 'app.js'), type: 'text/javascript; charset=utf-8' }],
]);

const ROUND: RoomRound = {
  language: 'en',
  round: { id: 'rd1', question: 'How enthusiastic was the customer?' },
  timeline: { phases: [{ id: 'ph1', name: 'Sales', width: 1 }, { id: 'ph2', name: 'Delivery', width: 1 }], milestones: [{ id: 'ms1', name: 'Handover', at: 0.5 }], handoverId: 'ms1' },
  scale: { low: 'disappointed', mid: 'satisfied', high: 'thrilled' },
  people: [
    { id: 'pA', name: 'Anna', team: 'Sales' },
    { id: 'pB', name: 'Ben', team: 'PS' },
  ],
  teams: [{ id: 'tS', name: 'Sales' }, { id: 'tP', name: 'PS' }],
  allowNewNames: false,
  namesOnRoomScreen: true,
  drawingOpen: true,
  drawnIds: ['pB'],
};
const CURVE = [
  [0, 0.4],
  [0.5, 0.9],
  [1, 0.3],
];

let room: Room | null = null;
const devices: TestDevice[] = [];
let events: RoomEvent[] = [];

async function open(overrides: Partial<Parameters<typeof openRoom>[0]> = {}): Promise<{ room: Room; port: number; key: string; code: string }> {
  room = await openRoom({ files: FILES, bindHost: '127.0.0.1', port: 0, addresses: [{ address: '127.0.0.1', interfaceName: 'lo', kind: 'loopback' }], ...overrides });
  events = [];
  room.onEvent((event) => events.push(event));
  room.setRound(ROUND);
  const status = room.status();
  if (!status.open) throw new Error('not open');
  const key = new URL(status.join.joinUrl).hash.slice('#k='.length);
  return { room, port: status.join.port, key, code: status.join.code };
}

async function device(port: number, headers?: Record<string, string>): Promise<TestDevice> {
  const d = await connectDevice(port, headers);
  devices.push(d);
  return d;
}

async function joined(port: number, key: string, participantId: string | null = 'pA'): Promise<{ d: TestDevice; token: string }> {
  const d = await device(port);
  d.send({ type: 'hello', auth: { kind: 'link', key } });
  const welcome = await d.next('welcome');
  if (participantId) {
    d.send({ type: 'claim', participantId });
    await d.next('self');
  }
  return { d, token: welcome.token };
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

const flush = () => new Promise((done) => setTimeout(done, 30));
const curves = () => events.filter((e) => e.type === 'curve');
const lastStatus = () => {
  const s = room!.status();
  if (!s.open) throw new Error('closed');
  return s;
};

afterEach(async () => {
  await Promise.all(devices.splice(0).map((d) => d.close()));
  await room?.close();
  room = null;
});

describe('listening', () => {
  it('listens only while the room is open, and close ends every device and token', async () => {
    const { port, key } = await open();
    const { d, token } = await joined(port, key);
    await room!.close();
    expect((await d.next('ended')).reason).toBe('closed');
    await new Promise((done) => d.ws.once('close', done));
    // Nothing listens on the port any more.
    await expect(
      new Promise((done, fail) => {
        const socket = connect(port, '127.0.0.1', () => done('connected'));
        socket.on('error', fail);
      }),
    ).rejects.toThrow(/ECONNREFUSED/);
    // A new room on the same port knows neither the old token nor the old key.
    const again = await open({ port });
    const back = await device(again.port);
    back.send({ type: 'hello', auth: { kind: 'token', token } });
    expect((await back.next('refused')).reason).toBe('badToken');
    back.send({ type: 'hello', auth: { kind: 'link', key } });
    expect((await back.next('refused')).reason).toBe('badKey');
  });

  it('serves the participant page with a strict CSP, and no other file', async () => {
    const { port } = await open();
    const page = await get(port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${port}`);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await get(port, '/assets/app.js')).status).toBe(200);
    expect((await get(port, '/index.html')).status).toBe(404);
    expect((await get(port, '/../package.json')).status).toBe(404);
  });
});

describe('Host and Origin', () => {
  it('refuses a request for another host name (DNS rebinding) and a cross-site origin', async () => {
    const { port } = await open();
    expect((await get(port, '/', { Host: `evil.example:${port}` })).status).toBe(421);
    expect((await get(port, '/', { Host: `localhost:${port}` })).status).toBe(421);
    expect((await get(port, '/', { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(port, '/', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  });

  it('refuses WebSocket upgrades from another origin, another host, or without an origin', async () => {
    const { port } = await open();
    await expect(connectDevice(port, { Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(connectDevice(port, { Host: `rebound.example:${port}`, Origin: `http://rebound.example:${port}` })).rejects.toThrow(/421/);
    const noOrigin = new WebSocket(`ws://127.0.0.1:${port}${DEVICE_SOCKET_PATH}`);
    await expect(
      new Promise((done, fail) => {
        noOrigin.once('open', () => done('open'));
        noOrigin.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
        noOrigin.once('error', fail);
      }),
    ).rejects.toThrow(/403/);
  });
});

describe('joining', () => {
  it('a device with the link gets a token, the round and the pick list, but not who has drawn', async () => {
    const { port, key } = await open();
    const d = await device(port);
    d.send({ type: 'hello', auth: { kind: 'link', key } });
    const welcome = await d.next('welcome');
    expect(welcome.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(welcome.token).not.toBe(key);
    expect(welcome.room.round?.people.map((p) => p.name)).toEqual(['Anna', 'Ben']);
    expect(welcome.room.round).not.toHaveProperty('drawnIds');
    expect(welcome.self).toEqual({ participantId: null, pending: null, submitted: null });
    expect(lastStatus().reachedAt).not.toBeNull();
  });

  it('nothing before hello, and a wrong key gets nowhere', async () => {
    const { port } = await open();
    const d = await device(port);
    d.send({ type: 'claim', participantId: 'pA' });
    expect((await d.next('refused')).reason).toBe('notAuthenticated');
    d.send({ type: 'hello', auth: { kind: 'link', key: 'AAAAAAAAAAAAAAAAAAAAAA' } });
    expect((await d.next('refused')).reason).toBe('badKey');
    expect(lastStatus().devices).toEqual([]);
  });

  it('the short code works, and wrong codes are rate-limited', async () => {
    const { port, code } = await open();
    const d = await device(port);
    for (let i = 0; i < 5; i++) {
      d.send({ type: 'hello', auth: { kind: 'code', code: 'ZZZZZ2' } });
      expect((await d.next('refused')).reason).toBe('badCode');
    }
    // The right code is refused too now: the limit is on tries, not on wrong answers only.
    d.send({ type: 'hello', auth: { kind: 'code', code } });
    const limited = await d.next('refused');
    expect(limited.reason).toBe('rateLimited');
    expect(limited.retryAfterMs).toBeGreaterThan(50_000);
    const other = await device(port);
    other.send({ type: 'hello', auth: { kind: 'code', code: code.toLowerCase().slice(0, 3) + '-' + code.slice(3) } });
    // Same client address (127.0.0.1) as the guesser: still limited.
    expect((await other.next('refused')).reason).toBe('rateLimited');
  });

  it('a typed code lets a device in on a fresh room', async () => {
    const { port, code } = await open();
    const d = await device(port);
    d.send({ type: 'hello', auth: { kind: 'code', code: ` ${code.slice(0, 3).toLowerCase()} ${code.slice(3)}` } });
    expect((await d.next('welcome')).token).toBeTruthy();
  });

  it('a second device on a taken name waits for the facilitator, who can hand the name over', async () => {
    const { port, key } = await open();
    const first = await joined(port, key, 'pA');
    const second = await joined(port, key, null);
    second.d.send({ type: 'claim', participantId: 'pA' });
    expect((await second.d.next('self')).self).toEqual({ participantId: null, pending: 'claim', submitted: null });
    await flush();
    const [request] = lastStatus().requests;
    expect(request).toMatchObject({ kind: 'claim', participantId: 'pA' });
    room!.decide(request!.requestId, true, null);
    expect((await second.d.next('self')).self.participantId).toBe('pA');
    expect((await first.d.next('self')).self.participantId).toBeNull();
  });

  it('a declined claim leaves everything as it was', async () => {
    const { port, key } = await open();
    await joined(port, key, 'pA');
    const second = await joined(port, key, null);
    second.d.send({ type: 'claim', participantId: 'pA' });
    await second.d.next('self');
    room!.decide(lastStatus().requests[0]!.requestId, false, null);
    expect((await second.d.next('refused')).reason).toBe('declined');
    expect(lastStatus().devices.map((d) => d.participantId)).toEqual(['pA', null]);
  });

  it('new names only when the facilitator allows them', async () => {
    const { port, key } = await open();
    const { d } = await joined(port, key, null);
    d.send({ type: 'newName', name: 'Carla', teamId: 'tS' });
    expect((await d.next('refused')).reason).toBe('newNamesOff');
    room!.setRound({ ...ROUND, allowNewNames: true });
    d.send({ type: 'newName', name: 'Carla', teamId: 'tS' });
    await d.next('self');
    await flush();
    const request = lastStatus().requests[0]!;
    expect(request).toMatchObject({ kind: 'newName', name: 'Carla', teamId: 'tS' });
    // The facilitator adds Carla to the session, hands the room the new pick list, then accepts.
    room!.setRound({ ...ROUND, allowNewNames: true, people: [...ROUND.people, { id: 'pC', name: 'Carla', team: 'Sales' }] });
    room!.decide(request.requestId, true, 'pC');
    await flush();
    expect(lastStatus().devices[0]!.participantId).toBe('pC');
  });
});

describe('curves', () => {
  it('a submitted curve reaches the facilitator once, and the device comes back with it after a reconnect', async () => {
    const { port, key } = await open();
    const { d, token } = await joined(port, key, 'pA');
    d.send({ type: 'status', drawing: true });
    await flush();
    expect(lastStatus().devices[0]).toMatchObject({ drawing: true, submitted: false, online: true });
    d.send({ type: 'submit', roundId: 'rd1', participantId: 'pA', points: CURVE });
    expect((await d.next('accepted')).roundId).toBe('rd1');
    expect(curves()).toEqual([{ type: 'curve', participantId: 'pA', roundId: 'rd1', points: CURVE }]);
    await d.close();
    await flush();
    expect(lastStatus().devices[0]).toMatchObject({ online: false, submitted: true, participantId: 'pA' });

    const back = await device(port);
    back.send({ type: 'hello', auth: { kind: 'token', token } });
    const welcome = await back.next('welcome');
    expect(welcome.self.participantId).toBe('pA');
    expect(welcome.self.submitted?.points).toEqual(CURVE);
    expect(lastStatus().devices).toHaveLength(1);
  });

  it('refuses hostile and broken messages with a reason, and nothing changes', async () => {
    const { port, key } = await open();
    const { d } = await joined(port, key, 'pA');
    // lastSeenAt moves with every message (it is the heartbeat); everything else must stay.
    const state = () => JSON.stringify(lastStatus().devices.map(({ lastSeenAt: _seen, ...rest }) => rest));
    const before = state();
    const refusals: [unknown, string][] = [
      [{ type: 'submit', roundId: 'rd1', participantId: 'pB', points: CURVE }, 'notYours'],
      [{ type: 'submit', roundId: 'rdX', participantId: 'pA', points: CURVE }, 'wrongRound'],
      [{ type: 'submit', roundId: 'rd1', participantId: 'pA', points: [[0.5, 0.5], [0.4, 0.6]] }, 'invalidCurve'],
      [{ type: 'submit', roundId: 'rd1', participantId: 'pA', points: [[0, 2], [1, 0.5]] }, 'malformed'],
      [{ type: 'claim', participantId: 'pZ' }, 'unknownPerson'],
      [{ type: 'readCurves' }, 'malformed'],
      [{ type: 'hello', auth: { kind: 'link', key } }, 'malformed'],
    ];
    for (const [message, reason] of refusals) {
      d.send(message);
      expect((await d.next('refused')).reason, JSON.stringify(message)).toBe(reason);
    }
    d.sendRaw('{"type": "submit", ');
    expect((await d.next('refused')).reason).toBe('malformed');
    d.sendRaw(JSON.stringify({ type: 'status', drawing: false, pad: 'x'.repeat(MAX_DEVICE_MESSAGE_BYTES) }));
    expect((await d.next('refused')).reason).toBe('tooLarge');
    await flush();
    expect(curves()).toEqual([]);
    expect(state()).toBe(before);
  });

  it('a flood is refused, and the device is still served afterwards', async () => {
    const { port, key } = await open();
    const { d } = await joined(port, key, 'pA');
    for (let i = 0; i < 200; i++) d.send({ type: 'submit', roundId: 'rd1', participantId: 'pA', points: CURVE });
    const refused = await d.next('refused');
    expect(refused.reason).toBe('tooMany');
    await flush();
    // Only the burst allowance got through; the rest changed nothing.
    const accepted = d.received.filter((m) => m.type === 'accepted').length;
    expect(accepted).toBeLessThanOrEqual(40);
    expect(curves()).toHaveLength(accepted);
    await new Promise((done) => setTimeout(done, 1100));
    d.send({ type: 'ping' });
    await d.next('pong');
  });

  it('an oversized frame closes only that connection', async () => {
    const { port, key } = await open();
    const { d } = await joined(port, key, 'pA');
    const other = await joined(port, key, 'pB');
    const closed = new Promise<number>((done) => d.ws.once('close', (code) => done(code)));
    d.sendRaw('x'.repeat(200 * 1024));
    expect(await closed).toBe(1009);
    other.d.send({ type: 'ping' });
    await other.d.next('pong');
  });

  it('no submitting once drawing is closed', async () => {
    const { port, key } = await open();
    const { d } = await joined(port, key, 'pA');
    room!.setRound({ ...ROUND, drawingOpen: false });
    d.send({ type: 'submit', roundId: 'rd1', participantId: 'pA', points: CURVE });
    expect((await d.next('refused')).reason).toBe('drawingClosed');
    expect(curves()).toEqual([]);
  });

  it('the timer reaches devices with what is left', async () => {
    let clock = 1_000_000;
    const { port, key } = await open({ now: () => clock });
    const { d } = await joined(port, key, 'pA');
    room!.setTimer({ durationMs: 300_000, remainingMs: 300_000, running: true, sound: false });
    await d.next('room');
    clock += 60_000;
    const late = await joined(port, key, null);
    expect((late.d.received.find((m) => m.type === 'welcome') as { room: { timer: unknown } }).room.timer).toEqual({
      durationMs: 300_000,
      remainingMs: 240_000,
      running: true,
      sound: false,
    });
  });
});
