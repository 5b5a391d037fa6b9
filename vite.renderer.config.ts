import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from './shared/csp';

/** Writes the app's CSP into index.html so the browser build obeys it too. */
function contentSecurityPolicy(): Plugin {
  let policy = CONTENT_SECURITY_POLICY;
  return {
    name: 'wavelength-csp',
    configResolved(config) {
      if (config.command === 'serve') policy = DEV_CONTENT_SECURITY_POLICY;
    },
    transformIndexHtml(_html, context) {
      // The participant page gets its (stricter) policy as a header from the room server, which knows its own host.
      if (context.filename.endsWith('participant.html')) return [];
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }];
    },
  };
}

/** The app's version for the About dialog, from package.json at build time (the browser build has no app.getVersion()). */
const appVersion = (JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string }).version;

export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  // Relative asset URLs: the bundle works from app://, from a file layout and from any web path.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    // Minified, as a plain Vite build does: electron-vite turns it off for the renderer by default, and the
    // participant page travels over the meeting room's Wi-Fi to every phone (about 2 MB of script unminified).
    minify: true,
    // Fonts and images stay files: nothing is inlined that CSP would have to allow.
    assetsInlineLimit: 0,
    // The room server serves the participant page and exactly its files, found through the manifest (room/static-files.ts).
    manifest: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'renderer/index.html'),
        // The printable report, a page of its own (renderer/report/main.tsx, shared/report-job.ts).
        report: resolve(import.meta.dirname, 'renderer/report.html'),
        // The page phones and laptops open from the local room (renderer/participant/).
        participant: resolve(import.meta.dirname, 'renderer/participant.html'),
      },
    },
  },
};
