import { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { labelOf, t } from './open-i18n';
import { type Tracked, trackReport, trackedPhotoUrl } from './report-api';
import { OpenApiError } from '../api';
import './report.css';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/**
 * 办理进展: the private link `/open/track/<trackingNo>#<token>`. The token stays in the fragment (browsers never send
 * it) and goes to the API in a header; the page shows the status, the public replies and the photos without metadata.
 */
export function TrackPage() {
  const { trackingNo = '' } = useParams();
  const token = decodeURIComponent(useLocation().hash.replace(/^#/, ''));
  const [report, setReport] = useState<Tracked | null>(null);
  const [error, setError] = useState<string | null>(token ? null : t('reports.open.track.noToken'));
  const [photos, setPhotos] = useState<{ id: number; name: string; url: string }[]>([]);

  useEffect(() => {
    if (!token) return;
    let live = true;
    const urls: string[] = [];
    trackReport(trackingNo, token)
      .then(async (r) => {
        if (!live) return;
        setReport(r);
        for (const p of r.photos) {
          const url = await trackedPhotoUrl(trackingNo, token, p.id);
          urls.push(url);
          if (live) setPhotos((prev) => [...prev, { id: p.id, name: p.fileName, url }]);
        }
      })
      .catch((e: unknown) => live && setError(e instanceof OpenApiError && e.status === 404 ? t('reports.open.track.notFound') : String(e instanceof Error ? e.message : e)));
    return () => {
      live = false;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [trackingNo, token]);

  return (
    <section className="report-page" aria-labelledby="track-title">
      <h1 id="track-title">{t('reports.open.track.title', { trackingNo })}</h1>
      {error && (
        <p className="report-error" role="alert">
          {error}
        </p>
      )}
      {!error && !report && <p aria-live="polite">{t('reports.open.track.loading')}</p>}
      {report && (
        <>
          <dl className="report-facts">
            <dt>{t('reports.open.track.status')}</dt>
            <dd>
              <strong className={`report-status report-status-${report.status}`}>{labelOf('reports.status', report.status)}</strong>
            </dd>
            <dt>{t('reports.open.type')}</dt>
            <dd>{labelOf('reports.type', report.type)}</dd>
            <dt>{t('reports.open.track.submittedAt')}</dt>
            <dd>{when(report.submittedAt)}</dd>
            {report.address && (
              <>
                <dt>{t('reports.open.address')}</dt>
                <dd>{report.address}</dd>
              </>
            )}
            <dt>{t('reports.open.description')}</dt>
            <dd className="report-pre">{report.description}</dd>
          </dl>
          <h2>{t('reports.open.track.progress')}</h2>
          <ol className="report-timeline">
            {report.replies.map((r, i) => (
              <li key={i}>
                <time dateTime={r.at}>{when(r.at)}</time> <strong>{labelOf('reports.action', r.action)}</strong>
                {r.comment && <p className="report-pre">{r.comment}</p>}
              </li>
            ))}
          </ol>
          {photos.length > 0 && (
            <>
              <h2>{t('reports.open.track.photos')}</h2>
              <ul className="report-previews">
                {photos.map((p) => (
                  <li key={p.id}>
                    <img src={p.url} alt={t('reports.open.track.photoAlt', { name: p.name })} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
