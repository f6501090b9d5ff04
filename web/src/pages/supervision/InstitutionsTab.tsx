import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { INSTITUTION_KINDS, INSTITUTION_LEVELS } from '../../../../src/domain/supervision/reference';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { HiddenLabel } from '../../components/HiddenLabel';
import { QueryError } from '../../components/QueryError';
import { YearSelect } from '../../components/YearSelect';
import { TableTitle } from '../dashboard/TableTitle';
import { regionsQuery } from '../org/queries';
import { ExcelImportButtons, ImportErrors } from '../reporting/ExcelImport';
import { EconomyTable } from './institution-economy';
import { InstitutionDrawer } from './institution-drawer';
import { InstitutionModal } from './institution-modal';
import { instKey, LEVEL_COLOR, recentYears } from './institution-labels';
import { type Institution, type InstitutionRow, institutionsQuery, quotaTableUrl, registryTemplateUrl, useImportInstitutions } from './institution-queries';

/**
 * 公共机构 (issue #11, plan 二（六）): the registry with the year's use against quota (over-quota and warnings first),
 * an institution's years in a drawer, the 80 % 节约型机关 goal per county, and the demonstration units.
 */
export function InstitutionsTab() {
  const { t, locale } = useI18n();
  const me = useMe();
  const years = useMemo(() => recentYears(new Date()), []);
  const [year, setYear] = useState(years[1]!);
  const [filter, setFilter] = useState<{ regionCode?: string; kind?: string; level?: string }>({});
  const list = useQuery(institutionsQuery({ year, ...filter }));
  const regions = useQuery(regionsQuery());
  const importer = useImportInstitutions();
  const [editing, setEditing] = useState<Institution | 'new' | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const num = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }), [locale]);
  // A department writes only as 市机关事务管理中心, which the rows tell (canWrite); the server decides anyway.
  const writer = me.role !== 'department' || (list.data ?? []).some((r) => r.canWrite);
  const regionLabel = (code: string, name: string) => (regions.data?.find((r) => r.code === code)?.kind === 'city' ? t('supervision.inst.cityOwn') : name);

  const status = (r: InstitutionRow) => {
    if (!r.use) return <Typography.Text type="secondary">{t('supervision.inst.notFiled')}</Typography.Text>;
    if (!r.use.level) return <Tag>{t('supervision.inst.notEvaluable')}</Tag>;
    return <Tag color={LEVEL_COLOR[r.use.level]}>{t(instKey('level', r.use.level))}</Tag>;
  };
  const worstRatio = (r: InstitutionRow) => Math.max(...(r.use?.evaluations ?? []).map((e) => e.ratio ?? 0), 0);
  const columns = [
    { title: t('supervision.inst.name'), dataIndex: 'name', width: 220 },
    { title: t('supervision.inst.status'), key: 'status', width: 110, render: (_: unknown, r: InstitutionRow) => status(r) },
    { title: t('supervision.inst.ratio'), key: 'ratio', width: 100, align: 'right' as const, render: (_: unknown, r: InstitutionRow) => (r.use?.level ? `${num.format(worstRatio(r) * 100)}%` : '—') },
    { title: t('supervision.inst.region'), key: 'region', width: 110, render: (_: unknown, r: InstitutionRow) => regionLabel(r.regionCode, r.regionName) },
    { title: t('supervision.inst.level'), dataIndex: 'level', width: 80, render: (v: string) => t(instKey('level', v)) },
    { title: t('supervision.inst.kind'), dataIndex: 'kind', width: 100, render: (v: string) => t(instKey('kind', v)) },
    { title: t('supervision.inst.energy'), key: 'energy', width: 130, align: 'right' as const, render: (_: unknown, r: InstitutionRow) => (r.use ? num.format(r.use.energyKgce) : '—') },
    { title: t('supervision.inst.economy'), dataIndex: 'economyStatus', width: 100, render: (v: string, r: InstitutionRow) => (r.kind === 'organ' ? t(instKey('economy', v)) : '—') },
    {
      title: '',
      key: 'actions',
      width: 140,
      fixed: 'right' as const,
      render: (_: unknown, r: InstitutionRow) => (
        <Flex gap={4}>
          <Button size="small" type="link" onClick={() => setOpen(r.id)} aria-label={t('supervision.inst.openOf', { name: r.name })}>
            {t('supervision.inst.open')}
          </Button>
          {r.canWrite && (
            <Button size="small" type="link" onClick={() => setEditing(r)} aria-label={t('supervision.inst.editOf', { name: r.name })}>
              {t('supervision.inst.edit')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];
  const selectFilter = (id: string, label: string, key: 'regionCode' | 'kind' | 'level', options: { value: string; label: string }[], allLabel: string) => (
    <>
      <HiddenLabel htmlFor={id}>{label}</HiddenLabel>
      <Select id={id} style={{ width: 140 }} allowClear placeholder={allLabel} value={filter[key]} onChange={(v?: string) => setFilter((f) => ({ ...f, [key]: v }))} options={options} />
    </>
  );
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center">
        <YearSelect id="inst-year" years={years} value={year} onChange={setYear} />
        {selectFilter('inst-region', t('supervision.inst.region'), 'regionCode', (regions.data ?? []).map((r) => ({ value: r.code, label: r.kind === 'city' ? t('supervision.inst.cityOwn') : r.name })), t('supervision.inst.allRegions'))}
        {selectFilter('inst-kind', t('supervision.inst.kind'), 'kind', INSTITUTION_KINDS.map((k) => ({ value: k, label: t(instKey('kind', k)) })), t('supervision.inst.allKinds'))}
        {selectFilter('inst-level', t('supervision.inst.level'), 'level', INSTITUTION_LEVELS.map((k) => ({ value: k, label: t(instKey('level', k)) })), t('supervision.inst.allLevels'))}
        <Button icon={<DownloadOutlined />} href={quotaTableUrl({ year, ...filter })}>
          {t('supervision.inst.quotaTable')}
        </Button>
        {writer && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('supervision.inst.new')}
            </Button>
            <ExcelImportButtons
              templateHref={registryTemplateUrl}
              templateFileName="public-institutions.xlsx"
              templateLabel={t('supervision.inst.template')}
              importLabel={t('supervision.inst.import')}
              importer={importer}
              importedMessage={(r) => t('supervision.inst.imported', { n: r.imported })}
            />
          </>
        )}
      </Flex>
      <Typography.Text type="secondary">{t('supervision.inst.help')}</Typography.Text>
      <ImportErrors importer={importer} />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<InstitutionRow>
          rowKey="id"
          size="small"
          loading={list.isPending}
          columns={columns}
          dataSource={list.data ?? []}
          scroll={{ x: 1100 }}
          onRow={(r) => (r.use?.level === 'over' ? { style: { background: '#fff1f0' } } : r.use?.level === 'warn' ? { style: { background: '#fff7e6' } } : {})}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          title={() => <TableTitle extra={null}>{t('supervision.inst.registry')}</TableTitle>}
        />
      )}
      <EconomyTable year={year} />
      <Showcase rows={list.data ?? []} regionLabel={regionLabel} />
      <InstitutionModal institution={editing} regions={regions.data ?? []} onClose={() => setEditing(null)} />
      <InstitutionDrawer id={open} year={year} onClose={() => setOpen(null)} />
    </Flex>
  );
}

/** 绿色低碳示范单位 and 节能现场教学点 among the listed institutions. */
function Showcase({ rows, regionLabel }: { rows: InstitutionRow[]; regionLabel: (code: string, name: string) => string }) {
  const { t } = useI18n();
  const shown = rows.filter((r) => r.demonstration !== 'none' || r.teachingPoint);
  return (
    <Table<InstitutionRow>
      rowKey="id"
      size="small"
      dataSource={shown}
      locale={{ emptyText: t('supervision.inst.noShowcase') }}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      title={() => <TableTitle extra={null}>{t('supervision.inst.showcase')}</TableTitle>}
      columns={[
        { title: t('supervision.inst.name'), dataIndex: 'name' },
        { title: t('supervision.inst.region'), key: 'region', render: (_: unknown, r) => regionLabel(r.regionCode, r.regionName) },
        { title: t('supervision.inst.demonstration'), dataIndex: 'demonstration', render: (v: string) => t(instKey('demo', v)) },
        { title: t('supervision.inst.teachingPoint'), dataIndex: 'teachingPoint', render: (v: boolean) => (v ? t('supervision.inst.yes') : t('supervision.inst.no')) },
      ]}
    />
  );
}
