import { describe, expect, it } from 'vitest';
import { actionsToCsv, CSV_DIALECTS, createSession, type ActionsCsvTexts, type Session } from '../../renderer/domain';

const texts: ActionsCsvTexts = {
  what: 'What',
  who: 'Who',
  due: 'Due',
  done: 'Done',
  yes: 'yes',
  no: 'no',
  carriedOver: 'Carried over from',
  earlierRetro: (name, date) => `${name} (${date})`,
};

function withActions(): Session {
  return {
    ...createSession('en', '2026-11-30'),
    actions: [
      { id: 'a1', what: 'Joint meeting, before signing', who: 'Anna', due: '2027-01-15', done: false },
      { id: 'a2', what: 'Say "thanks"', who: '', due: '', done: true },
      { id: 'a3', what: '=cmd', who: 'Kim; Lee', due: '', done: false, carriedOver: { from: 'Atlas', date: '2026-06-02' } },
    ],
  };
}

describe('actionsToCsv', () => {
  it('writes a header and one row per item, quoted and guarded like the curves CSV', () => {
    expect(actionsToCsv(withActions(), texts).split('\r\n')).toEqual([
      'What,Who,Due,Done,Carried over from',
      '"Joint meeting, before signing",Anna,2027-01-15,no,',
      '"Say ""thanks""",,,yes,',
      "'=cmd,Kim; Lee,,no,Atlas (2026-06-02)",
      '',
    ]);
  });

  it('uses semicolons for spreadsheets set to German, quoting what holds one', () => {
    expect(actionsToCsv(withActions(), texts, CSV_DIALECTS.spreadsheetDe).split('\r\n')).toEqual([
      'What;Who;Due;Done;Carried over from',
      'Joint meeting, before signing;Anna;2027-01-15;no;',
      '"Say ""thanks""";;;yes;',
      `'=cmd;"Kim; Lee";;no;Atlas (2026-06-02)`,
      '',
    ]);
  });

  it('is only the header for a session without action items', () => {
    expect(actionsToCsv(createSession('de'), texts)).toBe('What,Who,Due,Done,Carried over from\r\n');
  });
});
