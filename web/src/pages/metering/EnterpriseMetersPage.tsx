import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Result, Skeleton } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { EnterpriseMeters } from './EnterpriseMeters';
import { enterpriseQuery } from './queries';
import { RejectionsTable } from './RejectionsTable';

/** /enterprises/:id/meters: the enterprise's name over its online metering view; not found for one the user may not see. */
export function EnterpriseMetersPage() {
  const { t } = useI18n();
  const me = useMe();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const enterprise = useQuery({ ...enterpriseQuery(id), enabled: valid });

  if (!valid || (enterprise.error instanceof ApiError && enterprise.error.status === 404)) {
    return (
      <>
        <PageTitle>{t('meter.notFound')}</PageTitle>
        <Result
          status="404"
          title={t('meter.notFound')}
          subTitle={t('meter.notFoundDetail')}
          extra={
            <Link to="/enterprises">
              <Button type="primary">{t('meter.back')}</Button>
            </Link>
          }
        />
      </>
    );
  }
  if (enterprise.isError) return <QueryError error={enterprise.error} onRetry={() => void enterprise.refetch()} />;
  if (!enterprise.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const e = enterprise.data;
  return (
    <>
      <PageTitle>{t('meter.pageTitle', { name: e.name })}</PageTitle>
      <Flex vertical gap={16}>
        <EnterpriseMeters enterpriseId={e.id} />
        {(me.role === 'admin' || me.role === 'steering') && <RejectionsTable uscc={e.uscc} name={t('meter.rejectionsOf', { name: e.name })} />}
      </Flex>
    </>
  );
}
