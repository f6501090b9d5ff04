import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { HiddenLabel } from '../../components/HiddenLabel';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import type { Me } from '../auth/queries';
import { TableTitle } from '../dashboard/TableTitle';
import { localRegions, regionsQuery } from '../org/queries';
import { EnterpriseModal } from './EnterpriseModal';
import { type Enterprise, enterprisesQuery } from './queries';
import { canCreateEnterprise, isCity } from './roles';

/** 企业名录: the enterprises in the user's scope, searchable; opens one to edit, or to its reports. */
export function DirectoryTab({ me, onReports }: { me: Me; onReports: (id: number) => void }) {
  const { t } = useI18n();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const list = useQuery(enterprisesQuery({ regionCode, q: q.trim() || undefined }));
  const regions = useQuery(regionsQuery());
  const [editing, setEditing] = useState<Enterprise | 'new' | null>(null);
  const nameOf = useMemo(() => new Map((regions.data ?? []).map((r) => [r.code, r.name])), [regions.data]);
  const regionName = (code: string) => nameOf.get(code) ?? code;
  const classLabel = (e: Enterprise) => (e.isKeyEnergyUnit ? t(e.keyUnitClass === 'designatable' ? 'ent.class.designatable' : 'ent.class.key') : t('ent.class.none'));

  const columns: ExportColumn<Enterprise>[] = [
    { title: t('ent.field.name'), dataIndex: 'name', width: 220 },
    { title: t('ent.field.uscc'), dataIndex: 'uscc', width: 190 },
    { title: t('ent.field.region'), dataIndex: 'regionCode', width: 100, render: (c: string) => regionName(c), exportValue: (e) => regionName(e.regionCode) },
    { title: t('ent.field.industry'), dataIndex: 'industry', width: 140, render: (_, e) => [e.industryCode, e.industry].filter(Boolean).join(' ') || '—', exportValue: (e) => [e.industryCode, e.industry].filter(Boolean).join(' ') || null },
    {
      title: t('ent.field.keyUnitClass'),
      key: 'class',
      width: 150,
      render: (_, e) => (
        <Space size={4} wrap>
          <Tag color={e.isKeyEnergyUnit ? 'blue' : 'default'}>{classLabel(e)}</Tag>
          {e.isKeyPollutantUnit && <Tag color="purple">{t('ent.field.isKeyPollutantUnit')}</Tag>}
        </Space>
      ),
      exportValue: classLabel,
    },
    { title: t('ent.field.energyManager'), dataIndex: 'energyManager', width: 110 },
    { title: t('ent.field.energyManagerPhone'), dataIndex: 'energyManagerPhone', width: 130 },
    {
      title: t('ent.col.actions'),
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_, e) => (
        <Space size={4}>
          {me.role !== 'department' && (
            <Button size="small" type="link" onClick={() => setEditing(e)} aria-label={t('ent.editOf', { name: e.name })}>
              {t('ent.edit')}
            </Button>
          )}
          <Button size="small" type="link" onClick={() => onReports(e.id)} aria-label={t('ent.reportsOf', { name: e.name })}>
            {t('ent.reports')}
          </Button>
          <Link to={`/enterprises/${e.id}/meters`} aria-label={t('ent.metersOf', { name: e.name })}>
            {t('ent.meters')}
          </Link>
        </Space>
      ),
    },
  ];
  const name = t('ent.directory');
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        {isCity(me) && (
          <>
            <HiddenLabel htmlFor="ent-region">{t('ent.field.region')}</HiddenLabel>
            <Select
              id="ent-region"
              allowClear
              style={{ width: 160 }}
              placeholder={t('ent.allRegions')}
              value={regionCode}
              onChange={setRegionCode}
              options={localRegions(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
            />
          </>
        )}
        {me.role !== 'enterprise' && <Input.Search aria-label={t('ent.search')} placeholder={t('ent.search')} allowClear style={{ width: 260 }} onSearch={setQ} />}
        {canCreateEnterprise(me) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('ent.new')}
          </Button>
        )}
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Enterprise>
          rowKey="id"
          size="small"
          loading={list.isPending}
          columns={columns}
          dataSource={list.data}
          scroll={{ x: 1200 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          title={() => <TableTitle extra={<ExportButton name={name} columns={columns} rows={list.data} />}>{name}</TableTitle>}
        />
      )}
      <EnterpriseModal me={me} enterprise={editing} regions={regions.data ?? []} onClose={() => setEditing(null)} />
    </Flex>
  );
}
