import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { isMessageKey, useI18n } from '../../app/i18n-context';
import { departmentsQuery, regionsQuery } from '../org/queries';
import type { CitizenReportRow } from './citizen-queries';

const STATUS_COLORS: Record<string, string> = { submitted: 'orange', accepted: 'blue', assigned: 'geekblue', replied: 'cyan', closed: 'green', rejected: 'red' };

/** Names for what citizen reports carry as codes: types, statuses, actions, regions and the assignee. */
export function useCitizenLabels() {
  const { t } = useI18n();
  const regions = useQuery(regionsQuery());
  const departments = useQuery(departmentsQuery());
  const regionNames = useMemo(() => new Map(regions.data?.map((r) => [r.code, r.name])), [regions.data]);
  const departmentNames = useMemo(() => new Map(departments.data?.map((d) => [d.id, d.name])), [departments.data]);
  const label = useCallback(
    (prefix: string, code: string) => {
      const key = `${prefix}.${code}`;
      return isMessageKey(key) ? t(key) : code;
    },
    [t],
  );
  return {
    type: (code: string) => label('reports.type', code),
    status: (code: string) => label('reports.status', code),
    statusColor: (code: string) => STATUS_COLORS[code] ?? 'default',
    action: (code: string) => label('reports.action', code),
    region: (code: string) => regionNames.get(code) ?? code,
    assignee: (r: Pick<CitizenReportRow, 'assignedDepartmentId' | 'assignedRegionCode'>) =>
      [r.assignedDepartmentId !== null ? (departmentNames.get(r.assignedDepartmentId) ?? String(r.assignedDepartmentId)) : null, r.assignedRegionCode ? (regionNames.get(r.assignedRegionCode) ?? r.assignedRegionCode) : null]
        .filter(Boolean)
        .join('、') || '—',
  };
}
