import { describe, expect, it } from 'vitest';
import {
  formatCorrelation,
  formatDecimal,
  formatInputNumber,
  formatLevel,
  formatShare,
  formatSignedLevel,
  MINUS,
  parseDecimal,
} from '../../renderer/scene/numbers';

describe('numbers written the same on every surface', () => {
  it('uses the decimal comma in German and the point in English', () => {
    expect(formatLevel(0.357, 'de')).toBe('3,6');
    expect(formatLevel(0.357, 'en')).toBe('3.6');
    expect(formatLevel(0.357, 'de-AT')).toBe('3,6');
  });

  it('writes a negative number with the real minus sign, never a hyphen', () => {
    expect(formatLevel(-0.22, 'de')).toBe(`${MINUS}2,2`);
    expect(formatCorrelation(-0.2249, 'de')).toBe(`${MINUS}0,22`);
    expect(formatCorrelation(-0.2249, 'en')).toBe(`${MINUS}0.22`);
    expect(formatDecimal(-1234.5, 'en', 1)).toBe(`${MINUS}1,234.5`);
  });

  it('has no negative zero: a value that rounds to zero has no sign', () => {
    expect(formatLevel(-0.004, 'en')).toBe('0.0');
    expect(formatCorrelation(-0.004, 'de')).toBe('0,00');
    expect(formatSignedLevel(-0.004, 'de')).toBe('0,0');
    expect(formatShare(-0.004, 'de')).toBe('0\u00a0%');
    expect(formatInputNumber(-0.001, 'de')).toBe('0');
  });

  it('signs differences both ways', () => {
    expect(formatSignedLevel(0.25, 'de')).toBe('+2,5');
    expect(formatSignedLevel(-0.63, 'de')).toBe(`${MINUS}6,3`);
  });

  it('writes percent the way each language does: "36 %" in German, "36%" in English', () => {
    expect(formatShare(0.357, 'de')).toBe('36\u00a0%');
    expect(formatShare(0.357, 'en')).toBe('36%');
  });

  it('writes input numbers with only the decimals they need, no grouping', () => {
    expect(formatInputNumber(1.5, 'de')).toBe('1,5');
    expect(formatInputNumber(35.71, 'de', 1)).toBe('35,7');
    expect(formatInputNumber(10, 'en')).toBe('10');
    expect(formatInputNumber(1500, 'en')).toBe('1500');
  });
});

describe('numbers as people type them', () => {
  it('reads "9,5" and "9.5" alike', () => {
    expect(parseDecimal('9,5')).toBe(9.5);
    expect(parseDecimal('9.5')).toBe(9.5);
    expect(parseDecimal(' 7 ')).toBe(7);
    expect(parseDecimal(',5')).toBe(0.5);
    expect(parseDecimal('10.')).toBe(10);
  });

  it('reads a minus typed as a hyphen or as the real sign', () => {
    expect(parseDecimal('-1,5')).toBe(-1.5);
    expect(parseDecimal(`${MINUS}1,5`)).toBe(-1.5);
  });

  it('refuses what is not one number', () => {
    for (const text of ['', ' ', 'abc', '9,5,1', '9.5.1', '1e3', '9 5', '0x10', '--1', ',', 'Infinity']) {
      expect(parseDecimal(text), text).toBeNull();
    }
  });

  it('reads back what it wrote, in both languages', () => {
    for (const language of ['de', 'en']) {
      for (const value of [0, 0.25, 1.5, 9.5, 35.7, 100]) expect(parseDecimal(formatInputNumber(value, language, 2))).toBe(value);
    }
  });
});
