import type { ReactNode } from 'react';

/** A labelled form field with its error announced and tied to the input (WCAG 3.3.1, 1.3.1). */
export function Field({ id, label, error, children, hint }: { id: string; label: string; error?: string; hint?: string; children: (a11y: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="pp-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="pp-hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': describedBy })}
      {error && (
        <p id={`${id}-error`} className="pp-error">
          {error}
        </p>
      )}
    </div>
  );
}
