import type { AreaTexts } from './areas';

/** Autosave and crash recovery. */
const en = {
  recovery: {
    title: 'Unsaved changes to “{{name}}”',
    titleUntitled: 'An unsaved retro',
    lead: 'Wavelength closed before they were saved. The last autosave is from {{time}}.',
    fromFile: 'The retro was opened from “{{file}}”; saving writes there again.',
    recover: 'Recover the unsaved retro from {{time}}',
    discard: 'Discard',
    discardLabel: 'Discard the unsaved retro from {{time}}',
    region: 'Unsaved retro from an earlier session',
  },
  notices: {
    recovered: 'Recovered “{{name}}”. Its changes are not saved yet — save to keep them.',
    recoveredUntitled: 'Recovered the unsaved retro. Its changes are not saved yet — save to keep them.',
    recoveryFailed: 'An autosaved retro was found, but it could not be recovered.',
    recoveryUnreadable: 'It could not be read.',
    recoveryDiscarded: 'It has been discarded.',
    autosaveFailed: 'The automatic backup could not be written ({{detail}}). Save the retro to keep your changes safe.',
  },
};

const de = {
  recovery: {
    title: 'Ungespeicherte Änderungen an „{{name}}“',
    titleUntitled: 'Eine ungespeicherte Retro',
    lead: 'Wavelength wurde beendet, bevor sie gespeichert waren. Die letzte automatische Sicherung ist vom {{time}}.',
    fromFile: 'Die Retro wurde aus „{{file}}“ geöffnet; Speichern schreibt wieder dorthin.',
    recover: 'Ungespeicherte Retro vom {{time}} wiederherstellen',
    discard: 'Verwerfen',
    discardLabel: 'Verwerfen: ungespeicherte Retro vom {{time}}',
    region: 'Ungespeicherte Retro aus einer früheren Sitzung',
  },
  notices: {
    recovered: '„{{name}}“ wiederhergestellt. Die Änderungen sind noch nicht gespeichert – speichere, um sie zu behalten.',
    recoveredUntitled: 'Die ungespeicherte Retro ist wiederhergestellt. Die Änderungen sind noch nicht gespeichert – speichere, um sie zu behalten.',
    recoveryFailed: 'Eine automatisch gesicherte Retro wurde gefunden, konnte aber nicht wiederhergestellt werden.',
    recoveryUnreadable: 'Sie war nicht lesbar.',
    recoveryDiscarded: 'Sie wurde verworfen.',
    autosaveFailed: 'Die automatische Sicherung konnte nicht geschrieben werden ({{detail}}). Speichere die Retro, damit deine Änderungen sicher sind.',
  },
};

export const files: AreaTexts<typeof en> = { en, de };
