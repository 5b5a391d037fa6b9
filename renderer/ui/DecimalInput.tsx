import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInputNumber, parseDecimal } from '../scene/numbers';

export type DecimalProblem = 'notANumber' | 'outOfRange';

export interface DecimalLimits {
  readonly min: number;
  readonly max: number;
  /** An empty field is allowed and means "no value" (a phase someone was not there for). */
  readonly allowEmpty?: boolean;
}

/** What a typed text means: a number within the limits, nothing (empty and allowed), or why not. */
export function readDecimal(text: string, limits: DecimalLimits): { value: number | null; problem: DecimalProblem | null } {
  if (text.trim() === '') return limits.allowEmpty ? { value: null, problem: null } : { value: null, problem: 'notANumber' };
  const value = parseDecimal(text);
  if (value === null) return { value: null, problem: 'notANumber' };
  if (value < limits.min || value > limits.max) return { value: null, problem: 'outOfRange' };
  return { value, problem: null };
}

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'min' | 'max' | 'step' | 'type'>, DecimalLimits {
  readonly text: string;
  readonly onTextChange: (text: string) => void;
  /** Arrow up/down change the value by this much. */
  readonly step: number;
}

/**
 * A number field that reads "9,5" and "9.5" alike in both languages and
 * says in the UI language what is wrong (issue 10). A text field, not
 * type="number": Chromium's number field turned "9,5" into 95 and answered
 * "9.5" with its own English bubble inside the German UI.
 */
export function DecimalInput({ text, onTextChange, min, max, allowEmpty, step, className, onKeyDown, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const errorId = useId();
  const { value, problem } = readDecimal(text, { min, max, allowEmpty });
  const lang = i18n.language;
  return (
    <span className="decimal">
      <input
        {...rest}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        // Still a spin button for assistive technology: arrow keys step it, and it has a range.
        role="spinbutton"
        aria-valuemin={min}
        aria-valuemax={max}
        aria-valuenow={value ?? undefined}
        className={className}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        onChange={(e) => onTextChange(e.target.value)}
        onKeyDown={(e) => {
          if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && (value !== null || text.trim() === '')) {
            e.preventDefault();
            const next = Math.min(max, Math.max(min, (value ?? min) + (e.key === 'ArrowUp' ? step : -step)));
            onTextChange(formatInputNumber(next, lang, 2));
          }
          onKeyDown?.(e);
        }}
      />
      {problem && (
        <span id={errorId} className="field-error" role="alert">
          {problem === 'notANumber'
            ? t('numberInput.notANumber', { example: formatInputNumber(9.5, lang) })
            : t('numberInput.outOfRange', { min: formatInputNumber(min, lang, 2), max: formatInputNumber(max, lang, 2) })}
        </span>
      )}
    </span>
  );
}

/**
 * A number of the session (a phase's width, a milestone's position): shows
 * the stored value in the UI language, keeps what is typed until Enter or
 * leaving the field, then stores it if it is a number in range; Esc puts
 * the stored value back.
 */
export function SessionDecimalField({
  value,
  onCommit,
  maxDecimals = 2,
  ...rest
}: Omit<Props, 'text' | 'onTextChange'> & { readonly value: number; readonly onCommit: (value: number) => void; readonly maxDecimals?: number }) {
  const { i18n } = useTranslation();
  const shown = formatInputNumber(value, i18n.language, maxDecimals);
  const [draft, setDraft] = useState<string | null>(null);
  const committed = useRef(shown);
  // A change from elsewhere (undo, another file, another language) replaces an untouched field's text.
  useEffect(() => {
    if (committed.current !== shown) setDraft(null);
    committed.current = shown;
  }, [shown]);
  const commit = () => {
    if (draft === null) return;
    const read = readDecimal(draft, rest);
    if (read.problem !== null || read.value === null) return;
    setDraft(null);
    if (formatInputNumber(read.value, i18n.language, maxDecimals) !== shown) onCommit(read.value);
  };
  return (
    <DecimalInput
      {...rest}
      text={draft ?? shown}
      onTextChange={setDraft}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}
