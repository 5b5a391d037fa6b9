import type { AreaTexts } from './areas';

/** Autosave and crash recovery. */
const en = {
  recovery: {
    title: 'Unsaved changes to “{{name}}”',
    titleUntitled: 'An unsaved retro',
    lead: 'Wavelength closed before they were saved. The last autosave is from {{time}}.',
    fromFile: 'The retro was opened from “{{file}}”.',
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
    saveFailed: '“{{file}}” could not be saved.',
    unchanged: 'The file on disk is unchanged.',
    changedBackupKept: 'The file on disk may be incomplete; its previous version is in “{{backup}}”.',
    backupNotUpdated: 'Saved “{{file}}”. Its backup “{{backup}}” could not be brought up to date and still holds an older version.',
    osReason: '(System: {{code}})',
  },
  /** Why a file could not be written; each sentence says what to do. */
  saveErrors: {
    diskFull: 'There is no space left on the drive. Free some space and save again.',
    readOnlyFile: 'The file is read-only. Save the retro under another name with “Save as…”.',
    readOnlyVolume: 'The drive is read-only. Save the retro somewhere else with “Save as…”.',
    noPermission: 'You may not write to this folder. Save the retro somewhere else with “Save as…”.',
    folderMissing: 'The folder no longer exists (a drive unplugged, or the folder moved?). Save the retro somewhere else with “Save as…”.',
    isFolder: 'A folder has that name. Choose another name with “Save as…”.',
    nameTooLong: 'The name or path is too long for this drive. Choose a shorter one with “Save as…”.',
    locked: 'Another program is using the file. Close it there and save again.',
    tooLarge: 'The retro is larger than a session file may be (20 MB).',
    other: 'The system refused to write it.',
  },
  /** The facilitator's window crashed or hangs (native dialog from the main process). */
  crash: {
    title: 'Wavelength',
    message: 'The Wavelength window stopped working.',
    detail: 'Your retro is kept as it was at the last automatic backup, a few seconds ago. Reload the window to recover it.',
    hangMessage: 'The Wavelength window is not responding.',
    hangDetail: 'You can wait, or reload the window: your retro is kept as it was at the last automatic backup, a few seconds ago, and offered back.',
    reload: 'Reload',
    wait: 'Wait',
    close: 'Close window',
  },
};

const de = {
  recovery: {
    title: 'Ungespeicherte Änderungen an „{{name}}“',
    titleUntitled: 'Eine ungespeicherte Retro',
    lead: 'Wavelength wurde beendet, bevor sie gespeichert waren. Die letzte automatische Sicherung ist vom {{time}}.',
    fromFile: 'Die Retro wurde aus „{{file}}“ geöffnet.',
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
    saveFailed: '„{{file}}“ konnte nicht gespeichert werden.',
    unchanged: 'Die Datei auf der Festplatte ist unverändert.',
    changedBackupKept: 'Die Datei auf der Festplatte ist vielleicht unvollständig; ihre vorige Fassung liegt in „{{backup}}“.',
    backupNotUpdated: '„{{file}}“ gespeichert. Die Sicherungskopie „{{backup}}“ konnte nicht aktualisiert werden und enthält noch eine ältere Fassung.',
    osReason: '(Systemmeldung: {{code}})',
  },
  saveErrors: {
    diskFull: 'Auf dem Laufwerk ist kein Platz mehr frei. Schaffe Platz und speichere noch einmal.',
    readOnlyFile: 'Die Datei ist schreibgeschützt. Speichere die Retro mit „Speichern unter…“ unter einem anderen Namen.',
    readOnlyVolume: 'Das Laufwerk ist schreibgeschützt. Speichere die Retro mit „Speichern unter…“ an einem anderen Ort.',
    noPermission: 'Du darfst in diesen Ordner nicht schreiben. Speichere die Retro mit „Speichern unter…“ an einem anderen Ort.',
    folderMissing: 'Den Ordner gibt es nicht mehr (Laufwerk getrennt oder Ordner verschoben?). Speichere die Retro mit „Speichern unter…“ an einem anderen Ort.',
    isFolder: 'Ein Ordner hat diesen Namen. Wähle mit „Speichern unter…“ einen anderen.',
    nameTooLong: 'Der Name oder Pfad ist für dieses Laufwerk zu lang. Wähle mit „Speichern unter…“ einen kürzeren.',
    locked: 'Ein anderes Programm verwendet die Datei. Schließe sie dort und speichere noch einmal.',
    tooLarge: 'Die Retro ist größer, als eine Sitzungsdatei sein darf (20 MB).',
    other: 'Das System hat das Schreiben verweigert.',
  },
  crash: {
    title: 'Wavelength',
    message: 'Das Wavelength-Fenster funktioniert nicht mehr.',
    detail: 'Deine Retro ist so erhalten, wie sie bei der letzten automatischen Sicherung vor wenigen Sekunden war. Lade das Fenster neu, um sie wiederherzustellen.',
    hangMessage: 'Das Wavelength-Fenster reagiert nicht.',
    hangDetail: 'Du kannst warten oder das Fenster neu laden: Deine Retro ist so erhalten, wie sie bei der letzten automatischen Sicherung vor wenigen Sekunden war, und wird dir wieder angeboten.',
    reload: 'Neu laden',
    wait: 'Warten',
    close: 'Fenster schließen',
  },
};

export const files: AreaTexts<typeof en> = { en, de };
