// Sessions for the export tests, built with the domain functions a facilitator's
// actions call (createSession, addParticipant, drawStroke, addNote, addAction),
// so they are exactly what the app would save. Deterministic: no randomness.
import {
  addAction,
  addNote,
  addParticipant,
  createSession,
  drawStroke,
  enthusiasm,
  handoverMilestone,
  serializeSession,
  timePos,
  updateProject,
  type Session,
  type StrokeSample,
} from '../../renderer/domain';

const FIRST_NAMES = [
  'Anna', 'Bernd', 'Carla', 'Deniz', 'Elif', 'Frank', 'Greta', 'Hakan', 'Ines', 'Jonas',
  'Katrin', 'Lukas', 'Mara', 'Nils', 'Olga', 'Paul', 'Quirin', 'Rosa', 'Sven', 'Tanja',
  'Uwe', 'Vera', 'Wolf', 'Xenia', 'Yusuf', 'Zoe', 'Aylin', 'Bastian', 'Clara', 'Dirk',
  'Emma', 'Felix', 'Gül', 'Henrik', 'Ida', 'Jan', 'Kemal', 'Lea', 'Moritz', 'Nora',
];
const LAST_INITIALS = 'BKMSWHLRTFGPNDZ';

export interface ReportSessionSpec {
  readonly project: string;
  readonly customer: string;
  readonly hideCustomer?: boolean;
  readonly participants: number;
  readonly language?: 'de' | 'en';
  readonly notes?: boolean;
  readonly actions?: boolean;
}

/**
 * Sales (first third) climb to the contract and drop after the handover; PS
 * (second third) start at kickoff, dip, and rise to the end; the customer's
 * people (the rest) see a flatter curve. Each person a little different.
 */
export function makeReportSession(spec: ReportSessionSpec): Session {
  const language = spec.language ?? 'de';
  let s = createSession(language, '2025-03-12');
  s = updateProject(s, { name: spec.project, customer: spec.customer, hideCustomer: spec.hideCustomer ?? false });
  const [sales, ps, customer] = s.teams;
  const roundId = s.rounds[0]!.id;
  const handover = handoverMilestone(s.timeline)!.at;
  const teamOf = (i: number) => (i % 3 === 0 ? sales! : i % 3 === 1 ? ps! : customer!);
  for (let i = 0; i < spec.participants; i++) {
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_INITIALS[i % LAST_INITIALS.length]}.`;
    s = addParticipant(s, name, teamOf(i).id);
  }
  s.participants.forEach((p, i) => {
    // Per person: an offset of the level (±0.12) and a slow wave, both fixed by the index.
    const offset = ((i * 37) % 13) / 50 - 0.12;
    const wave = (t: number) => 0.06 * Math.sin(t * (3 + (i % 4)) + i);
    const role = teamOf(i).role;
    const from = role === 'ps' ? handover - 0.02 : 0.02;
    const level = (t: number): number => {
      if (role === 'sales') {
        return t < handover ? 0.35 + (0.5 * t) / handover : 0.85 - 0.45 * Math.min(1, (t - handover) / 0.2) + 0.25 * Math.max(0, (t - 0.7) / 0.3);
      }
      if (role === 'ps') return 0.5 - 0.15 * Math.sin(((t - handover) / (1 - handover)) * Math.PI) + 0.3 * ((t - handover) / (1 - handover));
      return 0.45 + 0.15 * Math.sin(t * 5) + 0.1 * t;
    };
    const stroke: StrokeSample[] = [];
    for (let k = 0; k <= 60; k++) {
      const t = from + ((0.98 - from) * k) / 60;
      stroke.push({ x: timePos(t), y: enthusiasm(level(t) + offset + wave(t)) });
    }
    s = drawStroke(s, p.id, roundId, stroke);
  });
  if (spec.notes ?? true) {
    s = addNote(s, {
      roundId,
      at: timePos(handover + 0.03),
      participantId: s.participants[1]?.id ?? null,
      kind: 'event',
      text: language === 'de' ? 'Kickoff ohne das Vertriebsteam' : 'Kickoff without the sales team',
      author: 'Moderation',
    });
    s = addNote(s, {
      roundId,
      at: timePos(0.2),
      participantId: null,
      kind: 'insight',
      text: language === 'de' ? 'Demo versprach Funktionen aus der nächsten Version' : 'The demo promised features of the next release',
      author: 'Anna B.',
    });
  }
  if (spec.actions ?? true) {
    s = addAction(s, {
      what: language === 'de' ? 'Übergabe-Workshop mit Sales und PS vor Vertragsabschluss' : 'Handover workshop with Sales and PS before signing',
      who: 'Carla M.',
      due: '2025-04-30',
    });
    s = addAction(s, {
      what: language === 'de' ? 'Demo-Skript mit PS abstimmen' : 'Agree the demo script with PS',
      who: 'Bernd K.',
      due: '',
    });
  }
  return s;
}

export function makeReportSessionText(spec: ReportSessionSpec): string {
  return serializeSession(makeReportSession(spec), new Date('2025-03-12T17:00:00Z'));
}
