/**
 * The presenter window: the room view, full screen on the display the
 * facilitator picks (or main's suggestion, see presenter-display.ts). Same
 * window options, preload and page as the main window; the page shows the
 * room view because of `?view=presenter`. Main relays the room state from the
 * facilitator's window to it and keeps no other state of the workshop.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserWindow, screen, type BrowserWindowConstructorOptions, type Display } from 'electron';
import type { PresenterDisplay, PresenterStatus, RoomState } from '../../shared/contract';
import { writeFileAtomic } from './files';
import { IpcArgumentError, IpcSenderError } from './ipc-errors';
import { rendererUrl } from './main-window';
import {
  choosePresenterDisplay,
  MAX_PLACEMENT_BYTES,
  parsePlacement,
  PLACEMENT_FILE_NAME,
  serializePlacement,
  type DisplayFacts,
  type PresenterPlacement,
  type Rect,
  type SavedPlacement,
} from './presenter-display';
import { sendEvent, type WindowRoles } from './window-roles';
import { windowOptions } from './windows';

export interface PresenterDeps {
  preloadPath: string;
  devServerUrl: string | undefined;
  /** Where the remembered display is kept: app.getPath('userData'). */
  dataDir: string;
  roles: WindowRoles;
}

/** The URL of the room view: the app's page with `?view=presenter`. */
export function presenterUrl(devServerUrl: string | undefined): string {
  const url = new URL(rendererUrl(devServerUrl));
  url.searchParams.set('view', 'presenter');
  return url.toString();
}

/** The main window's options from windowOptions(), placed on the chosen display and full screen. */
export function presenterWindowOptions(preloadPath: string, bounds: Rect): BrowserWindowConstructorOptions {
  return {
    ...windowOptions('presenter', preloadPath),
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    fullscreen: true,
    // No menu bar on the room screen (Windows, Linux); the facilitator's window has it.
    autoHideMenuBar: true,
  };
}

export class PresenterWindows {
  private win: BrowserWindow | null = null;
  private owner: BrowserWindow | null = null;
  private displayId: number | null = null;
  private latest: { state: RoomState; from: BrowserWindow } | null = null;
  private readonly watchedForFullScreen = new WeakSet<BrowserWindow>();
  private readonly closeWithOwner = () => this.close();
  /** Closing because the display went away: then the window's last place is not worth remembering. */
  private displayGone = false;

  constructor(private readonly deps: PresenterDeps) {
    // The projector is unplugged: close the room view rather than let it land on the laptop's screen.
    screen.on('display-removed', (_event, display) => {
      if (display.id !== this.displayId) return;
      this.displayGone = true;
      this.close();
    });
  }

  /** The presenter window, while open. */
  get window(): BrowserWindow | null {
    return this.win;
  }

  isPresenter(win: BrowserWindow): boolean {
    return this.win !== null && win === this.win;
  }

  /** The facilitator window the presenter belongs to (menu commands from the presenter window go there). */
  get facilitator(): BrowserWindow | null {
    return this.owner;
  }

  status(): PresenterStatus {
    return { open: this.win !== null, displayId: this.win ? this.displayId : null };
  }

  async listDisplays(owner: BrowserWindow): Promise<PresenterDisplay[]> {
    const facts = displayFacts();
    const mainDisplayId = displayOf(owner);
    const suggestion = choosePresenterDisplay(facts, await this.loadPlacement(), mainDisplayId);
    return screen.getAllDisplays().map((d) => ({
      id: d.id,
      name: typeof d.label === 'string' ? d.label.slice(0, 200) : '',
      width: d.size.width,
      height: d.size.height,
      primary: facts.find((f) => f.id === d.id)?.primary ?? false,
      internal: d.internal === true,
      hasMainWindow: d.id === mainDisplayId,
      suggested: d.id === suggestion?.displayId,
    }));
  }

  /** Open the room view on `displayId` (null: the suggestion), or move it there when it is open. */
  async open(owner: BrowserWindow, displayId: number | null): Promise<PresenterStatus> {
    const facts = displayFacts();
    const saved = await this.loadPlacement();
    let placement: PresenterPlacement | null;
    if (displayId === null) {
      placement = choosePresenterDisplay(facts, saved, displayOf(owner));
    } else {
      const chosen = facts.filter((d) => d.id === displayId);
      if (chosen.length === 0) throw new IpcArgumentError('Unknown display.');
      // The saved bounds still count when they are on the chosen display.
      placement = choosePresenterDisplay(chosen, saved, null);
    }
    if (!placement) throw new Error('There is no display to present on.');

    this.adopt(owner);
    if (this.win) this.moveTo(this.win, placement.bounds);
    else this.win = this.create(placement.bounds);
    this.displayId = placement.displayId;
    await this.savePlacement({ displayId: placement.displayId, bounds: placement.bounds });
    this.notify();
    return this.status();
  }

  close(): void {
    this.win?.close();
  }

