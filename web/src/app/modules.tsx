import {
  AimOutlined,
  ApiOutlined,
  AuditOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FundOutlined,
  GlobalOutlined,
  HomeOutlined,
  PieChartOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../../src/i18n/index';

/** A module of the platform as the menu lists it; `built: false` routes to the “under construction” page. */
export type ModuleDef = { path: string; label: MessageKey; icon: ReactNode; built: boolean };

export const MODULES: readonly ModuleDef[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined />, built: true },
  { path: '/plan', label: 'nav.plan', icon: <AimOutlined />, built: true },
  { path: '/mine', label: 'nav.mine', icon: <ProfileOutlined />, built: true },
  { path: '/reporting', label: 'nav.reporting', icon: <ScheduleOutlined />, built: true },
  { path: '/reporting/dashboard', label: 'dashboard.nav', icon: <PieChartOutlined />, built: true },
  { path: '/dual-control', label: 'nav.dualcontrol', icon: <ThunderboltOutlined />, built: true },
  { path: '/enterprises', label: 'nav.enterprises', icon: <ClusterOutlined />, built: true },
  { path: '/reduction', label: 'nav.reduction', icon: <FundOutlined />, built: true },
  { path: '/monitoring', label: 'nav.monitoring', icon: <DashboardOutlined />, built: true },
  { path: '/assessment', label: 'nav.assessment', icon: <TrophyOutlined />, built: true },
  { path: '/supervision', label: 'nav.supervision', icon: <SafetyCertificateOutlined />, built: true },
  { path: '/public', label: 'nav.public', icon: <GlobalOutlined />, built: true },
];

export const ADMIN_MODULES: readonly ModuleDef[] = [
  { path: '/admin/audit', label: 'nav.audit', icon: <AuditOutlined />, built: true },
  { path: '/admin/users', label: 'nav.users', icon: <TeamOutlined />, built: true },
];

export const API_DOCS_PATH = '/api/docs';
export const ADMIN_ICON = <SettingOutlined />;
export const API_DOCS_ICON = <ApiOutlined />;

/** The menu entry a location belongs to: the longest module path that prefixes it. */
export function moduleKeyOf(pathname: string): string {
  const all = [...MODULES, ...ADMIN_MODULES].map((m) => m.path);
  const hits = all.filter((p) => (p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`)));
  return hits.sort((a, b) => b.length - a.length)[0] ?? '';
}
