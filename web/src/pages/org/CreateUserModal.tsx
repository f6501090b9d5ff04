import { useQuery } from '@tanstack/react-query';
import { FormProblem } from '../../components/FormProblem';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { createSchemaFieldRule } from 'antd-zod';
import { ROLES, type Role } from '../../../../src/domain/access';
import { UserBody } from '../../../../src/modules/org/schemas';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { departmentsQuery, localRegions, type NewUser, regionsQuery, type UserWithPassword, useCreateUser } from './queries';

const rule = createSchemaFieldRule(UserBody);
const FIELDS = ['username', 'displayName', 'role', 'regionCode', 'departmentId', 'enterpriseId'] as const;
type Values = { username: string; displayName: string; role: Role; regionCode?: string; departmentId?: number; enterpriseId?: number };

/** The scope a role needs, and only that one. */
function toBody(v: Values): NewUser {
  return {
    username: v.username,
    displayName: v.displayName,
    role: v.role,
    regionCode: v.role === 'county' ? (v.regionCode ?? null) : null,
    departmentId: v.role === 'department' ? (v.departmentId ?? null) : null,
    enterpriseId: v.role === 'enterprise' ? (v.enterpriseId ?? null) : null,
  };
}

type Props = { open: boolean; onClose: () => void; onCreated: (user: UserWithPassword) => void };

/** New user: username, name, role, and the region, department or enterprise the role works for. */
export function CreateUserModal({ open, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const create = useCreateUser();
  const regions = useQuery(regionsQuery());
  const departments = useQuery(departmentsQuery());
  const scopeRule = { required: true, message: t('users.scopeRequired') };

  const onFinish = (v: Values) =>
    create.mutate(toBody(v), {
      onSuccess: (user) => {
        form.resetFields();
        onCreated(user);
      },
      onError: (e) => {
        if (e instanceof ApiError) form.setFields(problemToFields(e, FIELDS));
      },
    });

  const error = create.error instanceof ApiError ? create.error : null;
  return (
    <Modal
      open={open}
      title={t('users.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <FormProblem error={error} fields={FIELDS} />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item label={t('auth.username')} name="username" extra={t('users.usernameRule')} validateFirst rules={[{ required: true, message: t('auth.usernameRequired') }, rule]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('users.displayName')} name="displayName" validateFirst rules={[{ required: true, message: t('users.displayNameRequired') }, rule]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('users.role')} name="role" rules={[{ required: true, message: t('users.roleRequired') }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        {role === 'county' && (
          <Form.Item label={t('users.region')} name="regionCode" rules={[scopeRule]}>
            <Select showSearch optionFilterProp="label" options={regions.data ? localRegions(regions.data).map((r) => ({ value: r.code, label: r.name })) : []} />
          </Form.Item>
        )}
        {role === 'department' && (
          <Form.Item label={t('users.department')} name="departmentId" rules={[scopeRule]}>
            <Select showSearch optionFilterProp="label" options={departments.data?.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        )}
        {role === 'enterprise' && (
          <Form.Item label={t('users.enterpriseId')} name="enterpriseId" rules={[scopeRule]}>
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
