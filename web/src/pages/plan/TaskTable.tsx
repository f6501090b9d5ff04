import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import type { ExportColumn } from '../../components/table-export';
import { regionsQuery } from '../org/queries';
import { DeptTags, deptNames } from './DeptTags';
import { placementColumn } from './PlacementLink';
import type { FoundTask, Task } from './queries';

type Row = Task & Partial<Pick<FoundTask, 'chapterNo' | 'sectionNo' | 'sectionTitle' | 'isKeyProject' | 'role'>>;

type Props = {
  tasks: Row[];
  /** The plan says every county implements every task (allRegionsImplement). */
  allRegions: boolean;
  /** With it, each task also shows where it sits in the plan. */
  sectionIds?: Map<string, number>;
};

/** Tasks with their lead and cooperating departments and the regions that implement them. */
export function TaskTable({ tasks, allRegions, sectionIds }: Props) {
  const { t } = useI18n();
  const regions = useQuery(regionsQuery());
  const regionName = new Map(regions.data?.map((r) => [r.code, r.name]));
  const columns: ExportColumn<Row>[] = [
    { title: t('plan.code'), dataIndex: 'code', width: 72 },
    { title: t('plan.taskText'), dataIndex: 'text', width: 420, render: (text: string) => <div style={{ minWidth: 280 }}>{text}</div>, exportValue: (r) => r.text },
    { title: t('plan.lead'), key: 'lead', width: 160, render: (_, r) => <DeptTags depts={r.lead} lead />, exportValue: (r) => deptNames(r.lead) },
    { title: t('plan.cooperating'), key: 'cooperating', width: 200, render: (_, r) => <DeptTags depts={r.cooperating} />, exportValue: (r) => deptNames(r.cooperating) },
    {
      title: t('plan.regions'),
      key: 'regions',
      width: 170,
      render: (_, r) => (
        <>
          {r.namedRegions.map((code) => (
            <Tag key={code} color="green" style={{ marginBottom: 4 }}>
              {regionName.get(code) ?? code}
            </Tag>
          ))}
          {allRegions && (
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {t('plan.allRegions')}
            </Typography.Text>
          )}
        </>
      ),
      exportValue: (r) => [...r.namedRegions.map((code) => regionName.get(code) ?? code), ...(allRegions ? [t('plan.allRegions')] : [])].join('、') || null,
    },
  ];
  if (tasks.some((r) => r.role)) {
    columns.splice(2, 0, {
      title: t('plan.role'),
      key: 'role',
      width: 90,
      render: (_, r) => (r.role ? <Tag color={r.role === 'lead' ? 'blue' : 'default'}>{t(`plan.role.${r.role}`)}</Tag> : null),
      exportValue: (r) => (r.role ? t(`plan.role.${r.role}`) : null),
    });
  }
  if (sectionIds) columns.splice(2, 0, placementColumn<Row>(t, sectionIds));
  return (
    <Table<Row>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={tasks}
      pagination={false}
      scroll={{ x: 'max-content' }}
      title={() => <ExportButton name={t('plan.tasks')} columns={columns} rows={tasks} />}
    />
  );
}
