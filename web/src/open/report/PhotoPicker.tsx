import { useEffect, useId, useMemo } from 'react';
import { PHOTO_MAX_BYTES, PHOTOS_PER_REPORT } from '../../../../src/domain/public/citizen-report';
import { t } from './open-i18n';

type Props = { files: File[]; onChange: (files: File[]) => void; error?: string; onError: (message: string | undefined) => void };

/** The photo picker with previews: JPEG/PNG up to 5 MB each, at most four (the server checks again by content). */
export function PhotoPicker({ files, onChange, error, onError }: Props) {
  const id = useId();
  const previews = useMemo(() => files.map((f) => URL.createObjectURL(f)), [files]);
  useEffect(() => () => previews.forEach((u) => URL.revokeObjectURL(u)), [previews]);

  function add(list: FileList | null) {
    const picked = [...(list ?? [])];
    const problems: string[] = [];
    const ok = picked.filter((f) => {
      if (!['image/jpeg', 'image/png'].includes(f.type)) problems.push(t('reports.open.photoType', { name: f.name }));
      else if (f.size > PHOTO_MAX_BYTES) problems.push(t('reports.open.photoSize', { name: f.name }));
      else return true;
      return false;
    });
    const next = [...files, ...ok];
    if (next.length > PHOTOS_PER_REPORT) problems.push(t('reports.open.photoCount', { max: PHOTOS_PER_REPORT }));
    onError(problems.length ? problems.join('；') : undefined);
    onChange(next.slice(0, PHOTOS_PER_REPORT));
  }

  return (
    <div className="report-field">
      <label htmlFor={id}>{t('reports.open.photos')}</label>
      <p className="report-hint" id={`${id}-hint`}>
        {t('reports.open.photosHint', { max: PHOTOS_PER_REPORT })}
      </p>
      <input
        id={id}
        type="file"
        accept="image/jpeg,image/png"
        multiple
        disabled={files.length >= PHOTOS_PER_REPORT}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={!!error}
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
      />
      {error && (
        <p className="report-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {files.length > 0 && (
        <ul className="report-previews">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              <img src={previews[i]} alt={f.name} />
              <button type="button" className="report-link-button" onClick={() => onChange(files.filter((_, j) => j !== i))}>
                {t('reports.open.removePhoto', { name: f.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
