/** A labelled progress bar (native <progress>, read by screen readers with its label and value). */
export function Progress({ label, value, detail }: { label: string; value: number | null; detail: string }) {
  return (
    <div className="progress">
      <div className="progress-head">
        <span>{label}</span>
        <strong>{value === null ? '—' : `${Math.round(value * 1000) / 10}%`}</strong>
      </div>
      <progress max={1} value={value ?? 0} aria-label={label} />
      <p className="muted">{detail}</p>
    </div>
  );
}
