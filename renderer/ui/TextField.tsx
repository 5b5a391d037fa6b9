import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { removeUnsafeCharacters } from '../domain';
import { beginFieldEdit, LIVE_COMMIT_MS, type FieldEdit } from '../state';
import { useServices } from './AppContext';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  readonly value: string;
  /** Puts the text into the session; called while typing and on blur or Enter, and the whole edit is one undo step. */
  readonly onCommit: (value: string) => void;
}

/**
 * A text input for a field of the session. It shows its own draft, commits
 * it a moment after typing (LIVE_COMMIT_MS) and when the user is done (blur,
 * Enter), and records one undo step per edit however often it committed;
 * Esc takes the edit back.
 */
export function TextField({ value, onCommit, onBlur, onKeyDown, ...rest }: Props) {
  const { store } = useServices();
  const [draft, setDraft] = useState(value);
  // Refs, for the timer and the unmount: they must see the latest text and callback, not a render's.
  const latest = useRef(value);
  const committed = useRef(value);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;
  const edit = useRef<{ original: string; history: FieldEdit } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stopTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  /** Commit the draft if it differs from what the store has from this field. */
  const flush = () => {
    stopTimer();
    const text = latest.current;
    if (text === committed.current) return;
    edit.current ??= { original: committed.current, history: beginFieldEdit(store) };
    committed.current = text;
    // A pasted control character would make the SVG export malformed (the file format removes them too).
    const clean = removeUnsafeCharacters(text).text;
    edit.current.history.commit(() => commitRef.current(clean));
  };

  // A value from elsewhere (undo, another file, a rename by the app) replaces the draft and ends the edit;
  // the echo of this field's own commit does not.
  useEffect(() => {
    if (value === committed.current) return;
    stopTimer();
    edit.current = null;
    committed.current = value;
    latest.current = value;
    setDraft(value);
  }, [value]);

  // Typed but not yet committed when the field goes away (the step changed): keep it. Once, at unmount;
  // flush reads only refs, so the first render's closure is as good as the last.
  useEffect(
    () => () => {
      if (timer.current !== null) flush();
    },
    [],
  );

  return (
    <input
      {...rest}
      value={draft}
      onChange={(e) => {
        const text = e.target.value;
        edit.current ??= { original: committed.current, history: beginFieldEdit(store) };
        latest.current = text;
        setDraft(text);
        timer.current ??= setTimeout(flush, LIVE_COMMIT_MS);
      }}
      onBlur={(e) => {
        flush();
        edit.current = null;
        onBlur?.(e);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          flush();
          edit.current = null;
        }
        if (e.key === 'Escape') {
          stopTimer();
          const original = edit.current?.original ?? committed.current;
          edit.current?.history.cancel();
          edit.current = null;
          committed.current = original;
          latest.current = original;
          setDraft(original);
        }
        onKeyDown?.(e);
      }}
    />
  );
}
