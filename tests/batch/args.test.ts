import { describe, expect, it } from 'vitest';
import { parseExportArgs } from '../../batch/args';

describe('parseExportArgs for npm run export', () => {
  it('takes inputs, the out folder, language and paper', () => {
    expect(parseExportArgs(['a.wavelength', 'samples', '--out', 'pdfs', '--lang', 'en', '--paper', 'letter'], 'script')).toEqual({
      kind: 'export',
      args: { inputs: ['a.wavelength', 'samples'], out: 'pdfs', language: 'en', paper: 'letter' },
    });
  });

  it('defaults to German on A4 and accepts --flag=value', () => {
    expect(parseExportArgs(['--out=dist', 'a.wavelength'], 'script')).toEqual({
      kind: 'export',
      args: { inputs: ['a.wavelength'], out: 'dist', language: 'de', paper: 'a4' },
    });
    expect(parseExportArgs(['a', '--out', 'o', '--lang=EN', '--paper=A4'], 'script')).toMatchObject({ args: { language: 'en', paper: 'a4' } });
  });

  it('says what is wrong', () => {
    expect(parseExportArgs(['--out', 'o'], 'script')).toEqual({ kind: 'error', message: 'Name at least one session file or folder to export.' });
    expect(parseExportArgs(['a.wavelength'], 'script')).toEqual({ kind: 'error', message: 'Say where the files go: --out <folder>.' });
    expect(parseExportArgs(['a', '--out'], 'script')).toEqual({ kind: 'error', message: '--out needs a value.' });
    expect(parseExportArgs(['a', '--out', '--lang', 'de'], 'script')).toEqual({ kind: 'error', message: '--out needs a value.' });
    expect(parseExportArgs(['a', '--out', 'o', '--lang', 'fr'], 'script')).toEqual({ kind: 'error', message: '--lang must be de or en, not “fr”.' });
    expect(parseExportArgs(['a', '--out', 'o', '--paper', 'a3'], 'script')).toEqual({ kind: 'error', message: '--paper must be a4 or letter, not “a3”.' });
    expect(parseExportArgs(['a', '--out', 'o', '--colour'], 'script')).toEqual({ kind: 'error', message: 'Unknown option --colour.' });
    expect(parseExportArgs(['a', '--out', 'o', '--out', 'p'], 'script')).toEqual({ kind: 'error', message: '--out is given twice.' });
  });

  it('answers --help with the usage', () => {
    expect(parseExportArgs(['--help'], 'script')).toEqual({ kind: 'help' });
  });
});

describe('parseExportArgs for the packaged app', () => {
  it('does nothing without --export, whatever else Electron was started with', () => {
    expect(parseExportArgs(['/opt/Wavelength/wavelength'], 'app')).toEqual({ kind: 'none' });
    expect(parseExportArgs(['.', '--no-sandbox', '--enable-logging'], 'app')).toEqual({ kind: 'none' });
  });

  it('reads --export and --out among Chromium switches and the app path, ignoring both', () => {
    expect(
      parseExportArgs(['.', '--no-sandbox', '--export', 'retro.wavelength', '--out', '/tmp/out', '--paper', 'letter', '--export=more'], 'app'),
    ).toEqual({ kind: 'export', args: { inputs: ['retro.wavelength', 'more'], out: '/tmp/out', language: 'de', paper: 'letter' } });
  });

  it('refuses --export without --out', () => {
    expect(parseExportArgs(['--export', 'retro.wavelength'], 'app')).toEqual({ kind: 'error', message: 'Say where the files go: --out <folder>.' });
  });
});
