import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { createSchemaFieldRule } from 'antd-zod';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { LoginBody } from '../../../../src/modules/auth/schemas';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemDetail } from '../../components/problem-text';
import { AuthCard } from './AuthCard';
import { useLogin } from './queries';

const rule = createSchemaFieldRule(LoginBody);

function fromOf(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string' && state.from.startsWith('/')) {
    return state.from === '/login' ? '/' : state.from;
  }
  return '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const login = useLogin();
  useEffect(() => {
    document.title = `${t('auth.login')} - ${t('app.name')}`;
  }, [t]);

  const onFinish = (values: LoginBody) =>
    login.mutate(values, { onSuccess: (me) => navigate(me.mustChangePassword ? '/change-password' : fromOf(location.state), { replace: true }) });

  const error = login.error instanceof ApiError ? login.error : null;
  return (
    <AuthCard title={t('auth.login')}>
      {login.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message={error ? error.title : t('common.error')}
          description={error ? problemDetail(error) : undefined}
        />
      )}
      <Form<LoginBody> layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
        <Form.Item label={t('auth.username')} name="username" validateFirst rules={[{ required: true, message: t('auth.usernameRequired') }, rule]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item label={t('auth.password')} name="password" validateFirst rules={[{ required: true, message: t('auth.passwordRequired') }, rule]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('auth.login')}
        </Button>
      </Form>
    </AuthCard>
  );
}
