import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { resolveAppRequest } from '../../electron/main/protocol';
import { registerAppProtocol, registerAppScheme, serveAppRequest } from '../../electron/main/protocol-electron';
import { protocol, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let root: string;
let bundleDir: string;

beforeAll(() => {
  // A bundle folder with a secret file beside it that traversal would reach.
  root = mkdtempSync(join(tmpdir(), 'wavelength-protocol-'));
  bundleDir = join(root, 'renderer');
  mkdirSync(join(bundleDir, 'assets'), { recursive: true });
  writeFileSync(join(bundleDir, 'index.html'), '<!doctype html><title>Wavelength</title>');
  writeFileSync(join(bundleDir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(bundleDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(bundleDir, 'assets', 'inter.woff2'), 'font');
  writeFileSync(join(bundleDir, 'assets', 'weird.bin'), 'bytes');
  writeFileSync(join(root, 'secret.txt'), 'not for the renderer');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveAppRequest', () => {
  it('serves index.html with the CSP header and an HTML content type', () => {
    const result = resolveAppRequest('app://wavelength/index.html', bundleDir);
    expect(result).toEqual({
      status: 200,
      filePath: join(bundleDir, 'index.html'),
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });

  it('treats "/" as index.html and ignores query and fragment', () => {
    expect(resolveAppRequest('app://wavelength/', bundleDir)).toMatchObject({ status: 200, filePath: join(bundleDir, 'index.html') });
    expect(resolveAppRequest('app://wavelength/index.html?x=1#top', bundleDir)).toMatchObject({ status: 200 });
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['assets/inter.woff2', 'font/woff2'],
    ['assets/weird.bin', 'application/octet-stream'],
  ])('serves %s as %s', (path, type) => {
    const result = resolveAppRequest(`app://wavelength/${path}`, bundleDir);
    expect(result.status).toBe(200);
    if (result.status === 200) {
      expect(result.headers['Content-Type']).toBe(type);
      expect(result.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it.each([
    'app://wavelength/../secret.txt',
    'app://wavelength/%2e%2e/secret.txt',
    'app://wavelength/..%2fsecret.txt',
    'app://wavelength/..%5csecret.txt',
    'app://wavelength/assets/..%2f..%2fsecret.txt',
    'app://wavelength/%2e%2e%2fsecret.txt',
  ])('never serves a file outside the bundle: %s', (url) => {
    const result = resolveAppRequest(url, bundleDir);
    expect(result.status).not.toBe(200);
  });

  it('refuses encoded separators that climb out of the bundle with 403', () => {
    expect(resolveAppRequest('app://wavelength/..%2fsecret.txt', bundleDir)).toEqual({ status: 403 });
    expect(resolveAppRequest('app://wavelength/assets/..%2f..%2fsecret.txt', bundleDir)).toEqual({ status: 403 });
  });

  it.each([
    'app://evil/index.html',
    'app://wavelength.example/index.html',
    'app://wavelength:8080/index.html',
    'https://wavelength/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses other schemes and hosts with 403: %s', (url) => {
    expect(resolveAppRequest(url, bundleDir)).toEqual({ status: 403 });
  });

  it('refuses NUL bytes and malformed escapes with 403', () => {
    expect(resolveAppRequest('app://wavelength/index.html%00.js', bundleDir)).toEqual({ status: 403 });
    expect(resolveAppRequest('app://wavelength/%E0%A4%A', bundleDir)).toEqual({ status: 403 });
  });

  it('answers 404 for missing files and for folders', () => {
    expect(resolveAppRequest('app://wavelength/missing.js', bundleDir)).toEqual({ status: 404 });
    expect(resolveAppRequest('app://wavelength/assets', bundleDir)).toEqual({ status: 404 });
  });
});

describe('the app:// scheme in Electron', () => {
  beforeEach(() => resetFakeElectron());

  it('is registered as standard, secure and fetchable, without bypassing CSP', () => {
    registerAppScheme();
    expect(protocol.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the bundle with the CSP header through protocol.handle', async () => {
    registerAppProtocol(bundleDir);
    const handler = protocol.handlers.get('app');
    expect(handler).toBeDefined();
    const response = (await handler!({ url: 'app://wavelength/index.html', method: 'GET' })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('<!doctype html><title>Wavelength</title>');
  });

  it('answers traversal with 403 and no body, other methods with 405', async () => {
    const traversal = await serveAppRequest({ url: 'app://wavelength/..%2fsecret.txt', method: 'GET' }, bundleDir);
    expect(traversal.status).toBe(403);
    expect(await traversal.text()).toBe('');
    const post = await serveAppRequest({ url: 'app://wavelength/index.html', method: 'POST' }, bundleDir);
    expect(post.status).toBe(405);
  });
});
