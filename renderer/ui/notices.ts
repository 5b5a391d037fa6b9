import type { TFunction } from 'i18next';
import type { SessionFileError } from '../domain';
import { saveAsHelpsWith, type CommandId, type FileNotice } from '../state';

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
const osReason = (t: TFunction, code: string | null): string => (code ? ` ${t('files.notices.osReason', { code })}` : '');

/** A notice's sentence, and the command that helps (Save as… for a file that can't be written), if any. */
export function describeNotice(t: TFunction, notice: FileNotice): { text: string; isError: boolean; action?: CommandId } {
  switch (notice.kind) {
    case 'saved':
      return { text: t('notices.saved', { file: notice.fileName }), isError: false };
    case 'opened':
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
    case 'autosaveFailed':
      return { text: t('files.notices.autosaveFailed', { detail: notice.detail }), isError: true };
    case 'recoveryFailed': {
      const why = notice.error ? describeFileError(t, notice.error) : t('files.notices.recoveryUnreadable');
      return { text: `${t('files.notices.recoveryFailed')} ${why} ${t('files.notices.recoveryDiscarded')}`, isError: true };
    }
  }
}
