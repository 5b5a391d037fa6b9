/**
 * The child process of kill-save.test.ts: saves two versions of a session
 * to one real file, one after another, forever, with the app's own
 * writeFileAtomic — until the test kills it with SIGKILL. Before each step of
 * a save it writes the step's name to stdout (synchronously, so the line is
 * out before the step starts) and waits a moment, which lets the test kill it
 * at every step.
 *
 *   node child.mjs <target> <version A file> <version B file>
 */
import { readFileSync, writeSync } from 'node:fs';
import { nodeSaveFs, writeFileAtomic, type SaveFs } from '../../electron/main/files';

const [target, aPath, bPath] = process.argv.slice(2) as [string, string, string];
const versions = [readFileSync(aPath, 'utf8'), readFileSync(bPath, 'utf8')];

/** Blocks this process for `ms`: the test's kill lands while the step is still to come, however fast the disk. */
const pause = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

const mark = (step: string): void => {
  writeSync(1, `${step}\n`);
  pause(3);
};

const fs: SaveFs = {
  ...nodeSaveFs,
  open: ((path: string, flags: string, mode?: number) => {
    mark(flags === 'wx' ? 'temp' : flags === 'r+' ? 'sync-backup' : 'sync-folder');
    return nodeSaveFs.open(path, flags, mode);
  }) as SaveFs['open'],
  copyFile: (from, to, mode) => {
    mark('backup');
    return nodeSaveFs.copyFile(from, to, mode);
  },
  rename: (from, to) => {
    mark(String(to).endsWith('.bak') ? 'rename-backup' : 'rename');
    return nodeSaveFs.rename(from, to);
  },
};

for (let i = 0; ; i++) {
  await writeFileAtomic(target, versions[i % 2]!, { fs });
  mark('saved');
}
