// A device (or an attacker) in Node: a ws client on 127.0.0.1 that collects
// what the room sends and can wait for the next message of a type.
import { WebSocket } from 'ws';
import { DEVICE_SOCKET_PATH, type ServerMessage } from '../../shared/room-protocol';

export interface TestDevice {
  readonly ws: WebSocket;
  readonly received: ServerMessage[];
  send(message: unknown): void;
  sendRaw(text: string): void;
  next<T extends ServerMessage['type']>(type: T, timeoutMs?: number): Promise<Extract<ServerMessage, { type: T }>>;
  close(): Promise<void>;
}

export async function connectDevice(port: number, headers: Record<string, string> = {}): Promise<TestDevice> {
  const host = `127.0.0.1:${port}`;
  const ws = new WebSocket(`ws://${host}${DEVICE_SOCKET_PATH}`, { headers: { Origin: `http://${host}`, ...headers } });
  const received: ServerMessage[] = [];
  let cursor = 0;
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    received.push(JSON.parse(data.toString()) as ServerMessage);
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((done, fail) => {
    ws.once('open', () => done());
    ws.once('error', fail);
    ws.once('unexpected-response', (_request, response) => fail(new Error(`HTTP ${response.statusCode}`)));
  });
  return {
    ws,
    received,
    send: (message) => ws.send(JSON.stringify(message)),
    sendRaw: (text) => ws.send(text),
    async next(type, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        while (cursor < received.length) {
          const message = received[cursor++]!;
          if (message.type === type) return message as never;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no ${type} message within ${timeoutMs} ms; got ${JSON.stringify(received)}`);
        await new Promise<void>((wake) => {
          const timer = setTimeout(wake, left);
          waiters.push(() => {
            clearTimeout(timer);
            wake();
          });
        });
      }
    },
    close: () =>
      new Promise<void>((done) => {
        if (ws.readyState === ws.CLOSED) return done();
        ws.once('close', () => done());
        ws.close();
      }),
  };
}
