import { Alert, App, Button, Card, Form, Input } from 'antd';
import { createSchemaFieldRule } from 'antd-zod';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { problemToFields } from '../../components/form-errors';
import { PageTitle } from '../../components/PageTitle';
import { problemDetail } from '../../components/problem-text';
import { type ChangePasswordForm, changePasswordFormSchema } from './password-form';
import { useChangePassword } from './queries';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

/** Change password: forced after the first login, and reachable from the user menu. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordForm>();
  const change = useChangePassword();
  const rule = useMemo(() => createSchemaFieldRule(changePasswordFormSchema(t)), [t]);

  const onFinish = ({ currentPassword, newPassword }: ChangePasswordForm) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('auth.passwordChanged'));
          navigate('/', { replace: true });
        },
        onError: (e) => {
          if (e instanceof ApiError) form.setFields(problemToFields(e, FIELDS));
        },
      },
    );

  const error = change.error instanceof ApiError ? change.error : null;
  const unmapped = error && problemToFields(error, FIELDS).length === 0;
  return (
    <>
      <PageTitle>{t('auth.changePassword')}</PageTitle>
      <Card style={{ maxWidth: 480 }}>
        {me.mustChangePassword && <Alert type="warning" showIcon message={t('auth.mustChange')} style={{ marginBottom: 16 }} />}
        {unmapped && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginBottom: 16 }} />}
        <Form<ChangePasswordForm> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item label={t('auth.currentPassword')} name="currentPassword" rules={[rule]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item label={t('auth.newPassword')} name="newPassword" rules={[rule]} extra={t('auth.passwordRule')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item label={t('auth.confirmPassword')} name="confirmPassword" dependencies={['newPassword']} rules={[rule]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
