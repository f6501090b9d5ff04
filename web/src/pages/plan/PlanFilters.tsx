import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { FilterSelect, HiddenLabel } from '../../components/HiddenLabel';
import { departmentsQuery, localRegions, regionsQuery } from '../org/queries';
import type { PlanFilters as Filters } from './queries';

type Props = { value: Filters; onChange: (next: Filters) => void };

/** Department, county, “only tasks that name it” and full-text search. */
export function PlanFilters({ value, onChange }: Props) {
  const { t } = useI18n();
  const departments = useQuery(departmentsQuery());
  const regions = useQuery(regionsQuery());
  const [q, setQ] = useState(value.q ?? '');
  useEffect(() => setQ(value.q ?? ''), [value.q]);

  return (
    <Flex wrap gap={12} align="center" role="search" aria-label={t('plan.filters')} style={{ marginBottom: 16 }}>
      <FilterSelect
        id="plan-filter-department"
        label={t('plan.filterDepartment')}
        style={{ width: 220 }}
        allowClear
        showSearch
        optionFilterProp="label"
        loading={departments.isPending}
        value={value.department}
        onChange={(department?: number) => onChange({ ...value, department })}
        options={departments.data?.map((d) => ({ value: d.id, label: d.name, title: d.fullName }))}
      />
      <FilterSelect
        id="plan-filter-region"
        label={t('plan.filterRegion')}
        style={{ width: 200 }}
        allowClear
        showSearch
        optionFilterProp="label"
        loading={regions.isPending}
        value={value.region}
        onChange={(region?: string) => onChange({ ...value, region })}
        options={regions.data ? localRegions(regions.data).map((r) => ({ value: r.code, label: r.name })) : []}
      />
      <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
        <Switch size="small" checked={value.onlyNamed ?? false} onChange={(on) => onChange({ ...value, onlyNamed: on || undefined })} />
        {t('plan.onlyNamed')}
      </label>
      <HiddenLabel htmlFor="plan-filter-q">{t('common.search')}</HiddenLabel>
      <Input.Search
        id="plan-filter-q"
        placeholder={t('plan.search')}
        style={{ width: 300 }}
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(text) => onChange({ ...value, q: text.trim() || undefined })}
        enterButton={t('common.search')}
      />
      <Button onClick={() => onChange({})}>{t('common.reset')}</Button>
    </Flex>
  );
}