  /** A room state from the facilitator: keep it for a presenter that opens later, and pass it on. */
  publish(sender: BrowserWindow, state: RoomState): void {
    if (this.isPresenter(sender)) throw new IpcSenderError('The presenter window does not publish room states.');
    if (this.win && this.owner && sender !== this.owner) {
      throw new IpcSenderError('Only the window that opened the presenter publishes to it.');
    }
    this.latest = { state, from: sender };
    if (this.win && !this.win.isDestroyed()) sendEvent(this.win.webContents, 'roomState', state);
  }

  /** The latest room state, for the presenter window as it starts. */
  currentState(sender: BrowserWindow): RoomState | null {
    if (!this.isPresenter(sender)) throw new IpcSenderError('Only the presenter window reads the room state.');
    return this.latest && this.latest.from === this.owner ? this.latest.state : null;
  }

  /** Single-screen present mode: full screen for the asking window; it hears when that changes. */
  setFullScreen(win: BrowserWindow, on: boolean): void {
    if (!this.watchedForFullScreen.has(win)) {
      this.watchedForFullScreen.add(win);
      const tell = (value: boolean) => () => {
        if (!win.isDestroyed()) sendEvent(win.webContents, 'fullScreenChange', value);
      };
      win.on('enter-full-screen', tell(true));
      win.on('leave-full-screen', tell(false));
    }
    win.setFullScreen(on);
  }

  private create(bounds: Rect): BrowserWindow {
    const win = new BrowserWindow(presenterWindowOptions(this.deps.preloadPath, bounds));
    this.deps.roles.assign(win, 'presenter');
    win.removeMenu();
    // The room view holds nothing of its own: a crashed one is simply loaded again and asks for the latest state.
    win.webContents.on('render-process-gone', (_event, details: { reason: string }) => {
      if (details.reason === 'clean-exit' || win.isDestroyed()) return;
      console.warn(`The presenter window's page is gone (${details.reason}); reloading it.`);
      win.webContents.reload();
    });
    // Shown without taking the focus: the facilitator's keys keep going to the facilitator's window.
    win.once('ready-to-show', () => win.showInactive());
    win.on('close', () => {
      // Remember where the room view was when it closed (the user may have moved it),
      // unless its display was unplugged: the OS has already moved it somewhere else.
      if (this.displayGone) return;
      const display = screen.getDisplayMatching(win.getBounds()) as Display | undefined;
      if (display) void this.savePlacement({ displayId: display.id, bounds: win.isFullScreen() ? display.bounds : win.getBounds() });
    });
    win.on('closed', () => {
      if (this.win !== win) return;
      this.win = null;
      this.displayGone = false;
      this.displayId = null;
      this.notify();
      this.owner?.removeListener('closed', this.closeWithOwner);
      this.owner = null;
    });
    void win.loadURL(presenterUrl(this.deps.devServerUrl)).catch((error: unknown) => {
      console.error('Could not load the presenter view.', error);
    });
    return win;
  }

  private moveTo(win: BrowserWindow, bounds: Rect): void {
    // Most platforms move a full-screen window only after it leaves full screen.
    win.setFullScreen(false);
    win.setBounds(bounds);
    win.setFullScreen(true);
  }

  /** The presenter belongs to `owner` from now on and closes with it. */
  private adopt(owner: BrowserWindow): void {
    if (this.owner === owner) return;
    this.owner?.removeListener('closed', this.closeWithOwner);
    this.owner = owner;
    owner.once('closed', this.closeWithOwner);
  }

  private notify(): void {
    const owner = this.owner;
    if (owner && !owner.isDestroyed()) sendEvent(owner.webContents, 'presenterStatus', this.status());
  }

  private get placementPath(): string {
    return join(this.deps.dataDir, PLACEMENT_FILE_NAME);
  }

  private async loadPlacement(): Promise<SavedPlacement | null> {
    try {
      const text = await readFile(this.placementPath, 'utf8');
      return text.length > MAX_PLACEMENT_BYTES ? null : parsePlacement(text);
    } catch {
      // Never saved, or unreadable: nothing is remembered.
      return null;
    }
  }

  /** Resolves once every placement write started so far is on disk (before quitting, in tests). */
  idle(): Promise<void> {
    return this.writes;
  }

  private writes: Promise<void> = Promise.resolve();

  /** Writes one after another, so a quick close after an open can't interleave two writes of the file. */
  private savePlacement(placement: SavedPlacement): Promise<void> {
    this.writes = this.writes.then(async () => {
      try {
        await writeFileAtomic(this.placementPath, serializePlacement(placement));
      } catch (error) {
        // Forgetting the display is no reason to fail presenting.
        console.warn('Could not remember the presenter display:', error instanceof Error ? error.message : error);
      }
    });
    return this.writes;
  }
}

function displayFacts(): DisplayFacts[] {
  const primaryId = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d) => ({ id: d.id, bounds: { ...d.bounds }, primary: d.id === primaryId, internal: d.internal === true }));
}

function displayOf(win: BrowserWindow): number | null {
  return win.isDestroyed() ? null : screen.getDisplayMatching(win.getBounds()).id;
}
