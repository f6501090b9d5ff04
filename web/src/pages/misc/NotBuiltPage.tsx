import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { MessageKey } from '../../../../src/i18n/index';
import { useI18n } from '../../app/i18n-context';
import { PageTitle } from '../../components/PageTitle';

/** A module of the plan that is not built yet: says so plainly, with a way back. */
export function NotBuiltPage({ label }: { label: MessageKey }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const name = t(label);
  return (
    <>
      <PageTitle>{name}</PageTitle>
      <Result
        status="info"
        title={t('module.notBuilt')}
        subTitle={t('module.notBuiltDetail', { name })}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('module.backHome')}
          </Button>
        }
      />
    </>
  );
}
