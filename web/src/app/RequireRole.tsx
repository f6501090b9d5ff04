import { Result } from 'antd';
import type { ReactNode } from 'react';
import type { Role } from '../../../src/domain/access';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from './i18n-context';
import { useMe } from './use-me';

/** Hides a page from roles that may not use it (the server decides anyway). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useMe();
  const { t } = useI18n();
  if (roles.includes(me.role)) return children;
  return (
    <>
      <PageTitle>{t('problem.forbidden')}</PageTitle>
      <Result status="403" title="403" subTitle={t('common.forbiddenDetail')} />
    </>
  );
}
