// The packaged app's `--export`: main started with the flags, the report page played by the fake.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBatchExport } from '../../electron/main/batch-export';
import { app, BrowserWindow, FakeWebContents, protocol, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeAll(async () => {
  await import('electron');
});

const savedArgv = process.argv;

/** Plays report.html: a session whose text starts with "good" loads, anything else is refused. */
function playReportPage(): void {
  FakeWebContents.pageScript = (code) => {
    const load = /^window\.__wavelengthReport\.load\((.*)\)$/s.exec(code);
    if (load) {
      const job = JSON.parse(load[1]!) as { sessionText: string };
      return job.sessionText.startsWith('good')
        ? { ok: true, title: job.sessionText, svg: `<svg>${job.sessionText}</svg>`, csv: `csv ${job.sessionText}` }
        : { ok: false, error: 'It is not a Wavelength file, or it is damaged.' };
    }
    if (code.startsWith('window.__wavelengthReport.png(2)')) return Buffer.from('PNG at 2x').toString('base64');
    return undefined;
  };
}

async function sessionsFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wavelength-app-export-'));
  await writeFile(join(dir, 'atlas.wavelength'), 'good atlas');
  await writeFile(join(dir, 'broken.wavelength'), '{"format":');
  await writeFile(join(dir, 'zeus.wavelength'), 'good zeus');
  return dir;
}

/** Resolves with the code main passes to app.exit. */
function exitCode(): Promise<number> {
  return vi.waitFor(() => {
    expect(app.exit).toHaveBeenCalledTimes(1);
    return app.exit.mock.calls[0]![0] as number;
  });
}

beforeEach(() => {
  resetFakeElectron();
  playReportPage();
});

afterEach(() => {
  process.argv = savedArgv;
});

describe('Wavelength --export', () => {
  it('exports the good sessions of a folder headlessly, names the broken one, and exits 1', async () => {
    const input = await sessionsFolder();
    const out = join(input, 'out');
    process.argv = ['/opt/Wavelength/wavelength', '--no-sandbox', '--export', input, '--out', out, '--lang', 'en'];
    const errors: string[] = [];
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    vi.resetModules();
    await import('../../electron/main/index');
    app.becomeReady();

    expect(await exitCode()).toBe(1);
    vi.restoreAllMocks();
    // No single-instance lock (an export may run beside the open app), no main window, every report window gone.
    expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(BrowserWindow.windows.map((w) => w.webContents.loadedUrl)).toEqual([
      'app://wavelength/report.html',
      'app://wavelength/report.html',
      'app://wavelength/report.html',
    ]);
    expect(BrowserWindow.getAllWindows()).toEqual([]);
    expect(protocol.handlers.has('app')).toBe(true);
    // The two good sessions, all four files each; the PDF from printToPDF of the report page.
    expect((await readdir(out)).sort()).toEqual(
      ['atlas.csv', 'atlas.pdf', 'atlas.png', 'atlas.svg', 'zeus.csv', 'zeus.pdf', 'zeus.png', 'zeus.svg'],
    );
    expect(await readFile(join(out, 'atlas.pdf'), 'utf8')).toBe('%PDF-fake app://wavelength/report.html');
    expect(await readFile(join(out, 'zeus.png'), 'utf8')).toBe('PNG at 2x');
    expect(await readFile(join(out, 'zeus.svg'), 'utf8')).toBe('<svg>good zeus</svg>');
    expect(BrowserWindow.windows[0]!.webContents.scripts[0]).toContain('"options":{"paper":"a4","language":"en"}');
    expect(lines.join('\n')).toContain('Exported 2 session(s); 1 failed.');
    expect(lines.join('\n')).toContain(`broken.wavelength: It is not a Wavelength file, or it is damaged.`);
  });

  it('exits 0 when everything was exported', async () => {
    const input = await sessionsFolder();
    const done = startBatchExport(
      { kind: 'export', args: { inputs: [join(input, 'atlas.wavelength')], out: join(input, 'out'), language: 'de', paper: 'a4' } },
      { preloadPath: '/p.cjs', devServerUrl: undefined, rendererDir: '/r', log: () => undefined },
    );
    // Nothing happens before the app is ready.
    expect(BrowserWindow.windows).toEqual([]);
    app.becomeReady();
    await expect(done).resolves.toBe(0);
    expect(app.exit).toHaveBeenCalledWith(0);
    expect((await readdir(join(input, 'out'))).sort()).toEqual(['atlas.csv', 'atlas.pdf', 'atlas.png', 'atlas.svg']);
  });

  it('prints the usage and exits 2 for a wrong command line, without touching anything', async () => {
    const errors: string[] = [];
    const done = startBatchExport(
      { kind: 'error', message: 'Say where the files go: --out <folder>.' },
      { preloadPath: '/p.cjs', devServerUrl: undefined, rendererDir: '/r', log: () => undefined, logError: (l) => errors.push(l) },
    );
    app.becomeReady();
    await expect(done).resolves.toBe(2);
    expect(app.exit).toHaveBeenCalledWith(2);
    expect(errors[0]).toBe('Say where the files go: --out <folder>.');
    expect(errors[1]).toMatch(/^Usage: npm run export/);
    expect(BrowserWindow.windows).toEqual([]);
  });

  it('keeps the app alive while report windows come and go (no quit on window-all-closed)', async () => {
    void startBatchExport({ kind: 'help' }, { preloadPath: '/p.cjs', devServerUrl: undefined, rendererDir: '/r', log: () => undefined });
    app.emit('window-all-closed');
    expect(app.quit).not.toHaveBeenCalled();
  });
});
