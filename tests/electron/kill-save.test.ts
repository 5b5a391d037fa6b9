// Saves killed mid-write, for real: a child process saves two versions of a session to a real file over and
// over with the app's writeFileAtomic, and is killed with SIGKILL at every step of a save and at random moments
// between. After every kill the file is one whole version, and so is its backup; the next save leaves no temp file.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../electron/main/files';

/** Steps the child announces before doing them (kill-save-child.ts). */
const STEPS = ['temp', 'backup', 'sync-backup', 'rename-backup', 'rename', 'sync-folder', 'saved'] as const;
const KILLS_PER_STEP = 1;
/** Kills at a random time after the start, whatever the child is doing then. */
const RANDOM_KILLS = 5;

let folder: string;
let child: string;
let versionA: string;
let versionB: string;

/** A session-sized text that names its version on every line, so a mix of two versions can't pass as either. */
function version(name: string, lines: number): string {
  return Array.from({ length: lines }, (_, i) => `{"version":"${name}","line":${i},"fill":"${name.repeat(40)}"}`).join('\n');
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'wavelength-kill-'));
  // The child runs in plain Node: bundle it (and the app's files.ts) into one script.
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: resolve(import.meta.dirname, 'kill-save-child.ts'),
      outDir: join(folder, 'child'),
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'child.mjs' } },
    },
  });
  child = join(folder, 'child', 'child.mjs');
  // About 250 kB and 130 kB, as a large session file: different in length so a torn write shows.
  versionA = version('A', 2_400);
  versionB = version('B', 1_300);
  await writeFile(join(folder, 'A.txt'), versionA);
  await writeFile(join(folder, 'B.txt'), versionB);
}, 60_000);

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Start the child; kill it with SIGKILL a random 0–2 ms after it announces `step`, or (no step) 0–150 ms after its first step. */
function saveAndKillAt(target: string, step: (typeof STEPS)[number] | null): Promise<void> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [child, target, join(folder, 'A.txt'), join(folder, 'B.txt')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let killing = false;
    const lines = createInterface({ input: proc.stdout! });
    lines.on('line', (line) => {
      if (killing || (step !== null && line !== step)) return;
      killing = true;
      setTimeout(() => proc.kill('SIGKILL'), Math.random() * (step === null ? 150 : 2));
    });
    proc.on('error', fail);
    proc.on('exit', (_code, signal) => (signal === 'SIGKILL' ? done() : fail(new Error(`the child ended by itself (${signal ?? _code})`))));
  });
}

describe('a save killed at any moment', () => {
  it(
    'leaves the file and its backup each a whole version; the next save removes the temp files',
    async () => {
      const target = join(folder, 'Atlas.wavelength');
      await writeFile(target, versionA);
      await writeFile(`${target}.bak`, versionB);
      let leftBehind = 0;
      const kills = [...STEPS.flatMap((step) => Array<(typeof STEPS)[number] | null>(KILLS_PER_STEP).fill(step)), ...Array<null>(RANDOM_KILLS).fill(null)];
      for (const step of kills) {
        await saveAndKillAt(target, step);
        const text = await readFile(target, 'utf8');
        expect(text === versionA || text === versionB, `after a kill at "${step ?? 'random'}", the file is torn (${text.length} chars)`).toBe(true);
        const backup = await readFile(`${target}.bak`, 'utf8');
        expect(backup === versionA || backup === versionB, `after a kill at "${step ?? 'random'}", the backup is torn`).toBe(true);
        leftBehind += (await readdir(folder)).filter((name) => name.endsWith('.tmp')).length;
      }
      // The kills did land mid-save: some left temp files behind …
      expect(leftBehind).toBeGreaterThan(0);

      // … and the next save removes them all.
      await writeFileAtomic(target, 'the next save');
      expect(await readFile(target, 'utf8')).toBe('the next save');
      expect((await readdir(folder)).sort()).toEqual(['A.txt', 'Atlas.wavelength', 'Atlas.wavelength.bak', 'B.txt', 'child']);
    },
    60_000,
  );
});
