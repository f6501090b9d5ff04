import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { api } from '../api/client';
import { useI18n } from '../app/i18n-context';

type Health = { demo: { seed: number; size: string; asOf: string } | null };
export const healthQuery = { queryKey: ['health'] as const, queryFn: () => api<Health>('/api/health'), staleTime: Number.POSITIVE_INFINITY };

/**
 * 演示数据 (issue #12): on every page while the database holds the generated demo city, so nothing shown (or
 * screenshotted, or exported) can be taken for real figures.
 */
export function DemoBanner() {
  const { t } = useI18n();
  const health = useQuery(healthQuery);
  const demo = health.data?.demo;
  if (!demo) return null;
  return <Alert banner type="warning" role="status" message={t('demo.banner', { asOf: demo.asOf, size: demo.size })} />;
}
