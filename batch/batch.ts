/**
 * The batch export's loop, the same for `npm run export` (headless Chromium
 * through Playwright) and the packaged app's `--export` (a hidden Electron
 * window): find the session files, hand each to the report page, write its
 * PDF, PNG, SVG and CSV. A file that fails is reported with its reason and
 * the others are still exported. Plain Node; the page is behind BatchRenderer.
 */
import { readdir, stat, mkdir } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { SESSION_EXTENSION } from '../shared/contract';
import { readSessionFile, writeFileAtomic } from '../electron/main/files';
import type { ReportJob } from '../shared/report-job';
import type { ExportArgs } from './args';

/** What the report page made of one session. */
export interface RenderedSession {
  readonly pdf: Uint8Array;
  readonly png: Uint8Array;
  readonly svg: string;
  readonly csv: string;
}

/** Thrown by a renderer when the page refuses the session; the message says why. */
export class ReportRefusedError extends Error {
  override name = 'ReportRefusedError';
}

export interface BatchRenderer {
  render(job: ReportJob): Promise<RenderedSession>;
}

/** The PNG scale of batch exports: sharp on a projector and in slides. */
export const BATCH_PNG_SCALE = 2;

export const OUTPUT_EXTENSIONS = ['pdf', 'png', 'svg', 'csv'] as const;

export interface BatchFailure {
  readonly file: string;
  readonly reason: string;
}

export interface BatchReport {
  /** Every file written, in order. */
  readonly written: readonly string[];
  readonly exported: readonly string[];
  readonly failed: readonly BatchFailure[];
}

export type Log = (line: string) => void;

/**
 * The session files an input names: the file itself, or every
 * `.wavelength` file directly in a folder (sorted by name, so runs are
 * repeatable). An input that is neither is a failure of its own.
 */
export async function collectSessionFiles(inputs: readonly string[]): Promise<{ files: string[]; failed: BatchFailure[] }> {
  const files: string[] = [];
  const failed: BatchFailure[] = [];
  for (const input of inputs) {
    const path = resolve(input);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      failed.push({ file: input, reason: describeFsError(error, 'does not exist') });
      continue;
    }
    if (info.isDirectory()) {
      const names = (await readdir(path, { withFileTypes: true }))
        .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(`.${SESSION_EXTENSION}`))
        .map((e) => e.name)
        .sort((a, b) => a.localeCompare(b));
      if (names.length === 0) failed.push({ file: input, reason: `The folder holds no .${SESSION_EXTENSION} files.` });
      files.push(...names.map((n) => join(path, n)));
    } else {
      files.push(path);
    }
  }
  return { files, failed };
}

/** "Projekt Atlas.wavelength" → "Projekt Atlas"; a second "Projekt Atlas" in one run → "Projekt Atlas (2)". */
export function outputStem(file: string, taken: Set<string>): string {
  const name = basename(file);
  const ext = extname(name);
  const stem = (ext ? name.slice(0, -ext.length) : name) || 'session';
  let candidate = stem;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

export async function runBatch(args: ExportArgs, renderer: BatchRenderer, log: Log): Promise<BatchReport> {
  const outDir = resolve(args.out);
  await mkdir(outDir, { recursive: true });
  const { files, failed: inputFailures } = await collectSessionFiles(args.inputs);
  const failed: BatchFailure[] = [...inputFailures];
  for (const f of inputFailures) log(`✗ ${f.file}: ${f.reason}`);
  const written: string[] = [];
  const exported: string[] = [];
  const taken = new Set<string>();

  for (const file of files) {
    const read = await readSessionFile(file);
    if (!read.ok) {
      failed.push({ file, reason: read.detail });
      log(`✗ ${file}: ${read.detail}`);
      continue;
    }
    try {
      const rendered = await renderer.render({
        sessionText: read.text,
        options: { paper: args.paper, language: args.language },
        roundId: null,
      });
      const stem = outputStem(file, taken);
      const outputs: [string, string | Uint8Array][] = [
        ['pdf', rendered.pdf],
        ['png', rendered.png],
        ['svg', rendered.svg],
        ['csv', rendered.csv],
      ];
      for (const [ext, data] of outputs) {
        const target = join(outDir, `${stem}.${ext}`);
        // An export is made again from its session at will: no .bak beside it.
        await writeFileAtomic(target, data, { backup: false });
        written.push(target);
      }
      exported.push(file);
      log(`✓ ${file} → ${join(outDir, stem)}.{${OUTPUT_EXTENSIONS.join(',')}}`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failed.push({ file, reason });
      log(`✗ ${file}: ${reason}`);
    }
  }
  return { written, exported, failed };
}

/** 0 when everything was exported, 1 when anything failed (or there was nothing to export). */
export function batchExitCode(report: BatchReport): number {
  return report.failed.length > 0 || report.exported.length === 0 ? 1 : 0;
}

export function summarizeBatch(report: BatchReport): string {
  const lines = [`Exported ${report.exported.length} session(s); ${report.failed.length} failed.`];
  for (const f of report.failed) lines.push(`  failed: ${f.file}: ${f.reason}`);
  return lines.join('\n');
}

function describeFsError(error: unknown, fallback: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'No such file or folder.';
  if (code === 'EACCES' || code === 'EPERM') return 'Permission denied.';
  return error instanceof Error ? error.message : fallback;
}
