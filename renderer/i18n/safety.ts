import type { AreaTexts } from './areas';

/** What the app says when a file had to be mended to open, and when part of the app failed (issue 9). */
const en = {
  repairs: {
    intro: 'To open it, Wavelength changed the following (the file itself stays as it is until you save):',
    inRound: ' in round {{round}}',
    quoted: '“{{text}}”',
    someone: 'a participant without a name',
    pointsMerged_one: '{{count}} point of {{name}}’s curve{{where}} was merged with its neighbour: they were closer in time than anything can be drawn',
    pointsMerged_other: '{{count}} points of {{name}}’s curve{{where}} were merged with their neighbours: they were closer in time than anything can be drawn',
    curveRemoved: '{{name}}’s curve{{where}} was left out: all its points were at one moment',
    phasesWidened_one: 'the phase {{names}} was widened to the smallest width: it was too narrow to draw in',
    phasesWidened_other: 'the phases {{names}} were widened to the smallest width: they were too narrow to draw in',
    charactersRemoved_one: '{{count}} invisible control character was removed from the texts',
    charactersRemoved_other: '{{count}} invisible control characters were removed from the texts',
    more_one: 'and {{count}} more change',
    more_other: 'and {{count}} more changes',
  },
  boundary: {
    title: 'This step could not be shown',
    lead: 'Something went wrong while drawing it ({{detail}}). Your retro is not lost: the other steps and the bar at the top keep working, and you can save it now.',
    save: 'Save the retro',
    retry: 'Try again',
    room: 'The room screen could not be drawn.',
    roomLead: 'The retro is safe in the facilitator’s window; the next change there draws this screen again.',
  },
  autosave: {
    newerKept:
      'Unsaved changes from a newer version of Wavelength were found (file format {{found}}; this version reads up to {{supported}}). They are kept for that version to recover, so this window makes no automatic backups: save your work to a file.',
  },
};

const de = {
  repairs: {
    intro: 'Damit sie sich öffnen ließ, hat Wavelength Folgendes angepasst (die Datei selbst bleibt, wie sie ist, bis du speicherst):',
    inRound: ' in Runde {{round}}',
    quoted: '„{{text}}“',
    someone: 'einer Person ohne Namen',
    pointsMerged_one: '{{count}} Punkt der Kurve von {{name}}{{where}} wurde mit seinem Nachbarn zusammengelegt: sie lagen zeitlich enger beieinander, als sich zeichnen lässt',
    pointsMerged_other: '{{count}} Punkte der Kurve von {{name}}{{where}} wurden mit ihren Nachbarn zusammengelegt: sie lagen zeitlich enger beieinander, als sich zeichnen lässt',
    curveRemoved: 'die Kurve von {{name}}{{where}} wurde weggelassen: Alle ihre Punkte lagen auf einem Zeitpunkt',
    phasesWidened_one: 'die Phase {{names}} wurde auf die kleinste Breite verbreitert: sie war zu schmal, um darin zu zeichnen',
    phasesWidened_other: 'die Phasen {{names}} wurden auf die kleinste Breite verbreitert: sie waren zu schmal, um darin zu zeichnen',
    charactersRemoved_one: '{{count}} unsichtbares Steuerzeichen wurde aus den Texten entfernt',
    charactersRemoved_other: '{{count}} unsichtbare Steuerzeichen wurden aus den Texten entfernt',
    more_one: 'und {{count}} weitere Änderung',
    more_other: 'und {{count}} weitere Änderungen',
  },
  boundary: {
    title: 'Dieser Schritt konnte nicht angezeigt werden',
    lead: 'Beim Zeichnen ist etwas schiefgegangen ({{detail}}). Deine Retro ist nicht verloren: Die anderen Schritte und die Leiste oben funktionieren weiter, und du kannst sie jetzt speichern.',
    save: 'Retro speichern',
    retry: 'Erneut versuchen',
    room: 'Der Raumbildschirm konnte nicht gezeichnet werden.',
    roomLead: 'Die Retro ist im Fenster der Moderation sicher; mit der nächsten Änderung dort wird dieser Bildschirm neu gezeichnet.',
  },
  autosave: {
    newerKept:
      'Es wurden ungespeicherte Änderungen aus einer neueren Wavelength-Version gefunden (Dateiformat {{found}}; diese Version liest bis {{supported}}). Diese Änderungen bleiben für die neuere Version erhalten, deshalb legt dieses Fenster keine automatischen Sicherungen an: Speichere deine Arbeit in einer Datei.',
  },
};

export const safety: AreaTexts<typeof en> = { en, de };
