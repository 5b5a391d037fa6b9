#!/usr/bin/env node
// `npm run fuzz`: the hostile-file fuzz test of `npm test`
// (tests/domain/sessionFuzz.test.ts) for longer, from a fresh seed.
//
//   npm run fuzz                         10,000 files, a random seed
//   npm run fuzz -- --files 50000        more files
//   npm run fuzz -- --seed 123456        replay a run (the seed is printed)
//
// Failing files are written to reports/fuzz/.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '10000' },
    seed: { type: 'string' },
  },
});
const files = Number(values.files);
const seed = values.seed === undefined ? randomInt(0, 2 ** 32) : Number(values.seed);
if (!Number.isInteger(files) || files < 1) throw new Error(`--files must be a positive whole number, got ${values.files}`);
if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new Error(`--seed must be a whole number from 0 to 2^32 − 1, got ${values.seed}`);

console.log(`Fuzzing ${files} hostile session files, seed ${seed} (replay: npm run fuzz -- --files ${files} --seed ${seed})`);
const root = fileURLToPath(new URL('..', import.meta.url));
const child = spawn('npx', ['--no', '--', 'vitest', 'run', '--project', 'unit', 'tests/domain/sessionFuzz.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, WAVELENGTH_FUZZ_FILES: String(files), WAVELENGTH_FUZZ_SEED: String(seed), WAVELENGTH_FUZZ_VERBOSE: '1' },
});
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
