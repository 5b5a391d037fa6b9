/**
 * The page's link to one of its drawing workers (the live stroke's, the
 * room screen's layers'), made on first use. When the worker cannot load or
 * crashes, everyone using it is told and draws on the page instead.
 */
export class WorkerLink<Message> {
  private worker: Worker | null = null;
  private failed = false;
  private readonly failureListeners = new Set<() => void>();

  constructor(private readonly create: () => Worker) {}

  /** Whether the worker is there (made on first use): not in a browser without one, nor after it failed. */
  available(): boolean {
    if (this.failed) return false;
    if (this.worker) return true;
    if (typeof Worker !== 'function' || typeof OffscreenCanvas !== 'function' || typeof HTMLCanvasElement.prototype.transferControlToOffscreen !== 'function') {
      this.failed = true;
      return false;
    }
    try {
      this.worker = this.create();
    } catch {
      this.failed = true;
      return false;
    }
    this.worker.addEventListener('error', (event) => {
      // Failed to load (missing file, refused by a CSP) or crashed: from now on the page draws itself.
      event.preventDefault();
      this.failed = true;
      this.worker?.terminate();
      this.worker = null;
      for (const listener of this.failureListeners) listener();
    });
    return true;
  }

  post(message: Message, transfer: Transferable[] = []): void {
    this.worker?.postMessage(message, transfer);
  }

  onFailure(listener: () => void): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }
}
