import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession, serializeSession } from '../../renderer/domain';
import { buildSession, line, pt } from './sessionBuilder';
import { checkSessionFile, type Verdict } from './fuzz/checkSessionFile';
import { findNonFinite } from './fuzz/findNonFinite';
import { generateHostileFile } from './fuzz/hostileSessions';
import { createRandom, fileSeed } from './fuzz/random';

/**
 * Issue 9: no file the app accepts can break it. A few thousand hostile files
 * (mutated samples and fixtures) go through parseSessionFile; each must be
 * refused with a typed error or analyse to finite numbers (checkSessionFile
 * says what exactly is checked).
 *
 * `npm test` runs a fixed seed, so CI is repeatable; `npm run fuzz` runs
 * 10,000 files from a fresh seed (scripts/fuzz.mjs). To replay a failure:
 *   WAVELENGTH_FUZZ_SEED=<seed> WAVELENGTH_FUZZ_ONLY=<index> npx vitest run --project unit tests/domain/sessionFuzz.test.ts
 */
const ROOT = resolve(import.meta.dirname, '../..');
const FILES = Number(process.env['WAVELENGTH_FUZZ_FILES'] ?? 2000);
const SEED = Number(process.env['WAVELENGTH_FUZZ_SEED'] ?? 20261127);
const ONLY = process.env['WAVELENGTH_FUZZ_ONLY'] === undefined ? null : Number(process.env['WAVELENGTH_FUZZ_ONLY']);
/** Failing files are written here to be opened in the app or replayed. */
const FAILURES_DIR = join(ROOT, 'reports', 'fuzz');

function baseFiles(): string[] {
  const samples = join(ROOT, 'assets', 'samples');
  const texts = readdirSync(samples)
    .filter((name) => name.endsWith('.wavelength'))
    .map((name) => readFileSync(join(samples, name), 'utf8'));
  texts.push(readFileSync(join(ROOT, 'tests', 'fixtures', 'v1-two-teams.wavelength'), 'utf8'));
  // A small one with every team role and a perception round, so mutations reach every part of the analysis.
  const small = buildSession({
    people: [
      { id: 'pt_s', team: 'sales', curve: { r1: [pt(0, 0.2), pt(0.5, 0.9), pt(1, 0.4)], r2: line(0, 0.3, 1, 0.6) } },
      { id: 'pt_p', team: 'ps', curve: { r1: line(0.4, 0.3, 1, 0.8), r2: line(0, 0.7, 1, 0.2) } },
      { id: 'pt_c', team: 'customer', curve: { r1: line(0.1, 0.5, 0.9, 0.5) } },
    ],
    rounds: [
      { id: 'r1', kind: 'experienced', question: 'q1' },
      { id: 'r2', kind: 'otherTeam', question: 'q2' },
    ],
  });
  texts.push(serializeSession(small), serializeSession(createSession('en', '2026-11-27')));
  return texts;
}

interface Failure {
  readonly index: number;
  readonly recipe: readonly string[];
  readonly problems: readonly string[];
  readonly file: string;
}

describe('hostile session files', () => {
  // About 4 ms a file on a laptop; the timeout only stops a hang.
  const timeout = 60_000 + FILES * 20;
  it(`are refused with a typed error or analyse to finite numbers (${ONLY === null ? FILES : 1} files, seed ${SEED})`, { timeout }, () => {
    const bases = baseFiles();
    const failures: Failure[] = [];
    const outcomes = new Map<string, number>();
    const indices = ONLY === null ? Array.from({ length: FILES }, (_, i) => i) : [ONLY];
    for (const index of indices) {
      const hostile = generateHostileFile(createRandom(fileSeed(SEED, index)), bases);
      const verdict: Verdict = checkSessionFile(hostile.text);
      const outcome = verdict.outcome === null ? 'threw' : verdict.outcome.accepted ? 'accepted' : verdict.outcome.kind;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      if (verdict.problems.length === 0) continue;
      mkdirSync(FAILURES_DIR, { recursive: true });
      const file = join(FAILURES_DIR, `seed-${SEED}-file-${index}.wavelength`);
      writeFileSync(file, hostile.text);
      failures.push({ index, recipe: hostile.recipe, problems: verdict.problems.slice(0, 5), file });
    }
    const summary = [...outcomes].map(([k, n]) => `${k} ${n}`).join(', ');
    if (failures.length > 0 || process.env['WAVELENGTH_FUZZ_VERBOSE']) console.log(`fuzz seed ${SEED}: ${summary}`);
    const report = failures
      .slice(0, 10)
      .map((f) => `  file ${f.index} (${f.recipe.join(' / ')}):\n    ${f.problems.join('\n    ')}\n    written to ${f.file}`)
      .join('\n');
    expect(
      failures,
      `${failures.length} hostile files broke the promise. Seed ${SEED}; replay one with WAVELENGTH_FUZZ_SEED=${SEED} WAVELENGTH_FUZZ_ONLY=<index>.\n${report}`,
    ).toEqual([]);
    if (ONLY === null) {
      // Not vacuous: a good share must get past validation to reach the maths, and some must be refused.
      expect(outcomes.get('accepted') ?? 0, summary).toBeGreaterThan(FILES * 0.2);
      expect(FILES - (outcomes.get('accepted') ?? 0), summary).toBeGreaterThan(FILES * 0.2);
    }
  });
});

describe('findNonFinite, the check the fuzz test rests on', () => {
  it('names the path of the first NaN or Infinity, however deep and in whatever container', () => {
    expect(findNonFinite({ a: [1, { b: new Map([['k', [0, Number.NaN]]]) }] })).toBe('a.1.b.k.1 = NaN');
    expect(findNonFinite({ teams: [{ mean: new Float64Array([0.5, -Infinity]) }] })).toBe('teams.0.mean.1 = -Infinity');
    expect(findNonFinite(new Set([1, Infinity]))).toBe('1 = Infinity');
    expect(findNonFinite(Number.NaN)).toBe('(root) = NaN');
  });

  it('passes finite data, nulls, strings and cycles', () => {
    const cyclic: Record<string, unknown> = { x: 1, label: 'NaN', missing: null };
    cyclic['self'] = cyclic;
    expect(findNonFinite(cyclic)).toBeNull();
    expect(findNonFinite([0, -0, Number.MAX_VALUE, Number.MIN_VALUE, undefined])).toBeNull();
  });
});
