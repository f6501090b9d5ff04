import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Flex, Layout, Menu, type MenuProps, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { FullPageSpin } from '../components/FullPageSpin';
import { LanguageButton } from '../components/LanguageButton';
import { NotificationBell } from '../components/NotificationBell';
import { useLogout } from '../pages/auth/queries';
import { ADMIN_ICON, ADMIN_MODULES, API_DOCS_ICON, API_DOCS_PATH, MODULES, moduleKeyOf } from './modules';
import { useI18n } from './i18n-context';
import { CHANGE_PASSWORD_PATH } from './RequireAuth';
import { useMe } from './use-me';

function useMenuItems(): MenuProps['items'] {
  const { t } = useI18n();
  const me = useMe();
  const items: NonNullable<MenuProps['items']> = MODULES.map((m) => ({
    key: m.path,
    icon: m.icon,
    label: <Link to={m.path}>{t(m.label)}</Link>,
  }));
  if (me.role === 'admin') {
    items.push({
      key: 'admin',
      icon: ADMIN_ICON,
      label: t('nav.admin'),
      children: [
        ...ADMIN_MODULES.map((m) => ({ key: m.path, icon: m.icon, label: <Link to={m.path}>{t(m.label)}</Link> })),
        {
          key: API_DOCS_PATH,
          icon: API_DOCS_ICON,
          label: (
            <a href={API_DOCS_PATH} target="_blank" rel="noopener noreferrer">
              {t('nav.apiDocs')}
            </a>
          ),
        },
      ],
    });
  }
  return items;
}

function HeaderBar() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const { message } = App.useApp();
  const onLogout = () =>
    logout.mutate(undefined, {
      onSuccess: () => navigate('/login', { replace: true }),
      onError: (e) => void message.error(e.message),
    });
  const userMenu: MenuProps = {
    items: [
      { key: 'password', label: t('auth.changePassword'), onClick: () => navigate(CHANGE_PASSWORD_PATH) },
      { key: 'logout', label: t('auth.logout'), onClick: onLogout },
    ],
  };
  return (
    <Flex align="center" justify="space-between" gap={16} style={{ height: '100%' }}>
      <Link to="/" style={{ color: 'inherit' }}>
        <Typography.Text strong style={{ fontSize: 17 }}>
          {t('app.name')}
        </Typography.Text>
      </Link>
      <Flex align="center" gap={8} wrap>
        <Dropdown menu={userMenu} trigger={['click']}>
          <Button type="text" icon={<UserOutlined />} title={t('app.userMenu')}>
            {me.displayName}
          </Button>
        </Dropdown>
        <Tag color="green">{t(`role.${me.role}`)}</Tag>
        <NotificationBell />
        <LanguageButton />
        <Button icon={<LogoutOutlined />} onClick={onLogout} loading={logout.isPending}>
          {t('auth.logout')}
        </Button>
      </Flex>
    </Flex>
  );
}

/** The layout after login: header, the module menu, and the page. A user with an initial password sees no menu. */
export function AppShell() {
  const me = useMe();
  const location = useLocation();
  const items = useMenuItems();
  const { t } = useI18n();
  const [collapsed, setCollapsed] = useState(false);
  const selected = moduleKeyOf(location.pathname);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', paddingInline: 24 }}>
        <HeaderBar />
      </Layout.Header>
      <Layout>
        {!me.mustChangePassword && (
          <Layout.Sider
            theme="light"
            width={220}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            breakpoint="lg"
            style={{ borderRight: '1px solid #f0f0f0' }}
          >
            <nav aria-label={t('app.mainMenu')}>
              <Menu mode="inline" items={items} selectedKeys={[selected]} defaultOpenKeys={selected.startsWith('/admin') ? ['admin'] : []} />
            </nav>
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <main>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
