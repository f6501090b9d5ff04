import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import type { Me } from '../auth/queries';
import { TableTitle } from '../dashboard/TableTitle';
import { regionsQuery } from '../org/queries';
import { codeKey, warningKey } from './labels';
import { ProjectModal } from './ProjectModal';
import { type Project, projectsQuery } from './queries';
import { canEditProjects } from './roles';

/** 两高一低项目: the inventory in the user's scope, warned rows first and in red, their warnings beside the name; the county or city edits. */
export function ProjectsTab({ me }: { me: Me }) {
  const { t, locale } = useI18n();
  const [warnedOnly, setWarnedOnly] = useState(false);
  const projects = useQuery(projectsQuery(warnedOnly));
  const regions = useQuery(regionsQuery());
  const [editing, setEditing] = useState<Project | 'new' | null>(null);
  const num = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }), [locale]);
  const regionName = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? code;
  const rows = useMemo(() => [...(projects.data ?? [])].sort((a, b) => b.warnings.length - a.warnings.length || a.regionCode.localeCompare(b.regionCode)), [projects.data]);
  const warnings = (p: Project) => p.warnings.map((w) => t(warningKey(w)));
  const approval = (s: string, no: string | null) => `${t(codeKey('ent.approval', s))}${no ? `（${no}）` : ''}`;

  const columns: ExportColumn<Project>[] = [
    { title: t('ent.project.name'), dataIndex: 'name', width: 200 },
    {
      title: t('ent.project.warnings'),
      key: 'warnings',
      width: 180,
      render: (_, p) => (
        <Space size={4} wrap>
          {warnings(p).map((w) => (
            <Tag key={w} color="red">
              {w}
            </Tag>
          ))}
        </Space>
      ),
      exportValue: (p) => warnings(p).join('、') || null,
    },
    { title: t('ent.field.region'), dataIndex: 'regionCode', width: 90, render: (c: string) => regionName(c), exportValue: (p) => regionName(p.regionCode) },
    { title: t('ent.project.industry'), dataIndex: 'industry', width: 90 },
    { title: t('ent.project.stage'), dataIndex: 'stage', width: 90, render: (s: string) => t(codeKey('ent.stage', s)), exportValue: (p) => t(codeKey('ent.stage', p.stage)) },
    { title: t('ent.project.annualEnergyTce'), dataIndex: 'annualEnergyTce', width: 120, align: 'right', render: (v: number | null) => (v === null ? '—' : num.format(v)), exportValue: (p) => p.annualEnergyTce },
    { title: t('ent.project.energyReview'), key: 'energyReview', width: 170, render: (_, p) => approval(p.energyReviewStatus, p.energyReviewNo), exportValue: (p) => approval(p.energyReviewStatus, p.energyReviewNo) },
    { title: t('ent.project.eia'), key: 'eia', width: 170, render: (_, p) => approval(p.eiaStatus, p.eiaNo), exportValue: (p) => approval(p.eiaStatus, p.eiaNo) },
    { title: t('ent.project.disposal'), dataIndex: 'disposal', width: 100, render: (d: string) => t(codeKey('ent.disposal', d)), exportValue: (p) => t(codeKey('ent.disposal', p.disposal)) },
    ...(canEditProjects(me)
      ? [
          {
            title: t('ent.col.actions'),
            key: 'actions',
            width: 80,
            fixed: 'right' as const,
            render: (_: unknown, p: Project) => (
              <Button size="small" type="link" onClick={() => setEditing(p)} aria-label={t('ent.editOf', { name: p.name })}>
                {t('ent.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const name = t('ent.projects');
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="center">
        <Space>
          <Switch id="ent-warned" checked={warnedOnly} onChange={setWarnedOnly} />
          <label htmlFor="ent-warned">{t('ent.project.warnedOnly')}</label>
        </Space>
        {canEditProjects(me) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('ent.project.new')}
          </Button>
        )}
        <Typography.Text type="secondary">{t('ent.project.help')}</Typography.Text>
      </Flex>
      {projects.isError ? (
        <QueryError error={projects.error} onRetry={() => void projects.refetch()} />
      ) : (
        <Table<Project>
          rowKey="id"
          size="small"
          loading={projects.isPending}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 1500 }}
          rowClassName={(p) => (p.warnings.length ? 'ent-warned-row' : '')}
          onRow={(p) => (p.warnings.length ? { style: { background: '#fff1f0' } } : {})}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          title={() => <TableTitle extra={<ExportButton name={name} columns={columns} rows={rows} />}>{name}</TableTitle>}
        />
      )}
      <ProjectModal me={me} project={editing} regions={regions.data ?? []} onClose={() => setEditing(null)} />
    </Flex>
  );
}
