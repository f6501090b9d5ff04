import { Button, Result } from 'antd';
import { ApiError } from '../api/client';
import { useI18n } from '../app/i18n-context';
import { problemDetail } from './problem-text';

/** A failed query: the problem's localised title and detail, and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const title = error instanceof ApiError ? error.title : t('common.error');
  const detail = error instanceof ApiError ? problemDetail(error) : error instanceof Error ? error.message : undefined;
  return (
    <Result
      status="error"
      title={title}
      subTitle={detail}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
