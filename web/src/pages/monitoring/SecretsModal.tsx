import { Alert, App, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { createSchemaFieldRule } from 'antd-zod';
import { z } from 'zod';
import { StationSecretsBody } from '../../../../src/modules/monitoring/schemas';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemDetail } from '../../components/problem-text';
import { type Station, useSetSecrets } from './queries';
import { type SecretsFormValues, toSecretsBody } from './station-form';

// Each field checked by the contract's own rule (StationSecretsBody); empty leaves that secret as it is.
const emptyOr = <T extends z.ZodType>(rule: T) => rule.or(z.literal('')).optional();
const SM4_KEY = emptyOr(StationSecretsBody.shape.sm4Keys.unwrap().element);
const keyRule = createSchemaFieldRule(z.object({ key1: SM4_KEY, key2: SM4_KEY }));
const pwRule = createSchemaFieldRule(z.object({ pw: emptyOr(StationSecretsBody.shape.pw.unwrap()) }));

/**
 * 设置密码/密钥: a new HJ 212 PW and SM4 keys (current and previous, for a rotation). Stored secrets are never shown:
 * the form says only whether a PW is set and how many keys there are; an empty field leaves its secret as it was.
 */
export function SecretsModal({ station, onClose }: { station: Station | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SecretsFormValues>();
  const save = useSetSecrets();
  const clearKeys = Form.useWatch('clearKeys', form);

  const onFinish = (v: SecretsFormValues) => {
    if (!station) return;
    const body = toSecretsBody(v);
    if (!body.pw && !body.sm4Keys) {
      form.setFields([{ name: 'pw', errors: [t('monitoring.secrets.nothing')] }]);
      return;
    }
    save.mutate(
      { id: station.id, body },
      {
        onSuccess: () => {
          void message.success(t('monitoring.secrets.saved', { name: station.name }));
          onClose();
        },
      },
    );
  };
  const error = save.error instanceof ApiError ? save.error : null;
  return (
    <Modal
      open={station !== null}
      title={t('monitoring.secrets.titleOf', { name: station?.name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        save.reset();
        form.resetFields();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('monitoring.secrets.state', { pw: station?.hasPw ? t('monitoring.secrets.pwSet') : t('monitoring.secrets.pwNotSet'), keys: station?.sm4KeyCount ?? 0 })}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginBottom: 16 }} />}
      <Form<SecretsFormValues> form={form} name="monitoring-secrets" layout="vertical" onFinish={onFinish} autoComplete="off">
        <Form.Item label={t('monitoring.secrets.pw')} name="pw" rules={[pwRule]} extra={t('monitoring.secrets.pwHelp')}>
          <Input.Password maxLength={32} autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t('monitoring.secrets.key1')} name="key1" rules={[keyRule]} extra={t('monitoring.secrets.keyHelp')}>
          <Input.Password maxLength={32} autoComplete="off" disabled={clearKeys} />
        </Form.Item>
        <Form.Item label={t('monitoring.secrets.key2')} name="key2" rules={[keyRule]}>
          <Input.Password maxLength={32} autoComplete="off" disabled={clearKeys} />
        </Form.Item>
        <Form.Item name="clearKeys" valuePropName="checked">
          <Checkbox>{t('monitoring.secrets.clearKeys')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
