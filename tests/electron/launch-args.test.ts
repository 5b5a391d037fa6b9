import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isSessionPath, launchRequestForPath, launchRequestFromArgv } from '../../electron/main/launch-args';

const cwd = resolve('/home/anna/retros');
const packaged = { skip: 1, cwd };
const atlas = resolve(cwd, 'Atlas.wavelength');

describe('launchRequestFromArgv', () => {
  it('finds nothing in a plain start, packaged or as `electron .`', () => {
    expect(launchRequestFromArgv(['/opt/Wavelength/wavelength'], packaged)).toEqual({ kind: 'none' });
    expect(launchRequestFromArgv(['/usr/lib/electron', '.'], { skip: 2, cwd })).toEqual({ kind: 'none' });
  });

  it('finds a session file and makes its path absolute against the working directory', () => {
    expect(launchRequestFromArgv(['wavelength', 'Atlas.wavelength'], packaged)).toEqual({ kind: 'session', path: atlas });
    expect(launchRequestFromArgv(['wavelength', '../Beta.WAVELENGTH'], packaged)).toEqual({
      kind: 'session',
      path: resolve('/home/anna/Beta.WAVELENGTH'),
    });
    expect(launchRequestFromArgv(['wavelength', atlas], { skip: 1, cwd: '/' })).toEqual({ kind: 'session', path: atlas });
  });

  it("skips Electron's own leading arguments: the app path of `electron .` is not a file to open", () => {
    expect(launchRequestFromArgv(['/usr/lib/electron', '.', 'Atlas.wavelength'], { skip: 2, cwd })).toEqual({ kind: 'session', path: atlas });
    expect(launchRequestFromArgv(['/usr/lib/electron', 'out/main/index.js'], { skip: 2, cwd })).toEqual({ kind: 'none' });
  });

  it('skips Chromium switches and the macOS process serial number', () => {
    const argv = ['wavelength', '--allow-file-access-from-files', '--original-process-start-time=1337', '-psn_0_12345', 'Atlas.wavelength'];
    expect(launchRequestFromArgv(argv, packaged)).toEqual({ kind: 'session', path: atlas });
  });

  it('opens nothing in batch-export mode, and never takes a batch flag’s value for a file', () => {
    expect(launchRequestFromArgv(['wavelength', '--export', 'Atlas.wavelength', '--out', 'pdf'], packaged)).toEqual({ kind: 'none' });
    expect(launchRequestFromArgv(['wavelength', '--export=Atlas.wavelength', '--out=pdf'], packaged)).toEqual({ kind: 'none' });
    expect(launchRequestFromArgv(['wavelength', '--lang', 'de', '--out', 'x.wavelength'], packaged)).toEqual({ kind: 'none' });
  });

  it('takes a file:// URL, as a Linux desktop entry passes it (%U)', () => {
    const url = pathToFileURL(resolve('/home/anna/Meine Retros/Atlas.wavelength')).href;
    expect(url).toContain('%20');
    expect(launchRequestFromArgv(['wavelength', url], packaged)).toEqual({
      kind: 'session',
      path: resolve('/home/anna/Meine Retros/Atlas.wavelength'),
    });
  });

  it('ignores URLs of other schemes', () => {
    expect(launchRequestFromArgv(['wavelength', 'https://evil.example/Atlas.wavelength'], packaged)).toEqual({ kind: 'none' });
  });

  it('reports a file that is not a session, so the user hears why nothing opened', () => {
    expect(launchRequestFromArgv(['wavelength', 'notes.txt'], packaged)).toEqual({ kind: 'notSession', path: resolve(cwd, 'notes.txt') });
    expect(launchRequestFromArgv(['wavelength', 'Atlas.wavelength.bak'], packaged)).toMatchObject({ kind: 'notSession' });
  });

  it('prefers the first session file over other files', () => {
    expect(launchRequestFromArgv(['wavelength', 'notes.txt', 'Atlas.wavelength', 'Beta.wavelength'], packaged)).toEqual({
      kind: 'session',
      path: atlas,
    });
  });

  it('takes everything after -- as a file name, even when it starts with a dash', () => {
    expect(launchRequestFromArgv(['wavelength', '--', '-Atlas.wavelength'], packaged)).toEqual({
      kind: 'session',
      path: resolve(cwd, '-Atlas.wavelength'),
    });
  });
});

describe('launchRequestForPath (macOS open-file)', () => {
  it('tells session files from others', () => {
    expect(launchRequestForPath('/Users/anna/Atlas.wavelength', cwd)).toEqual({ kind: 'session', path: resolve('/Users/anna/Atlas.wavelength') });
    expect(launchRequestForPath('/Users/anna/Atlas.pdf', cwd)).toEqual({ kind: 'notSession', path: resolve('/Users/anna/Atlas.pdf') });
    expect(launchRequestForPath('', cwd)).toEqual({ kind: 'none' });
  });

  it('knows the extension case-insensitively', () => {
    expect(isSessionPath('A.Wavelength')).toBe(true);
    expect(isSessionPath('A.wavelength.json')).toBe(false);
  });
});
