import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { hardenContents, hardenSession, windowOptions } from '../../electron/main/windows';
import { fakeEvent, FakeWebContents, resetFakeElectron, session } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const DEV_SERVER = 'http://localhost:5173/';

beforeEach(() => resetFakeElectron());

describe('windowOptions', () => {
  it('isolates, sandboxes and never integrates Node into the page', () => {
    const options = windowOptions('main', '/app/out/preload/index.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      additionalArguments: ['--wavelength-role=main'],
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('tells each preload its window role; the report window gets no preload at all', () => {
    expect(windowOptions('presenter', '/p.cjs').webPreferences).toMatchObject({ preload: '/p.cjs', additionalArguments: ['--wavelength-role=presenter'] });
    const report = windowOptions('report', '/p.cjs').webPreferences!;
    expect(report).not.toHaveProperty('preload');
    expect(report).not.toHaveProperty('additionalArguments');
    expect(report).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it('stays hidden until ready to show and has a usable minimum size', () => {
    const options = windowOptions('main', '/p.cjs');
    expect(options.show).toBe(false);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(600);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});

function hardened(devServerUrl?: string): FakeWebContents {
  const contents = new FakeWebContents();
  hardenContents(contents as unknown as WebContents, devServerUrl);
  return contents;
}

function navigate(contents: FakeWebContents, eventName: string, url: string): boolean {
  const event = fakeEvent({ url });
  contents.emit(eventName, event, url);
  return event.defaultPrevented;
}

describe('hardenContents', () => {
  it.each(['will-navigate', 'will-frame-navigate'])('denies every %s in the packaged app', (eventName) => {
    const contents = hardened();
    expect(navigate(contents, eventName, 'https://evil.example/')).toBe(true);
    expect(navigate(contents, eventName, 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, eventName, 'app://wavelength/other.html')).toBe(true);
    expect(navigate(contents, eventName, DEV_SERVER)).toBe(true);
  });

  it('lets the dev server reload its own page in dev, and nothing else', () => {
    const contents = hardened(DEV_SERVER);
    expect(navigate(contents, 'will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'http://localhost:5174/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
  });

  it('denies window.open and target=_blank', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://wavelength/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const contents = hardened();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const ses = session.defaultSession;
    hardenSession(ses as unknown as Session, undefined);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen']) {
      const callback = vi.fn();
      ses.permissionRequestHandler?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(ses.permissionCheckHandler?.({}, permission, 'app://wavelength', {})).toBe(false);
    }
  });

  it('cancels every http(s)/ws request in the packaged app', () => {
    const ses = session.defaultSession;
    hardenSession(ses as unknown as Session, undefined);
    expect(ses.beforeRequest?.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*']));
    for (const url of ['https://fonts.example/inter.woff2', 'http://localhost:5173/', 'ws://localhost:5173/']) {
      const callback = vi.fn();
      ses.beforeRequest?.listener({ url }, callback);
      expect(callback).toHaveBeenCalledWith({ cancel: true });
    }
  });

  it('lets only the dev server through in dev', () => {
    const ses = session.defaultSession;
    hardenSession(ses as unknown as Session, DEV_SERVER);
    const decide = (url: string): unknown => {
      const callback = vi.fn();
      ses.beforeRequest?.listener({ url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('http://localhost:5173/src/main.tsx')).toEqual({ cancel: false });
    expect(decide('ws://localhost:5173/')).toEqual({ cancel: false });
    expect(decide('https://telemetry.example/')).toEqual({ cancel: true });
  });
});
