import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { ExportButton } from '../../components/ExportButton';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import { CreateUserModal } from './CreateUserModal';
import { InitialPasswordModal } from './InitialPasswordModal';
import { departmentsQuery, regionsQuery, type User, type UserWithPassword, usersQuery, useUpdateUser } from './queries';

/** User administration: list, create (initial password shown once), reset password, disable. */
export function UsersPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const users = useQuery(usersQuery());
  const regions = useQuery(regionsQuery());
  const departments = useQuery(departmentsQuery());
  const update = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<UserWithPassword | null>(null);

  const regionName = new Map(regions.data?.map((r) => [r.code, r.name]));
  const deptName = new Map(departments.data?.map((d) => [d.id, d.name]));
  const scopeOf = (u: User) =>
    u.regionCode ? (regionName.get(u.regionCode) ?? u.regionCode) : u.departmentId ? (deptName.get(u.departmentId) ?? u.departmentId) : u.enterpriseId ? `${t('users.enterpriseId')} ${u.enterpriseId}` : '—';

  const patch = (u: User, body: Parameters<typeof update.mutate>[0]['patch']) =>
    update.mutate(
      { id: u.id, patch: body },
      {
        onSuccess: (updated) => (updated.initialPassword ? setShown(updated) : void message.success(t('users.updated'))),
        onError: (e) => void message.error(e.message),
      },
    );

  const columns: ExportColumn<User>[] = [
    { title: t('auth.username'), dataIndex: 'username', width: 140 },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 160 },
    { title: t('users.role'), dataIndex: 'role', width: 200, render: (_, u) => t(`role.${u.role}`), exportValue: (u) => t(`role.${u.role}`) },
    { title: t('users.scope'), key: 'scope', width: 160, render: (_, u) => scopeOf(u), exportValue: (u) => scopeOf(u) },
    {
      title: t('users.status'),
      key: 'status',
      width: 180,
      render: (_, u) => (
        <>
          {u.isDisabled ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>}
          {u.mustChangePassword && <Tag color="orange">{t('users.pendingPassword')}</Tag>}
        </>
      ),
      exportValue: (u) => [t(u.isDisabled ? 'users.disabled' : 'users.active'), ...(u.mustChangePassword ? [t('users.pendingPassword')] : [])].join('、'),
    },
    {
      title: t('users.actions'),
      key: 'actions',
      width: 180,
      render: (_, u) =>
        u.id === me.id ? null : (
          <Space size={4}>
            <Popconfirm title={t('users.resetConfirm', { name: u.displayName })} okText={t('common.yes')} cancelText={t('common.no')} onConfirm={() => patch(u, { resetPassword: true })}>
              <Button size="small">{t('users.resetPassword')}</Button>
            </Popconfirm>
            <Button size="small" danger={!u.isDisabled} onClick={() => patch(u, { isDisabled: !u.isDisabled })}>
              {u.isDisabled ? t('users.enable') : t('users.disable')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        }
      >
        {t('users.title')}
      </PageTitle>
      {users.isError ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table<User>
          rowKey="id"
          size="small"
          loading={users.isPending}
          columns={columns}
          dataSource={users.data}
          scroll={{ x: 'max-content' }}
          title={() => <ExportButton name={t('users.title')} columns={columns} rows={users.data} />}
        />
      )}
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setCreating(false);
          void message.success(t('users.created', { username: user.username }));
          setShown(user);
        }}
      />
      <InitialPasswordModal user={shown} onClose={() => setShown(null)} />
    </>
  );
}
