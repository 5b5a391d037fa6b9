import type { TFunction } from 'i18next';
import type { CarriedOver } from '../domain';
import type { AgreementFacts, DropFact, GapFact, PeakEndFact, PerceptionFact, SpanFact } from './compareScene';
import { formatLevel, formatShare } from './numbers';

/**
 * The comparison in words: one function per kind of statement, used by the
 * compare view, the room view (on the facts the room state carries) and the
 * PDF report (with the report's own language), so all three say the same
 * figure the same way. `t` must hold the `compare` texts (every i18n
 * instance of the app does).
 */

/** "Angebot" or "Angebot – Kickoff". */
export function phaseSpan(t: TFunction, first: string, last: string): string {
  return first === last ? first : t('compare.facts.phases', { first, last });
}

/** How many curves a figure rests on, or that it rests on one person. */
export function basisText(t: TFunction, n: number): string {
  return n === 1 ? t('compare.facts.onePerson') : t('compare.facts.curves', { count: n });
}

export interface DropText {
  /** "Sales: 8.9 → 2.6 (−6.3)", "PS: no drop after the handover", … */
  readonly text: string;
  /** "overstretched", or null. */
  readonly flag: string | null;
  /** What it rests on ("3 curves", "rests on one person"), or why not. */
  readonly basis: string | null;
}

export function dropText(t: TFunction, language: string, fact: DropFact): DropText {
  const level = (v: number) => formatLevel(v, language);
  switch (fact.state) {
    case 'notAcross':
      return { text: t('compare.facts.notAcross', { team: fact.team }), flag: null, basis: null };
    case 'noDrop':
      return { text: t('compare.facts.noDrop', { team: fact.team }), flag: null, basis: basisText(t, fact.n) };
    case 'drop': {
      const some =
        !fact.overstretched && fact.overstretchedCurves > 0 ? ` · ${t('compare.facts.someOverstretched', { count: fact.overstretchedCurves })}` : '';
      return {
        text: t('compare.facts.drop', { team: fact.team, before: level(fact.before), low: level(fact.low), drop: level(fact.drop) }),
        flag: fact.overstretched ? t('compare.facts.overstretched') : null,
        basis: basisText(t, fact.n) + some,
      };
    }
  }
}

/** The marker label on the chart: "Sales −6.3". */
export function dropMarkText(t: TFunction, language: string, team: string, drop: number): string {
  return t('compare.facts.dropMark', { team, drop: formatLevel(drop, language) });
}

export interface GapText {
  /** Where Sales and PS differed most, by how much and who saw more; null without an overlap. */
  readonly largest: string | null;
  /** "rests on one person" when one side has a single curve there; else null. */
  readonly basis: string | null;
  readonly mean: string | null;
}

export function gapText(t: TFunction, language: string, fact: GapFact): GapText {
  const l = fact.largest;
  return {
    largest: l
      ? t('compare.facts.gapLargest', {
          value: formatLevel(l.value, language),
          phases: phaseSpan(t, l.firstPhase, l.lastPhase),
          direction:
            l.direction === 'none' ? t('compare.facts.gapNone') : t('compare.facts.gapHigher', { team: l.direction === 'a' ? fact.a : fact.b }),
        })
      : null,
    basis: l && l.n === 1 ? t('compare.facts.onePerson') : null,
    mean: fact.meanAbs === null ? null : t('compare.facts.gapMean', { a: fact.a, b: fact.b, value: formatLevel(fact.meanAbs, language) }),
  };
}

export interface AgreementText {
  readonly group: string;
  readonly teams: readonly string[];
  readonly split: string | null;
}

/** Agreement in the group, within each team, and how the group's spread splits between and within the teams. */
export function agreementText(t: TFunction, language: string, facts: AgreementFacts): AgreementText {
  const share = (v: number) => formatShare(v, language);
  return {
    group:
      facts.group.value === null
        ? t('compare.facts.agreementGroupNone', { n: facts.group.n })
        : t('compare.facts.agreementGroup', { value: share(facts.group.value), count: facts.group.n }),
    teams: facts.teams.map((team) =>
      team.value !== null
        ? t('compare.facts.agreementTeam', { team: team.team, value: share(team.value), count: team.n })
        : team.n <= 1
          ? t('compare.facts.agreementTeamOne', { team: team.team })
          : t('compare.facts.agreementTeamApart', { team: team.team }),
    ),
    split: facts.split ? t('compare.facts.split', { between: share(facts.split.between), within: share(facts.split.within) }) : null,
  };
}

