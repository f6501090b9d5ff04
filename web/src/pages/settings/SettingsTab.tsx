import { useQuery } from '@tanstack/react-query';
import { Alert, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { ReportingDefaults } from '../../../../src/domain/reporting/reference';
import { useI18n } from '../../app/i18n-context';
import { QueryError } from '../../components/QueryError';
import { usePlanTree } from '../plan/queries';
import { defaultYear } from '../reporting/calendar';
import { CadenceCard } from './CadenceCard';
import { referenceQuery } from './queries';
import { isFormKey, versionOn } from './reference-form';
import { ReferenceCard } from './ReferenceCard';

/** 报送设置 (steering office): the versioned reference values, then each item's reporting cadence. */
export function SettingsTab() {
  const { t } = useI18n();
  const plan = usePlanTree();
  const reference = useQuery(referenceQuery());
  const today = dayjs().format('YYYY-MM-DD');

  if (reference.isError) return <QueryError error={reference.error} onRetry={() => void reference.refetch()} />;
  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!reference.data || !plan.tree || plan.code === undefined) return <Skeleton active paragraph={{ rows: 10 }} />;

  const defaultsVersion = versionOn(reference.data.find((r) => r.key === 'reporting-defaults')?.versions ?? [], today);
  const parsed = ReportingDefaults.safeParse(defaultsVersion?.value);
  return (
    <>
      <Alert type="info" showIcon message={t('settings.ref.appendOnly')} style={{ marginBottom: 16 }} />
      {/* The reporting keys; the dual-control ones are edited with the dual-control page. */}
      {reference.data.filter((item) => isFormKey(item.key)).map((item) => (
        <ReferenceCard key={item.key} item={item} today={today} />
      ))}
      <CadenceCard plan={plan.code} year={defaultYear(plan.tree, new Date())} defaults={parsed.success ? parsed.data : null} />
    </>
  );
}
