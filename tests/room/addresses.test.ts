import { describe, expect, it } from 'vitest';
import { rankAddresses } from '../../room/addresses';
import { CodeAttemptLimiter, MessageBudget, checkRequest, normaliseCode } from '../../room/security';

const v4 = (address: string, internal = false) => ({ address, family: 'IPv4' as const, internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null });

describe('rankAddresses', () => {
  it('puts Wi-Fi and Ethernet first, VPN and virtual adapters and link-local last, and leaves out loopback and IPv6', () => {
    const ranked = rankAddresses({
      lo: [v4('127.0.0.1', true)],
      docker0: [v4('172.17.0.1')],
      tun0: [v4('10.8.0.5')],
      'vEthernet (WSL)': [v4('172.25.64.1')],
      eth0: [v4('192.168.1.20')],
      wlan0: [v4('192.168.178.33'), { ...v4('fe80::1'), family: 'IPv6' as const, scopeid: 0 }],
      Ethernet2: [v4('169.254.10.2')],
    });
    expect(ranked.map((a) => [a.address, a.kind])).toEqual([
      ['192.168.178.33', 'wifi'],
      ['192.168.1.20', 'ethernet'],
      ['172.17.0.1', 'virtual'],
      ['10.8.0.5', 'virtual'],
      ['172.25.64.1', 'virtual'],
      ['169.254.10.2', 'linkLocal'],
    ]);
  });
});

describe('gatekeeping rules', () => {
  const hosts = new Set(['192.168.1.20:8321']);

  it('accepts the room’s own host and origin only', () => {
    expect(checkRequest({ host: '192.168.1.20:8321' }, hosts, { upgrade: false })).toEqual({ ok: true, host: '192.168.1.20:8321' });
    expect(checkRequest({ host: '192.168.1.20:8321', origin: 'http://192.168.1.20:8321' }, hosts, { upgrade: true }).ok).toBe(true);
    expect(checkRequest({ host: 'attacker.example:8321' }, hosts, { upgrade: false })).toMatchObject({ ok: false, status: 421 });
    expect(checkRequest({ host: '192.168.1.20:8321', origin: 'https://192.168.1.20:8321' }, hosts, { upgrade: false })).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest({ host: '192.168.1.20:8321' }, hosts, { upgrade: true })).toMatchObject({ ok: false, status: 403 });
  });

  it('limits code guesses per client and per room, and retires the code after too many', () => {
    let now = 0;
    const limiter = new CodeAttemptLimiter(() => now, { perClientPerMinute: 2, perRoomPerMinute: 3, lifetime: 5 });
    limiter.recordFailure('a');
    expect(limiter.waitFor('a')).toBe(0);
    limiter.recordFailure('a');
    expect(limiter.waitFor('a')).toBe(60_000);
    expect(limiter.waitFor('b')).toBe(0);
    now = 10_000;
    limiter.recordFailure('b');
    expect(limiter.waitFor('c')).toBe(50_000);
    now = 70_001;
    expect(limiter.waitFor('a')).toBe(0);
    limiter.recordFailure('c');
    limiter.recordFailure('d');
    expect(limiter.waitFor('e')).toBe(Number.POSITIVE_INFINITY);
  });

  it('a message budget lets a burst through, then the steady rate', () => {
    let now = 0;
    const budget = new MessageBudget(() => now, 2, 3);
    expect([budget.take(), budget.take(), budget.take(), budget.take()]).toEqual([true, true, true, false]);
    now = 500;
    expect([budget.take(), budget.take()]).toEqual([true, false]);
  });

  it('a typed code ignores case, spaces and dashes', () => {
    expect(normaliseCode(' ab3-k7 x')).toBe('AB3K7X');
  });
});
