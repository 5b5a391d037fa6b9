#!/usr/bin/env node
// `npm run export -- <session.wavelength | folder>… --out <folder> [--lang de|en] [--paper a4|letter]`
//
// Writes <name>.pdf, .png, .svg and .csv of every session through the built
// report page (out/renderer: run `npm run build` first; nothing is built
// here) in headless Chromium. Exit code 0 when all exported, 1 when any
// session failed (the others are still written), 2 for a wrong command line
// or a missing build or Chromium.
//
// The work is in scripts/export-cli.ts, which shares its loop and file rules
// with the packaged app's --export (batch/). Node's own TypeScript support
// can't resolve its extensionless imports, so it is loaded with Vite's
// runnerImport — Vite is already the build tool here, it transpiles in
// memory and writes nothing.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

try {
  const { module } = await runnerImport(resolve(root, 'scripts/export-cli.ts'), { configFile: false, logLevel: 'error', root });
  process.exitCode = await module.main(process.argv.slice(2), root);
} catch (error) {
  console.error(`Export failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
}
