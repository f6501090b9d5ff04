import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../app/i18n-context';
import { QueryError } from '../../components/QueryError';
import { referenceQuery } from '../settings/queries';
import { ReferenceCard } from '../settings/ReferenceCard';
import { dualControlReference, referenceText } from './reference-keys';

/**
 * 参考数据 (admin and steering office): the dual-control reference values with their versions, each added from a
 * date on (the 报送设置 tab keeps the reporting ones). Keys without a form of their own are entered as JSON.
 */
export function ReferenceTab() {
  const { t } = useI18n();
  const reference = useQuery(referenceQuery());
  const today = dayjs().format('YYYY-MM-DD');

  if (reference.isError) return <QueryError error={reference.error} onRetry={() => void reference.refetch()} />;
  if (!reference.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const items = dualControlReference(reference.data);
  return (
    <>
      <Alert type="info" showIcon message={t('energy2.ref.intro')} style={{ marginBottom: 16 }} />
      {items.length === 0 && <Empty description={t('energy2.ref.none')} />}
      {items.map((item) => {
        const text = referenceText(item.key);
        return <ReferenceCard key={item.key} item={item} today={today} title={t(text.title)} help={t(text.help)} />;
      })}
    </>
  );
}
