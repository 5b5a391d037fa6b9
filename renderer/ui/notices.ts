import type { TFunction } from 'i18next';
import type { SessionFileError, SessionRepair } from '../domain';
import { saveAsHelpsWith, type CommandId, type FileNotice } from '../state';

/** How many repairs an "Opened …" message names before "and N more changes". */
const REPAIRS_NAMED = 3;

/** One clause per repair loading made (SessionRepair), in the user's language. */
export function describeRepair(t: TFunction, repair: SessionRepair): string {
  switch (repair.kind) {
    case 'pointsMerged':
    case 'curveRemoved': {
      const name = repair.participantName.trim() || t('safety.repairs.someone');
      const where = repair.round === null ? '' : t('safety.repairs.inRound', { round: repair.round });
      return repair.kind === 'pointsMerged'
        ? t('safety.repairs.pointsMerged', { count: repair.merged, name, where })
        : t('safety.repairs.curveRemoved', { name, where });
    }
    case 'phasesWidened':
      return t('safety.repairs.phasesWidened', {
        count: repair.phaseNames.length,
        names: repair.phaseNames.map((text) => t('safety.repairs.quoted', { text })).join(', '),
      });
    case 'charactersRemoved':
      return t('safety.repairs.charactersRemoved', { count: repair.count });
  }
}

/** "To open it, Wavelength changed …: a; b; and 2 more changes." — empty without repairs. */
export function describeRepairs(t: TFunction, repairs: readonly SessionRepair[]): string {
  if (repairs.length === 0) return '';
  const named = repairs.slice(0, REPAIRS_NAMED).map((r) => describeRepair(t, r));
  const rest = repairs.length - named.length;
  if (rest > 0) named.push(t('safety.repairs.more', { count: rest }));
  return `${t('safety.repairs.intro')} ${named.join('; ')}.`;
}

/** Why the chart could not be copied, in the user's language; the system's own name for a refusal in brackets. */
export function describeCopyProblem(t: (key: string, options?: Record<string, unknown>) => string, problem: 'notAPicture' | 'refused' | 'failed', detail: string): string {
  return `${t(`desktop.copy.problems.${problem}`)}${osReason(t, detail || null)} ${t('desktop.copy.instead')}`;
}

/** One sentence per file problem, in the user's language. */
export function describeFileError(t: TFunction, error: SessionFileError): string {
  switch (error.kind) {
    case 'notJson':
      return t('fileErrors.notJson');
    case 'notASessionFile':
      return t('fileErrors.notASessionFile');
    case 'versionTooNew':
      return t('fileErrors.versionTooNew', { found: error.found, supported: error.supported });
    case 'migrationFailed':
      return t('fileErrors.migrationFailed', { version: error.fromVersion, detail: error.detail });
    case 'invalid':
      return t('fileErrors.invalid', { problems: error.problems.join('; ') });
  }
}

/** The OS's code of a failure, added to the sentence ("(System: ENOSPC)"); '' when there is none. */
/** The OS's code for a failed write, added to the sentence in the UI language (also for exports). */
export const osReason = (t: (key: string, options?: Record<string, unknown>) => string, code: string | null): string => (code ? ` ${t('files.notices.osReason', { code })}` : '');

/**
 * A notice's sentence, and the command that helps (Save as… for a file that
 * can't be written), if any. `stays`: the message waits to be dismissed
 * rather than fading, because it says something the user has to read (every
 * error, and what opening mended).
 */
export function describeNotice(
  t: TFunction,
  notice: FileNotice,
): { text: string; isError: boolean; action?: CommandId; stays?: boolean; lingers?: boolean } {
  switch (notice.kind) {
    case 'saved':
      return { text: t('notices.saved', { file: notice.fileName }), isError: false };
    case 'opened':
      if (notice.repairs.length > 0) {
        return { text: `${t('notices.opened', { file: notice.fileName })} ${describeRepairs(t, notice.repairs)}`, isError: false, stays: true };
      }
      return { text: t('notices.opened', { file: notice.fileName }), isError: false };
    case 'openFailed':
      return {
        text: `${t('notices.openFailed', { file: notice.fileName })} ${describeFileError(t, notice.error)} ${t('notices.untouched')}`,
        isError: true,
      };
    case 'readFailed':
      return {
        text: `${t('notices.openFailed', { file: notice.fileName })} ${t(`readErrors.${notice.reason}`)} ${t('notices.untouched')}`,
        isError: true,
      };
    case 'saveFailed': {
      const state = notice.targetUnchanged
        ? t('files.notices.unchanged')
        : t('files.notices.changedBackupKept', { backup: `${notice.fileName}.bak` });
      return {
        text: `${t('files.notices.saveFailed', { file: notice.fileName })} ${t(`files.saveErrors.${notice.problem}`)} ${state}${osReason(t, notice.osCode)}`,
        isError: true,
        ...(saveAsHelpsWith(notice.problem) ? { action: 'file.saveAs' as const } : {}),
      };
    }
    case 'backupNotUpdated':
      return {
        text: `${t('files.notices.backupNotUpdated', { file: notice.fileName, backup: `${notice.fileName}.bak` })}${osReason(t, notice.osCode)}`,
        isError: true,
      };
    case 'recovered':
      return {
        text: notice.projectName
          ? t('files.notices.recovered', { name: notice.projectName })
          : t('files.notices.recoveredUntitled'),
        isError: false,
      };
    case 'newerAutosaveKept':
      return { text: t('safety.autosave.newerKept', { found: notice.found, supported: notice.supported }), isError: false, stays: true };
    case 'autosaveFailed':
      return { text: t('files.notices.autosaveFailed', { detail: notice.detail }), isError: true };
    case 'removed':
      // Long enough to reach for Undo; Ctrl+Z works after it has gone, too.
      return {
        text:
          notice.curves > 0
            ? t(`edits.removed.${notice.what}WithCurves`, { name: notice.name, count: notice.curves })
            : t(`edits.removed.${notice.what}`, { name: notice.name }),
        isError: false,
        action: 'edit.undo',
        lingers: true,
      };
    case 'nextRetroStarted':
      return {
        text: notice.from
          ? t('desktop.nextRetro.started', { name: notice.from, count: notice.carried })
          : t('desktop.nextRetro.startedUntitled', { count: notice.carried }),
        isError: false,
        stays: true,
      };
    case 'dropRefused':
      return {
        text: notice.reason === 'several' ? t('desktop.drop.several') : `${t('desktop.drop.notSession', { file: notice.fileName })} ${t('notices.untouched')}`,
        isError: true,
      };
    case 'chartCopied':
      return { text: t('desktop.copy.copied'), isError: false };
    case 'chartCopyUnsupported':
      return { text: t('desktop.copy.unsupported'), isError: true, action: 'export.png' };
    case 'chartCopyFailed':
      return { text: describeCopyProblem(t, notice.problem, notice.detail), isError: true, action: 'export.png' };
    case 'recoveryFailed': {
      const why = notice.error ? describeFileError(t, notice.error) : t('files.notices.recoveryUnreadable');
      return { text: `${t('files.notices.recoveryFailed')} ${why} ${t('files.notices.recoveryDiscarded')}`, isError: true };
    }
  }
}
