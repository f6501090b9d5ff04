import { describe, expect, it } from 'vitest';
import { DispatchBody } from '../../../../src/modules/reduction/schemas';
import { dispatchFormValues, needsCorrectionReason, toDispatchBody } from './dispatch-form';
import { pickerDate } from './project-form';
import type { Dispatch, Project } from './queries';

const project = {
  id: 7, code: 'JP-360722-0001', name: '城南污水处理厂', regionCode: '360722', measureType: 'sewage-plant', method: 'W1', pollutants: ['COD', 'NH3-N'],
  enterpriseId: null, facilityName: '城南污水处理厂', uscc: '', outlet: 'DW001', longitude: null, latitude: null, address: '', stationMn: '',
  params: { q_p_m3: 3_312_000, cin_p_mg_l: { COD: 180, 'NH3-N': 22 }, cout_p_mg_l: { COD: 30, 'NH3-N': 1.5 }, q0_m3_d: 0 },
  baseline_t: {}, baselineSource: '', plannedStart: null, plannedCompletion: null, planned_t: {}, note: '',
  registered: true, status: 'verified', verified_t: {}, verifiedYear: null, lastDispatchMonth: null, lastDispatchStatus: null, missingEvidence: [], updatedAt: '2026-11-24T00:00:00Z',
} satisfies Project;

describe('dispatch form', () => {
  it('starts from the project’s parameters; a verified project is reported as operating', () => {
    const v = dispatchFormValues(project, null);
    expect(v.status).toBe('operating');
    expect(v.params).toEqual(project.params);
  });

  it('builds the month’s body: dates as YYYY-MM-DD, claims and offsets for the project’s pollutants only', () => {
    const body = toDispatchBody('2023-12', 'W1', ['COD', 'NH3-N'], {
      status: 'operating',
      eventDate: pickerDate('2023-06-20'),
      progressNote: ' 通水运行 ',
      progressPct: 100,
      params: project.params,
      claimed_t: { COD: 496.8, NOx: 1 },
      offsets: { COD: { t: 8, approvalNo: ' 赣市环评字〔2023〕12号 ' }, 'NH3-N': { t: null, approvalNo: '' } },
    });
    expect(body).toMatchObject({
      month: '2023-12',
      dates: { eventDate: '2023-06-20', actualStart: null },
      progressNote: '通水运行',
      claimed_t: { COD: 496.8 },
      offsets: { COD: { t: 8, approvalNo: '赣市环评字〔2023〕12号' } },
      correctionReason: null,
    });
    expect(DispatchBody.safeParse(body).success).toBe(true);
  });

  it('sends an offset with only an approval number so the server names the missing tonnes', () => {
    expect(toDispatchBody('2024-01', 'W1', ['COD'], { status: 'operating', offsets: { COD: { approvalNo: 'X-1' } } }).offsets).toEqual({ COD: { t: 0, approvalNo: 'X-1' } });
  });

  it('fixes a returned filing from what it said, and asks for a reason to refile a verified month', () => {
    const last = { id: 3, status: 'returned', projectStatus: 'operating', dates: { actualStart: null, completion: null, acceptance: null, eventDate: '2023-06-20', endDate: null }, params: { q_p_m3: 100 }, claimed_t: { COD: 1 }, offsets: {}, progressNote: 'x', progressPct: 50, baselineExplanation: '' } as unknown as Dispatch;
    const v = dispatchFormValues(project, last);
    expect(v.eventDate?.format('YYYY-MM-DD')).toBe('2023-06-20');
    expect(v.params).toEqual({ q_p_m3: 100 });
    expect(needsCorrectionReason(last)).toBe(false);
    expect(needsCorrectionReason({ ...last, status: 'approved' })).toBe(true);
  });
});
