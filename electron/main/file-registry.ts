import { randomBytes } from 'node:crypto';

/**
 * A file the renderer may name by its id: where it is, and whether main may
 * write there without asking.
 *
 * - `writable`: the user picked it in this run (Open or Save dialog, or the OS
 *   handed it over as a .wavelength file to open);
 * - `askFirst`: main only remembered it (the autosave of an earlier run names
 *   it). Saving with such an id shows the Save dialog, starting at that file;
 *   only the user's choice there becomes writable.
 */
export interface RegisteredFile {
  readonly path: string;
  readonly writable: boolean;
}

/**
 * The only place file paths live: main hands the renderer opaque random ids
 * for paths, and accepts nothing but those ids back. The renderer can
 * therefore never name a path of its own choosing, and a path that came from
 * a file on disk (autosave.json) never becomes writable on its own.
 */
export class FileRegistry {
  private readonly filesById = new Map<string, RegisteredFile>();
  private readonly idsByPath = new Map<string, string>();

  /** The user chose `path` in this run: the id of it, writable from now on. The same path keeps its id. */
  register(path: string): string {
    return this.put(path, true);
  }

  /**
   * A path only remembered from disk: the id of it; saving asks first. If the
   * user chose the path in this run already, that writable id.
   */
  remember(path: string): string {
    return this.put(path, false);
  }

  /** The file behind an id, or undefined when main never handed that id out. */
  fileOf(id: string): RegisteredFile | undefined {
    return this.filesById.get(id);
  }

  /** The path behind an id, whatever main may do with it. */
  pathOf(id: string): string | undefined {
    return this.filesById.get(id)?.path;
  }

  private put(path: string, writable: boolean): string {
    const known = this.idsByPath.get(path);
    if (known !== undefined) {
      const file = this.filesById.get(known)!;
      if (writable && !file.writable) this.filesById.set(known, { path, writable: true });
      return known;
    }
    const id = randomBytes(16).toString('hex');
    this.filesById.set(id, { path, writable });
    this.idsByPath.set(path, id);
    return id;
  }
}
