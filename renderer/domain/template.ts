import { newId } from './ids';
import {
  DEFAULT_ANALYSIS,
  DEFAULT_TARGET,
  PARTICIPANT_PALETTE,
  type Milestone,
  type Phase,
  type Round,
  type RoundKind,
  type Scale,
  type Session,
  type Team,
  type TeamRole,
} from './session';
import { layoutPhases } from './timeline';
import { timePos } from './units';

export type TemplateLanguage = 'de' | 'en';

/**
 * The default timeline of a Sales → PS project, in both languages. Widths are
 * relative: delivery (Umsetzung) takes the longest. Contract and handover
 * sit just before Kickoff, go-live between delivery and closing.
 */
const PHASES: Record<TemplateLanguage, readonly [string, number][]> = {
  de: [
    ['Erstkontakt', 1],
    ['Bedarfsanalyse & Demo', 1.5],
    ['Angebot & Verhandlung', 1.5],
    ['Kickoff', 1],
    ['Konzeption', 1.5],
    ['Umsetzung', 3],
    ['Abschluss', 1],
  ],
  en: [
    ['First contact', 1],
    ['Needs analysis & demo', 1.5],
    ['Proposal & negotiation', 1.5],
    ['Kickoff', 1],
    ['Design', 1.5],
    ['Implementation', 3],
    ['Closing', 1],
  ],
};

const MILESTONES: Record<TemplateLanguage, { contract: string; handover: string; golive: string }> = {
  de: { contract: 'Vertragsabschluss', handover: 'Übergabe', golive: 'Go-live' },
  en: { contract: 'Contract signed', handover: 'Handover', golive: 'Go-live' },
};

export const DEFAULT_SCALE: Record<TemplateLanguage, Scale> = {
  de: { low: 'enttäuscht', mid: 'zufrieden', high: 'begeistert' },
  en: { low: 'disappointed', mid: 'satisfied', high: 'thrilled' },
};

const TEAMS: Record<TemplateLanguage, Record<TeamRole, string>> = {
  de: { sales: 'Sales', ps: 'PS', customer: 'Kunde', other: 'Andere' },
  en: { sales: 'Sales', ps: 'PS', customer: 'Customer', other: 'Other' },
};

export const ROUND_QUESTIONS: Record<TemplateLanguage, Record<Exclude<RoundKind, 'custom'>, string>> = {
  de: {
    experienced: 'Wie begeistert war der Kunde – so wie du es erlebt hast?',
    ownTeam: 'Wie begeistert war dein eigenes Team?',
    otherTeam: 'Wie hat das andere Team den Kunden wohl erlebt?',
  },
  en: {
    experienced: 'How enthusiastic was the customer — as you experienced it?',
    ownTeam: "How enthusiastic was your own team?",
    otherTeam: 'How do you think the other team experienced the customer?',
  },
};

export function defaultPhases(language: TemplateLanguage): Phase[] {
  return PHASES[language].map(([name, width]) => ({ id: newId('ph'), name, width }));
}

/** Contract and handover at the start of Kickoff (contract a little earlier), go-live before Closing. */
export function defaultMilestones(language: TemplateLanguage, phases: readonly Phase[]): Milestone[] {
  const spans = layoutPhases(phases);
  const kickoff = spans[3];
  const closing = spans[6];
  const names = MILESTONES[language];
  if (!kickoff || !closing) return [];
  const unit = kickoff.end - kickoff.start;
  return [
    { id: newId('ms'), name: names.contract, at: timePos(kickoff.start - unit * 0.25) },
    { id: newId('ms'), name: names.handover, at: kickoff.start },
    { id: newId('ms'), name: names.golive, at: closing.start },
  ];
}

export function defaultTeams(language: TemplateLanguage): Team[] {
  const styles = { sales: 'solid', ps: 'dashed', customer: 'dotted', other: 'dashdot' } as const;
  return (['sales', 'ps', 'customer', 'other'] as const).map((role) => ({
    id: newId('tm'),
    name: TEAMS[language][role],
    role,
    lineStyle: styles[role],
  }));
}

export function defaultRound(language: TemplateLanguage, kind: Exclude<RoundKind, 'custom'> = 'experienced'): Round {
  return { id: newId('rd'), kind, question: ROUND_QUESTIONS[language][kind] };
}

/** A new session with the default template: timeline, scale, teams and the first round; no participants yet. */
export function createSession(language: TemplateLanguage, today: string = ''): Session {
  const phases = defaultPhases(language);
  const milestones = defaultMilestones(language, phases);
  return {
    id: newId('ss'),
    language,
    project: { name: '', customer: '', hideCustomer: false, date: today },
    timeline: { phases, milestones, handoverId: milestones[1]?.id ?? null },
    scale: DEFAULT_SCALE[language],
    teams: defaultTeams(language),
    participants: [],
    rounds: [defaultRound(language)],
    curves: [],
    target: DEFAULT_TARGET,
    analysis: DEFAULT_ANALYSIS,
    notes: [],
    actions: [],
  };
}

export { PARTICIPANT_PALETTE };
