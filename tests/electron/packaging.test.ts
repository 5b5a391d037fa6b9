// The packaged app's Electron fuses: read from electron-builder.yml with electron-builder's own config loader
// (what `npm run package` reads), then flipped by @electron/fuses (what electron-builder calls) in a stand-in
// binary with Electron's default fuse wire, and read back.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** electron-builder.yml's key for each fuse, as electron-builder maps them (platformPackager generateFuseConfig). */
const FUSE_KEYS = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
} as const;

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults: RunAsNode, NODE_OPTIONS, --inspect and file:// privileges on; the rest off. */
const DEFAULT_WIRE = '10110001';

let folder: string;
let fuses: Record<string, boolean | undefined>;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'wavelength-fuses-'));
  const config = await getConfig(ROOT, null, null);
  fuses = (config.electronFuses ?? {}) as Record<string, boolean | undefined>;
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the packaged app’s Electron fuses', () => {
  it('are all set in the packaging config, none left to Electron’s defaults', () => {
    expect(Object.keys(fuses).sort()).toEqual(Object.keys(FUSE_KEYS).sort());
  });

  it('turn off running as Node, NODE_OPTIONS and --inspect; turn on cookie encryption, asar integrity, loading from asar only', () => {
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('end up so in the binary when flipped the way electron-builder flips them', async () => {
    const binary = join(folder, 'wavelength');
    await writeFile(binary, Buffer.concat([Buffer.alloc(64), Buffer.from(`${SENTINEL}\u0001\u0008${DEFAULT_WIRE}`, 'latin1'), Buffer.alloc(64)]));
    const wanted = Object.fromEntries(Object.entries(fuses).map(([key, on]) => [FUSE_KEYS[key as keyof typeof FUSE_KEYS], on]));
    await flipFuses(binary, { version: FuseVersion.V1, ...wanted });

    const wire = await getCurrentFuseWire(binary);
    const state = (fuse: FuseV1Options) => String.fromCharCode(wire[fuse] as number);
    expect(state(FuseV1Options.RunAsNode)).toBe('0');
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe('1');
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0');
  });

  it('only make sense with the app in an asar archive, which the config asks for', async () => {
    const config = await getConfig(ROOT, null, null);
    expect(config.asar).toBe(true);
  });
});

describe('supported versions', () => {
  it('Electron is pinned to one of the three majors Electron supports (43–45 as of November 2026), Node to an LTS', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
      engines: { node: string };
    };
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(pkg.devDependencies.electron!.split('.')[0])).toBeGreaterThanOrEqual(43);
    // Electron 45 and the build tools want Node 22.12 or newer; the types follow the Node 24 toolchain.
    expect(pkg.engines.node).toBe('>=22.12');
    expect(pkg.devDependencies['@types/node']).toMatch(/^24\./);
  });
});
