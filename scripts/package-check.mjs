#!/usr/bin/env node
// `npm run package:check`: the packaging configuration, checked offline.
//
// electron-builder downloads Electron for the target platform, so real
// packaging needs the internet. This runs the same electron-builder with the
// same electron-builder.yml, `--linux dir`, against a stand-in "unpacked
// Electron" folder (electronDist) whose binary holds nothing but Electron's
// fuse wire, and then reads back what a real package would get:
//
//   - the fuses flipped in the packaged binary (electronFuses),
//   - app.asar holding out/main, out/preload and out/renderer, no node_modules,
//   - main and preload importing nothing but electron and Node built-ins.
//
// Exit code 0 when all holds, 1 otherwise. Needs `npm run build` first (the
// npm script does it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'wavelength-package-'));
const problems = [];

try {
  // The stand-in Electron: Electron's fuse sentinel, wire version 1, eight fuses at Electron's defaults.
  const dist = join(work, 'electron-dist');
  mkdirSync(join(dist, 'resources'), { recursive: true });
  const electronVersion = JSON.parse(readFileSync(resolve(root, 'node_modules/electron/package.json'), 'utf8')).version;
  writeFileSync(join(dist, 'electron'), Buffer.concat([Buffer.alloc(256), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX\u0001\u000810110001', 'latin1'), Buffer.alloc(256)]), { mode: 0o755 });
  writeFileSync(join(dist, 'version'), electronVersion);
  writeFileSync(join(dist, 'LICENSE'), 'stand-in');

  const output = join(work, 'release');
  const builder = spawnSync(
    'npx',
    ['--no', '--', 'electron-builder', '--linux', 'dir', `-c.electronDist=${dist}`, `-c.electronVersion=${electronVersion}`, `-c.directories.output=${output}`],
    { cwd: root, stdio: 'inherit' },
  );
  if (builder.status !== 0) throw new Error(`electron-builder failed (exit ${builder.status})`);

  const appDir = join(output, 'linux-unpacked');
  const wire = await getCurrentFuseWire(join(appDir, 'wavelength'));
  const want = {
    RunAsNode: '0',
    EnableNodeOptionsEnvironmentVariable: '0',
    EnableNodeCliInspectArguments: '0',
    EnableCookieEncryption: '1',
    EnableEmbeddedAsarIntegrityValidation: '1',
    OnlyLoadAppFromAsar: '1',
    GrantFileProtocolExtraPrivileges: '0',
  };
  for (const [fuse, state] of Object.entries(want)) {
    const actual = String.fromCharCode(wire[FuseV1Options[fuse]]);
    console.log(`fuse ${fuse}: ${actual === '1' ? 'on' : 'off'}`);
    if (actual !== state) problems.push(`fuse ${fuse} is ${actual}, should be ${state}`);
  }

  const asar = join(appDir, 'resources', 'app.asar');
  const entries = listPackage(asar).map((entry) => entry.replaceAll('\\', '/'));
  for (const needed of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/out/renderer/report.html', '/package.json']) {
    if (!entries.includes(needed)) problems.push(`app.asar lacks ${needed}`);
  }
  if (entries.some((entry) => entry.startsWith('/node_modules'))) problems.push('app.asar ships node_modules');
  for (const file of ['out/main/index.js', 'out/preload/index.cjs']) {
    const code = extractFile(asar, file).toString('utf8');
    for (const match of code.matchAll(/(?:require\(|\bfrom\s*|\bimport\s*\(?)\s*["']([^"'./][^"']*)["']/g)) {
      const name = match[1];
      if (name !== 'electron' && !name.startsWith('node:') && !builtinModules.includes(name)) problems.push(`${file} imports "${name}", which the package does not ship`);
    }
  }
  console.log(`app.asar: ${entries.length} entries`);
} catch (error) {
  problems.push(error instanceof Error ? error.message : String(error));
} finally {
  rmSync(work, { recursive: true, force: true });
}

for (const problem of problems) console.error(`✗ ${problem}`);
console.log(problems.length === 0 ? 'The packaging configuration holds.' : `${problems.length} problem(s) in the packaging configuration.`);
process.exitCode = problems.length === 0 ? 0 : 1;
