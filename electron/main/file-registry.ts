import { randomBytes } from 'node:crypto';

/**
 * The only place file paths live: main hands the renderer opaque random ids
 * for paths the user picked in a native dialog, and accepts nothing but those
 * ids back. The renderer can therefore never name a path of its own choosing.
 */
export class FileRegistry {
  private readonly pathsById = new Map<string, string>();
  private readonly idsByPath = new Map<string, string>();

  /** The id of `path`, minting one the first time; the same path keeps its id. */
  register(path: string): string {
    const known = this.idsByPath.get(path);
    if (known !== undefined) return known;
    const id = randomBytes(16).toString('hex');
    this.pathsById.set(id, path);
    this.idsByPath.set(path, id);
    return id;
  }

  /** The path behind an id, or undefined when main never handed that id out. */
  pathOf(id: string): string | undefined {
    return this.pathsById.get(id);
  }
}
