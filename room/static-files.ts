/**
 * The participant page and exactly the files it loads, found through Vite's
 * build manifest: the room serves these and nothing else of the bundle, so a
 * device on the network can't even fetch the facilitator's app.
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';

/** The entry of the renderer build (vite.renderer.config.ts) that devices load. */
export const PARTICIPANT_ENTRY = 'participant.html';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticFile {
  readonly path: string;
  readonly type: string;
}

interface ManifestChunk {
  file: string;
  css?: string[];
  assets?: string[];
  imports?: string[];
}

/** URL path ("/assets/x.js") → file on disk; "/" is the page itself. */
export function participantFiles(bundleDir: string): Map<string, StaticFile> {
  const manifest = JSON.parse(readFileSync(resolve(bundleDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const files = new Map<string, StaticFile>();
  const add = (relative: string) => {
    const type = MIME[extname(relative)];
    // Only what a browser needs; a source map or anything unexpected is not served.
    if (type) files.set(`/${relative}`, { path: resolve(bundleDir, relative), type });
  };
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is missing from the build manifest: build first`);
    add(chunk.file);
    for (const css of chunk.css ?? []) {
      add(css);
      // Fonts referenced from CSS are not always listed as assets of the chunk.
      for (const match of readFileSync(resolve(bundleDir, css), 'utf8').matchAll(/url\((?:"|')?(?:\.\/|\/)?([^)"'?#]+)/g)) {
        add(`assets/${match[1]!.replace(/^assets\//, '')}`);
      }
    }
    for (const asset of chunk.assets ?? []) add(asset);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(PARTICIPANT_ENTRY);
  // The manifest names the page's script, not the page: it is served at "/", the address people type.
  files.set('/', { path: resolve(bundleDir, PARTICIPANT_ENTRY), type: MIME['.html']! });
  return files;
}
