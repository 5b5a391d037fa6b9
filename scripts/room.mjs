#!/usr/bin/env node
// `npm run room [-- --port 4173] [-- --room-port 8321]`: serves the built web app on 127.0.0.1 together
// with the local room server (room/cli.ts). `npm run room` builds first.
// Node 20 cannot run TypeScript, so room/cli.ts is loaded with Vite's runnerImport (as scripts/export.mjs does).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
try {
  const { module } = await runnerImport(resolve(root, 'room/cli.ts'), { configFile: false, logLevel: 'error', root });
  process.exitCode = await module.main(process.argv.slice(2), root);
} catch (error) {
  console.error(`The room could not start: ${error?.stack ?? error}`);
  process.exitCode = 1;
}