export interface PeakEndText {
  /** "Sales: peak 8.9 in Angebot – Kickoff, end 5.0" or "…, drawn until Konzeption". */
  readonly text: string;
  /** The verdict on the end ("satisfied, not thrilled"), or null when the line stops early. */
  readonly verdict: string | null;
  readonly good: boolean;
  /** "rests on one person" where the peak or the end does. */
  readonly basis: string | null;
}

export function peakEndText(t: TFunction, language: string, fact: PeakEndFact): PeakEndText {
  const level = (v: number) => formatLevel(v, language);
  const peak = { team: fact.team, peak: level(fact.peak), phases: phaseSpan(t, fact.peakFirstPhase, fact.peakLastPhase) };
  return {
    text: fact.reachesEnd
      ? t('compare.facts.peakEnd', { ...peak, end: level(fact.end) })
      : t('compare.facts.peakDrawnUntil', { ...peak, phase: fact.endPhase }),
    verdict: fact.verdict ? t(`compare.peakEnd.verdicts.${fact.verdict}`) : null,
    good: fact.verdict === 'peakAtEnd',
    basis: fact.peakN === 1 || (fact.reachesEnd && fact.endN === 1) ? t('compare.facts.onePerson') : null,
  };
}

/** What the end of one person's curve says: their end with its verdict, or where they stopped drawing. */
export function personEndText(t: TFunction, language: string, end: { end: number; reachesEnd: boolean; verdict: string | null; endPhase: string }): string {
  return end.reachesEnd
    ? `${formatLevel(end.end, language)}${end.verdict ? ` · ${t(`compare.peakEnd.verdicts.${end.verdict}`)}` : ''}`
    : t('compare.facts.drawnUntil', { phase: end.endPhase });
}

/** The discussion prompt of a disagreement span, naming its phases. */
export function spanPrompt(t: TFunction, span: SpanFact): string {
  return t('compare.facts.spanPrompt', { phases: phaseSpan(t, span.firstPhase, span.lastPhase) });
}

/** "Spread 2.1 on the 0–10 scale, 5 curves". */
export function spanDetail(t: TFunction, language: string, span: SpanFact): string {
  return t('compare.facts.spanDetail', { spread: formatLevel(span.spread, language), count: span.n });
}

export interface PerceptionText {
  readonly pair: string;
  readonly mean: string;
  readonly largest: string | null;
}

export function perceptionText(t: TFunction, language: string, fact: PerceptionFact): PerceptionText {
  const l = fact.largest;
  return {
    pair: t('compare.perception.pair', { guessing: fact.guessing, guessed: fact.guessed }),
    mean:
      fact.meanAbs === null
        ? t('compare.facts.perceptionNone', { guessing: fact.guessing, guessed: fact.guessed })
        : t('compare.perception.meanAbs', { value: formatLevel(fact.meanAbs, language) }),
    largest: l
      ? t('compare.perception.largest', {
          value: formatLevel(l.value, language),
          phase: phaseSpan(t, l.firstPhase, l.lastPhase),
          direction: t(`compare.perception.${l.direction === 'none' ? 'same' : l.direction}`),
        })
      : null,
  };
}

/**
 * Where an action item brought into this retro was agreed: "carried over from “Projekt Atlas”
 * (Nov 27, 2026)", the date in `language`. The app's action list and the report's say it so. `t` must
 * hold the `desktop` texts.
 */
export function carriedOverText(t: TFunction, language: string, carried: CarriedOver): string {
  if (!carried.date) return t('desktop.nextRetro.carriedOverUndated');
  // Noon UTC: the calendar day is the same in every time zone.
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${carried.date}T12:00:00Z`));
  return carried.from ? t('desktop.nextRetro.carriedOver', { name: carried.from, date }) : t('desktop.nextRetro.carriedOverUntitled', { date });
}
