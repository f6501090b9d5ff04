import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Flex, Input, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { MEASURE_TYPES, type MeasureType, POLLUTANTS, type Pollutant, PROJECT_STATUSES } from '../../../../src/domain/reduction/model';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { FilterSelect, HiddenLabel } from '../../components/HiddenLabel';
import { problemDetail } from '../../components/problem-text';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import type { Me } from '../auth/queries';
import { TableTitle } from '../dashboard/TableTitle';
import { localRegions, regionsQuery } from '../org/queries';
import { formatTonnes, round2 } from './format';
import { dispatchStatusKey, evidenceKey, pollutantKey, STATUS_TAG, statusKey, typeKey } from './labels';
import { ProjectModal } from './ProjectModal';
import { type Project, type ProjectFilter, projectsQuery, useRegisterProject } from './queries';
import { canEditProject, canEditProjects } from './roles';

type Status = (typeof PROJECT_STATUSES)[number] | 'verified';
const STATUSES: Status[] = [...PROJECT_STATUSES, 'verified'];
const TYPES = Object.keys(MEASURE_TYPES) as MeasureType[];

/** 工程项目: the registry in the user's scope with its filters, 登记项目 (a draft), 提交登记, and each project's file in a drawer. */
export function ProjectsTab({ me, onOpen }: { me: Me; onOpen: (id: number) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<ProjectFilter>({});
  const [q, setQ] = useState('');
  const projects = useQuery(projectsQuery(filter));
  const regions = useQuery(regionsQuery());
  const register = useRegisterProject();
  const [editing, setEditing] = useState<Project | 'new' | null>(null);
  const regionName = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? code;
  const rows = projects.data ?? [];
  const tonnes = (p: Project) => p.pollutants.map((x) => `${t(pollutantKey(x))} ${formatTonnes(p.verified_t[x] ?? 0, locale)}`).join('；');
  const set = (next: Partial<ProjectFilter>) => setFilter((f) => ({ ...f, ...next }));

  const onRegister = (p: Project) =>
    register.mutate(p.id, {
      onSuccess: () => void message.success(t('reduction.project.registeredMsg', { name: p.name })),
      onError: (e) => void message.error(e instanceof ApiError ? (problemDetail(e) ?? e.title) : e.message),
    });

  const columns: ExportColumn<Project>[] = [
    { title: t('reduction.project.code'), dataIndex: 'code', width: 150 },
    { title: t('reduction.project.name'), dataIndex: 'name', width: 220 },
    { title: t('reduction.region'), dataIndex: 'regionCode', width: 90, render: (c: string) => regionName(c), exportValue: (p) => regionName(p.regionCode) },
    { title: t('reduction.project.type'), dataIndex: 'measureType', width: 200, render: (k: MeasureType) => t(typeKey(k)), exportValue: (p) => t(typeKey(p.measureType)) },
    { title: t('reduction.project.pollutants'), dataIndex: 'pollutants', width: 140, render: (ps: Pollutant[]) => ps.map((x) => t(pollutantKey(x))).join('、'), exportValue: (p) => p.pollutants.map((x) => t(pollutantKey(x))).join('、') },
    { title: t('reduction.project.facility'), dataIndex: 'facilityName', width: 180 },
    {
      title: t('reduction.project.status'),
      key: 'status',
      width: 120,
      render: (_, p) => (p.registered ? <Tag color={STATUS_TAG[p.status]}>{t(statusKey(p.status))}</Tag> : <Tag>{t('reduction.project.draft')}</Tag>),
      exportValue: (p) => (p.registered ? t(statusKey(p.status)) : t('reduction.project.draft')),
    },
    { title: t('reduction.project.verifiedT'), key: 'verified', width: 200, render: (_, p) => tonnes(p), exportValue: (p) => tonnes(p) },
    ...POLLUTANTS.map((x) => ({ title: `${t(pollutantKey(x))}（${t('reduction.unit.t')}）`, key: `v-${x}`, hidden: true, exportValue: (p: Project) => round2(p.verified_t[x] ?? 0) })),
    {
      title: t('reduction.project.lastDispatch'),
      key: 'last',
      width: 150,
      render: (_, p) => (p.lastDispatchMonth ? `${p.lastDispatchMonth} ${t(dispatchStatusKey(p.lastDispatchStatus))}` : '—'),
      exportValue: (p) => (p.lastDispatchMonth ? `${p.lastDispatchMonth} ${t(dispatchStatusKey(p.lastDispatchStatus))}` : null),
    },
    {
      title: t('reduction.project.missingEvidence'),
      key: 'missing',
      width: 200,
      render: (_, p) => p.missingEvidence.map((k) => t(evidenceKey(k))).join('、') || '—',
      exportValue: (p) => p.missingEvidence.map((k) => t(evidenceKey(k))).join('、') || null,
    },
    {
      title: t('reduction.actions'),
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_, p) => (
        <Space size={0} wrap>
          <Button size="small" type="link" onClick={() => onOpen(p.id)} aria-label={t('reduction.project.openOf', { name: p.name })}>
            {t('reduction.project.open')}
          </Button>
          {canEditProject(me, p) && (
            <Button size="small" type="link" onClick={() => setEditing(p)} aria-label={t('reduction.project.editOf', { name: p.name })}>
              {t('reduction.project.edit')}
            </Button>
          )}
          {!p.registered && canEditProject(me, p) && (
            <Button size="small" type="primary" ghost loading={register.isPending && register.variables === p.id} onClick={() => onRegister(p)} aria-label={t('reduction.project.registerOf', { name: p.name })}>
              {t('reduction.project.register')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  const name = t('reduction.project.list');
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        {me.role !== 'county' && (
          <FilterSelect<string>
            id="red-f-region"
            label={t('reduction.project.region')}
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 150 }}
            value={filter.regionCode}
            onChange={(v) => set({ regionCode: v })}
            options={localRegions(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
          />
        )}
        <FilterSelect<MeasureType>
          id="red-f-type"
          label={t('reduction.project.filterType')}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 260 }}
          value={filter.measureType}
          onChange={(v) => set({ measureType: v })}
          options={TYPES.map((k) => ({ value: k, label: t(typeKey(k)) }))}
        />
        <FilterSelect<Pollutant> id="red-f-pollutant" label={t('reduction.project.filterPollutant')} allowClear style={{ width: 140 }} value={filter.pollutant} onChange={(v) => set({ pollutant: v })} options={POLLUTANTS.map((p) => ({ value: p, label: t(pollutantKey(p)) }))} />
        <FilterSelect<Status> id="red-f-status" label={t('reduction.project.filterStatus')} allowClear style={{ width: 130 }} value={filter.status} onChange={(v) => set({ status: v })} options={STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))} />
        <HiddenLabel htmlFor="red-f-q">{t('reduction.project.search')}</HiddenLabel>
        <Input.Search id="red-f-q" allowClear placeholder={t('reduction.project.search')} style={{ width: 300 }} value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} />
        {canEditProjects(me) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('reduction.project.new')}
          </Button>
        )}
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
          scroll={{ x: 1900 }}
          locale={{ emptyText: t('reduction.project.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          title={() => <TableTitle extra={<ExportButton name={name} columns={columns} rows={rows} />}>{name}</TableTitle>}
        />
      )}
      <ProjectModal me={me} project={editing} regions={regions.data ?? []} onClose={() => setEditing(null)} />
    </Flex>
  );
}
