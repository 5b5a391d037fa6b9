/**
 * `npm run room`: the browser build and the room server together on a
 * laptop (scripts/room.mjs loads this). Prints the facilitator's link; the
 * participant room listens only once the facilitator opens it in the app.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startRoomHost } from './host';
import { listAddresses } from './addresses';

export async function main(args: readonly string[], root: string): Promise<number> {
  const bundleDir = resolve(root, 'out/renderer');
  if (!existsSync(resolve(bundleDir, '.vite/manifest.json'))) {
    console.error('The build is missing: run `npm run build` first (npm run room does it for you).');
    return 2;
  }
  const portArg = args.indexOf('--port');
  const appPort = portArg >= 0 ? Number(args[portArg + 1]) : 4173;
  const roomPortArg = args.indexOf('--room-port');
  const roomPort = roomPortArg >= 0 ? Number(args[roomPortArg + 1]) : undefined;
  const host = await startRoomHost({ bundleDir, appPort, roomPort });
  const addresses = listAddresses();
  console.log('');
  console.log('Wavelength with the local room');
  console.log('');
  console.log(`  Open this link in your browser (this computer only):`);
  console.log(`  ${host.appUrl}`);
  console.log('');
  console.log(`  Listening now: 127.0.0.1:${new URL(host.origin).port} (loopback only; not reachable from the network).`);
  console.log('  When you open a room in the app, the participant page listens on port 8321 (or a free one)');
  console.log(`  on this computer's network addresses (${addresses.map((a) => `${a.address} ${a.interfaceName}`).join(', ') || 'none found'}),`);
  console.log('  until you close the room or stop this command (Ctrl+C).');
  console.log('');
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  console.log('Room closed, nothing listens any more.');
  return 0;
}
