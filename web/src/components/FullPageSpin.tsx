import { Flex, Spin } from 'antd';
import { useI18n } from '../app/i18n-context';

/** A centred spinner while a page or the session loads. */
export function FullPageSpin() {
  const { t } = useI18n();
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240, height: '100%' }}>
      <Spin size="large" tip={t('common.loading')}>
        <div style={{ padding: 48 }} />
      </Spin>
    </Flex>
  );
}
