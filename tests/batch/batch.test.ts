// The batch export's loop on real files, with the report page played by a fake renderer.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchExitCode, outputStem, ReportRefusedError, runBatch, type BatchRenderer } from '../../batch/batch';
import type { ReportJob } from '../../shared/report-job';

/** Plays the report page: refuses anything that is not a "session", echoes the rest. */
function fakeRenderer(jobs: ReportJob[] = []): BatchRenderer {
  return {
    async render(job) {
      jobs.push(job);
      if (!job.sessionText.startsWith('session:')) throw new ReportRefusedError('It is not a Wavelength file.');
      const name = job.sessionText.slice('session:'.length);
      return { pdf: Buffer.from(`%PDF ${name}`), png: Buffer.from(`PNG ${name}`), svg: `<svg>${name}</svg>`, csv: `csv,${name}\r\n` };
    },
  };
}

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wavelength-batch-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('runBatch', () => {
  it('exports every session of a folder, names the broken one with its reason, and still writes the others', async () => {
    const input = await folderWith({
      'b-retro.wavelength': 'session:B',
      'a-retro.wavelength': 'session:A',
      'broken.wavelength': '{"format": "wavelength-sess',
      'notes.txt': 'not a session file, not looked at',
    });
    const out = join(await mkdtemp(join(tmpdir(), 'wavelength-out-')), 'nested', 'out');
    const lines: string[] = [];
    const jobs: ReportJob[] = [];
    const report = await runBatch({ inputs: [input], out, language: 'en', paper: 'letter' }, fakeRenderer(jobs), (l) => lines.push(l));

    expect(report.exported).toEqual([join(input, 'a-retro.wavelength'), join(input, 'b-retro.wavelength')]);
    expect(report.failed).toEqual([{ file: join(input, 'broken.wavelength'), reason: 'It is not a Wavelength file.' }]);
    expect(batchExitCode(report)).toBe(1);
    expect((await readdir(out)).sort()).toEqual(
      ['a-retro.csv', 'a-retro.pdf', 'a-retro.png', 'a-retro.svg', 'b-retro.csv', 'b-retro.pdf', 'b-retro.png', 'b-retro.svg'],
    );
    expect(await readFile(join(out, 'a-retro.pdf'), 'utf8')).toBe('%PDF A');
    expect(await readFile(join(out, 'b-retro.svg'), 'utf8')).toBe('<svg>B</svg>');
    // Options reach the page; the chart shows the first round with curves.
    expect(jobs[0]).toMatchObject({ options: { language: 'en', paper: 'letter' }, roundId: null });
    expect(lines.find((l) => l.includes('broken.wavelength'))).toMatch(/^✗ .*broken\.wavelength: It is not a Wavelength file\.$/);
  });

  it('exits 0 when every session was exported, and overwrites an earlier export without a .bak', async () => {
    const input = await folderWith({ 'retro.wavelength': 'session:R' });
    const out = await mkdtemp(join(tmpdir(), 'wavelength-out-'));
    await writeFile(join(out, 'retro.pdf'), 'old');
    const report = await runBatch({ inputs: [join(input, 'retro.wavelength')], out, language: 'de', paper: 'a4' }, fakeRenderer(), () => undefined);
    expect(batchExitCode(report)).toBe(0);
    expect(await readFile(join(out, 'retro.pdf'), 'utf8')).toBe('%PDF R');
    expect((await readdir(out)).sort()).toEqual(['retro.csv', 'retro.pdf', 'retro.png', 'retro.svg']);
  });

  it('reports inputs that do not exist, folders without sessions and unreadable files', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'wavelength-empty-'));
    const input = await folderWith({ 'latin1.wavelength': '' });
    await writeFile(join(input, 'latin1.wavelength'), Buffer.from([0x7b, 0xe4, 0x7d])); // "{ä}" in Latin-1: not UTF-8
    await mkdir(join(input, 'sub.wavelength')); // a folder with a session's name is skipped
    const out = await mkdtemp(join(tmpdir(), 'wavelength-out-'));
    const report = await runBatch(
      { inputs: [join(empty, 'missing.wavelength'), empty, input], out, language: 'de', paper: 'a4' },
      fakeRenderer(),
      () => undefined,
    );
    expect(report.failed).toEqual([
      { file: join(empty, 'missing.wavelength'), reason: 'No such file or folder.' },
      { file: empty, reason: 'The folder holds no .wavelength files.' },
      { file: join(input, 'latin1.wavelength'), reason: 'The file is not UTF-8 text.' },
    ]);
    expect(batchExitCode(report)).toBe(1);
    expect(await readdir(out)).toEqual([]);
  });
});

describe('outputStem', () => {
  it('drops the extension and keeps two sessions of the same name apart', () => {
    const taken = new Set<string>();
    expect(outputStem('/a/Projekt Atlas.wavelength', taken)).toBe('Projekt Atlas');
    expect(outputStem('/b/projekt atlas.wavelength', taken)).toBe('projekt atlas (2)');
    expect(outputStem('/c/Projekt Atlas.wavelength', taken)).toBe('Projekt Atlas (3)');
  });
});
