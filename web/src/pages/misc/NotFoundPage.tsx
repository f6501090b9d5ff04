import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';
import { PageTitle } from '../../components/PageTitle';

export function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle>{t('common.notFound')}</PageTitle>
      <Result
        status="404"
        title="404"
        subTitle={t('common.notFoundDetail')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('module.backHome')}
          </Button>
        }
      />
    </>
  );
}
