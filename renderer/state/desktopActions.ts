import { MAX_SESSION_BYTES, SESSION_EXTENSION } from '../../shared/contract';
import { parseSessionFile, startNextRetro } from '../domain';
import { decodeSessionBytes, tooLarge } from '../platform/session-file';
import { confirmDiscardOrSave, openExternalFile, type FileContext } from './fileActions';
import { replaceSession, todayIso } from './store';

/**
 * "New retro from this one": the current session's timeline, teams and
 * participants in a fresh, untitled session with the open action items
 * carried over (domain/nextRetro.ts). Unsaved changes are asked about first,
 * as for New; the new session starts unsaved, so closing asks and the
 * autosave keeps it.
 */
export async function newRetroFromThis(ctx: FileContext): Promise<boolean> {
  if (!(await confirmDiscardOrSave(ctx))) return false;
  const previous = ctx.store.getState().session;
  const next = startNextRetro(previous, todayIso());
  replaceSession(ctx.store, next, { fileId: null, fileName: null }, { unsaved: true });
  ctx.store.setState({ notice: { kind: 'nextRetroStarted', from: previous.project.name, carried: next.actions.length } });
  return true;
}

/** A recent file (start screen): the host reads it again; it opens like a file from the OS. */
export async function openRecentFile(ctx: FileContext, recentId: string): Promise<boolean> {
  if (!ctx.platform.recent) return false;
  const result = await ctx.platform.recent.open(recentId);
  return openExternalFile(ctx, result);
}

/** What a drop on the window carried: its files' names and a way to read each one's bytes. */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
  bytes(): Promise<Uint8Array>;
}

/** Names Open accepts: session files, and JSON (a session renamed by a mail client). */
function isOpenableName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith(`.${SESSION_EXTENSION}`) || lower.endsWith('.json');
}

/**
 * A file dropped on the window, read in the page (the host never learns a
 * path from a drop) and taken through the same checks as Open: name, size,
 * UTF-8, the file format. A wrong or broken file is refused with a notice
 * before anything is asked, and the open session stays as it was; a good one
 * asks about unsaved changes first. It opens as an unnamed copy: Save asks
 * where, so the page never writes to a file it was only shown.
 */
export async function openDroppedFiles(ctx: FileContext, files: readonly DroppedFile[]): Promise<boolean> {
  if (files.length === 0) return false;
  if (files.length > 1) {
    ctx.store.setState({ notice: { kind: 'dropRefused', reason: 'several', fileName: '' } });
    return false;
  }
  const file = files[0]!;
  if (!isOpenableName(file.name)) {
    ctx.store.setState({ notice: { kind: 'dropRefused', reason: 'notSession', fileName: file.name } });
    return false;
  }
  let decoded;
  try {
    // Refused before reading: a huge file should not be loaded into memory first.
    decoded = file.size > MAX_SESSION_BYTES ? tooLarge(file.size) : decodeSessionBytes(await file.bytes());
  } catch (error) {
    decoded = { ok: false as const, reason: 'unreadable' as const, detail: error instanceof Error ? error.message : String(error) };
  }
  if (!decoded.ok) {
    ctx.store.setState({ notice: { kind: 'readFailed', fileName: file.name, reason: decoded.reason, detail: decoded.detail } });
    return false;
  }
  const parsed = parseSessionFile(decoded.text);
  if (!parsed.ok) {
    ctx.store.setState({ notice: { kind: 'openFailed', fileName: file.name, error: parsed.error } });
    return false;
  }
  if (!(await confirmDiscardOrSave(ctx))) return false;
  replaceSession(ctx.store, parsed.session, { fileId: null, fileName: file.name }, { unsaved: parsed.repairs.length > 0 });
  ctx.store.setState({ notice: { kind: 'opened', fileName: file.name, repairs: parsed.repairs } });
  return true;
}

/**
 * Copy the chart of the current question as a picture: the same PNG as the
 * export (2×, labels in the UI language), put on the clipboard by the host.
 */
export async function copyChartImage(ctx: FileContext): Promise<void> {
  const state = ctx.store.getState();
  try {
    // The report code (SVG, PNG) loads on first use, as for the export.
    const { makeChartPngOf } = await import('../report/chartExports');
    const png = await makeChartPngOf(state.session, state.roundId, state.language, 2);
    const result = await ctx.platform.copyImage(png);
    switch (result.kind) {
      case 'copied':
        ctx.store.setState({ notice: { kind: 'chartCopied' } });
        return;
      case 'unsupported':
        ctx.store.setState({ notice: { kind: 'chartCopyUnsupported' } });
        return;
      case 'error':
        ctx.store.setState({ notice: { kind: 'chartCopyFailed', problem: result.problem, detail: result.detail } });
        return;
    }
  } catch (error) {
    // Making the picture failed in the page (a canvas the browser refused, a font that did not load).
    ctx.store.setState({ notice: { kind: 'chartCopyFailed', problem: 'failed', detail: error instanceof Error ? error.name : String(error) } });
  }
}
