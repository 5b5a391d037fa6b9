import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addAction as addActionTo } from '../domain';
import { carriedOverText } from '../scene/sceneText';
import { findCommand } from '../state';
import { useActions, useApp, useServices } from './AppContext';
import { RemoveButton } from './controls';
import { TextField } from './TextField';

/** Action items of the session: what, who, by when; ticked off when done. */
export function ActionsPanel() {
  const { t, i18n } = useTranslation();
  const { files } = useServices();
  const actions = useApp((s) => s.session.actions);
  const addAction = useApp((s) => s.addAction);
  const updateAction = useApp((s) => s.updateAction);
  const removeAction = useApp((s) => s.removeAction);
  const [what, setWhat] = useState('');
  const [who, setWho] = useState('');
  const [due, setDue] = useState('');
  const open = actions.filter((a) => !a.done).length;
  // An action item being typed, not added yet, still reaches the autosave (issue 9; see NotesPanel).
  const draftKey = useId();
  const { setDraft } = useActions();
  useEffect(() => {
    if (!what.trim()) return;
    const item = { what: what.trim(), who: who.trim(), due };
    setDraft(draftKey, (session) => addActionTo(session, item));
    return () => setDraft(draftKey, null);
  }, [draftKey, what, who, due, setDraft]);
  return (
    <section className="card actions" aria-labelledby="actions-title">
      <h2 id="actions-title">
        {t('compare.actions.title')} {actions.length > 0 && <span className="muted">({t('compare.actions.open', { count: open })})</span>}
      </h2>
      {actions.length === 0 ? (
        <p className="hint">{t('compare.actions.empty')}</p>
      ) : (
        <table className="rows" data-testid="actions">
          <thead>
            <tr>
              <th scope="col">{t('compare.actions.done')}</th>
              <th scope="col">{t('compare.actions.what')}</th>
              <th scope="col">{t('compare.actions.who')}</th>
              <th scope="col">{t('compare.actions.due')}</th>
              <th scope="col">
                <span className="sr-only">{t('setup.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.id} className={a.done ? 'is-done' : undefined}>
                <td className="center">
                  <input
                    type="checkbox"
                    checked={a.done}
                    onChange={(e) => updateAction(a.id, { done: e.target.checked })}
                    aria-label={t('compare.actions.doneOf', { what: a.what })}
                  />
                </td>
                <td>
                  <TextField value={a.what} onCommit={(v) => updateAction(a.id, { what: v })} aria-label={t('compare.actions.what')} />
                  {a.carriedOver && (
                    <span className="badge badge--carried" data-testid="carried-over">
                      {carriedOverText(t, i18n.language, a.carriedOver)}
                    </span>
                  )}
                </td>
                <td>
                  <TextField value={a.who} onCommit={(v) => updateAction(a.id, { who: v })} aria-label={t('compare.actions.who')} />
                </td>
                <td>
                  <input type="date" value={a.due} onChange={(e) => updateAction(a.id, { due: e.target.value })} aria-label={t('compare.actions.due')} />
                </td>
                <td className="row-actions">
                  <RemoveButton onClick={() => removeAction(a.id)} label={t('compare.actions.remove', { what: a.what })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="add-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!what.trim()) return;
          addAction({ what: what.trim(), who: who.trim(), due });
          setWhat('');
          setWho('');
          setDue('');
        }}
      >
        <label className="field">
          <span>{t('compare.actions.what')}</span>
          <input value={what} onChange={(e) => setWhat(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('compare.actions.who')}</span>
          <input value={who} onChange={(e) => setWho(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('compare.actions.due')}</span>
          <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </label>
        <button type="submit" className="btn btn--primary" disabled={!what.trim()}>
          + {t('compare.actions.add')}
        </button>
      </form>
      <div className="next-retro">
        <button type="button" className="btn" onClick={() => void findCommand('file.newFromThis').run(files)}>
          {t('desktop.nextRetro.button')}
        </button>
        <p className="hint">{t('desktop.nextRetro.hint')}</p>
      </div>
    </section>
  );
}
