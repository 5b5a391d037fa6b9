import { describe, expect, it } from 'vitest';
import { ensureSessionExtension, sanitizeSessionFileName } from '../../shared/file-names';
import { FileRegistry } from '../../electron/main/file-registry';

describe('sanitizeSessionFileName', () => {
  it.each([
    ['Projekt Atlas', 'Projekt Atlas.wavelength'],
    ['Projekt Atlas.wavelength', 'Projekt Atlas.wavelength'],
    ['Atlas.WAVELENGTH', 'Atlas.wavelength'],
    ['../../etc/passwd', 'etc passwd.wavelength'],
    ['C:\\Users\\x\\evil', 'C Users x evil.wavelength'],
    ['Q3: "Atlas" <final>?', 'Q3 Atlas final.wavelength'],
    ['tab\there\nnewline', 'tab here newline.wavelength'],
    ['  ...hidden. ', 'hidden.wavelength'],
    ['', 'Session.wavelength'],
    ['///', 'Session.wavelength'],
    ['CON', '_CON.wavelength'],
    ['Übergabe 😀', 'Übergabe 😀.wavelength'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeSessionFileName(input)).toBe(expected);
  });

  it('caps the length', () => {
    expect(sanitizeSessionFileName('x'.repeat(5000))).toBe(`${'x'.repeat(200)}.wavelength`);
  });
});

describe('ensureSessionExtension', () => {
  it('adds the extension only when missing', () => {
    expect(ensureSessionExtension('/a/b')).toBe('/a/b.wavelength');
    expect(ensureSessionExtension('/a/b.json')).toBe('/a/b.json.wavelength');
    expect(ensureSessionExtension('/a/b.Wavelength')).toBe('/a/b.Wavelength');
  });
});

describe('FileRegistry', () => {
  it('hands out random ids, stable per path, and knows only those', () => {
    const registry = new FileRegistry();
    const a = registry.register('/home/u/a.wavelength');
    const b = registry.register('/home/u/b.wavelength');
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).not.toBe(a);
    expect(registry.register('/home/u/a.wavelength')).toBe(a);
    expect(registry.pathOf(a)).toBe('/home/u/a.wavelength');
    expect(registry.pathOf('/home/u/a.wavelength')).toBeUndefined();
    expect(registry.pathOf('constructor')).toBeUndefined();
  });
});
