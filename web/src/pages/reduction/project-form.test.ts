import { describe, expect, it } from 'vitest';
import { ProjectBody } from '../../../../src/modules/reduction/schemas';
import { ApiError } from '../../api/client';
import { pickerDate, problemNamePaths, projectBodyOf, projectFormValues, toProjectBody } from './project-form';
import type { Project } from './queries';

const values = {
  name: ' 信丰县城南污水处理厂新建工程 ',
  regionCode: '360722',
  measureType: 'sewage-plant' as const,
  pollutants: ['COD' as const, 'NH3-N' as const, 'NOx' as const],
  facilityName: '信丰县城南污水处理厂',
  uscc: ' 12360722ma35xxxx0x ',
  outlet: 'DW001',
  longitude: 114.93,
  latitude: null,
  params: { q_p_m3: 3_312_000, cin_p_mg_l: { COD: 180, 'NH3-N': 22 }, cout_p_mg_l: { COD: 30, 'NH3-N': 1.5 } },
  baseline_t: { COD: 0, NOx: 3 },
  plannedStart: pickerDate('2022-03-01'),
  planned_t: { COD: 985.5, 'NH3-N': 134.685 },
};

describe('project form', () => {
  it('builds a body the contract accepts: trimmed, its type’s pollutants only, dates as YYYY-MM-DD', () => {
    const body = toProjectBody(values);
    expect(body).toMatchObject({
      name: '信丰县城南污水处理厂新建工程',
      pollutants: ['COD', 'NH3-N'],
      uscc: '12360722MA35XXXX0X',
      latitude: null,
      baseline_t: { COD: 0 },
      plannedStart: '2022-03-01',
      plannedCompletion: null,
      planned_t: { COD: 985.5, 'NH3-N': 134.685 },
      enterpriseId: null,
    });
    expect(ProjectBody.safeParse(body).success).toBe(true);
  });

  it('reads a stored project back into the form and into its body for the preview', () => {
    const body = ProjectBody.parse(toProjectBody(values));
    const stored = { ...body, id: 7, code: 'JP-360722-0001', method: 'W1', registered: true, status: 'planned', verified_t: {}, verifiedYear: null, lastDispatchMonth: null, lastDispatchStatus: null, missingEvidence: [], updatedAt: '2026-11-24T00:00:00Z' } satisfies Project;
    expect(projectBodyOf(stored)).toEqual(body);
    const back = projectFormValues(stored);
    expect(back.plannedStart?.format('YYYY-MM-DD')).toBe('2022-03-01');
    expect(toProjectBody(back)).toEqual(body);
  });

  it('places a problem’s nested pointers on the form’s fields, without the preview’s leading segment', () => {
    const e = new ApiError(400, 'validation', '输入有误', '', [{ pointer: '#/dispatch/params/cout_p_mg_l/COD', detail: '出水浓度高于进水浓度' }, { pointer: '#/name', detail: '必填' }]);
    expect(problemNamePaths(e, 'dispatch')).toEqual([
      { name: ['params', 'cout_p_mg_l', 'COD'], errors: ['出水浓度高于进水浓度'] },
      { name: ['name'], errors: ['必填'] },
    ]);
  });
});
