import type { Team } from '../domain';

/** The ✕ at the end of a row: removes the row's item; `label` names it for screen readers. */
export function RemoveButton({ label, onClick, disabled, title }: { label: string; onClick: () => void; disabled?: boolean; title?: string }) {
  return (
    <button type="button" className="icon-btn icon-btn--danger" onClick={onClick} disabled={disabled} aria-label={label} title={title}>
      ✕
    </button>
  );
}

/** A choice of one of the session's teams. */
export function TeamSelect({ teams, value, onChange, label }: { teams: readonly Team[]; value: string; onChange: (teamId: string) => void; label?: string }) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
      {teams.map((tm) => (
        <option key={tm.id} value={tm.id}>
          {tm.name}
        </option>
      ))}
    </select>
  );
}
