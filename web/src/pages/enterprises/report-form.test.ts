import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { markUscc, problemToPaths, reportFormHas, toReportBody } from './report-form';

const carriers = [
  { code: 'raw-coal', name: '原煤', baseUnit: 'kg', unit: 't' },
  { code: 'electricity', name: '电力', baseUnit: 'kWh', unit: '万kWh' },
] as const;

describe('toReportBody', () => {
  it('states each line in its carrier\'s usual unit and drops empty rows', () => {
    const body = toReportBody(
      2024,
      {
        lines: [{ carrier: 'raw-coal', quantity: 9000 }, undefined, { carrier: 'electricity', quantity: 2000, measuredLhvKj: null }, { quantity: 5 }],
        products: [{ product: ' 水泥熟料 ', output: 800000, unit: 't' }, { product: '' }],
        savingProjects: [{ name: '余热发电', investment: 1200, savingTce: 3000 }],
        changeReason: '  ',
        correctionReason: '计量表校准',
      },
      [...carriers],
    );
    expect(body).toEqual({
      year: 2024,
      lines: [
        { carrier: 'raw-coal', quantity: 9000, unit: 't', measuredLhvKj: null },
        { carrier: 'electricity', quantity: 2000, unit: '万kWh', measuredLhvKj: null },
      ],
      products: [{ product: '水泥熟料', output: 800000, unit: 't', energyTce: null }],
      savingProjects: [{ name: '余热发电', investment: 1200, savingTce: 3000, status: 'planned' }],
      changeReason: null,
      correctionReason: '计量表校准',
    });
  });
});

describe('problemToPaths', () => {
  it('puts a line\'s error on its row and a unit error (no unit field) on the line\'s nearest field', () => {
    const e = new ApiError(400, 'validation', '输入有误', '', [
      { pointer: '#/lines/1/quantity', detail: '实物量应为非负数' },
      { pointer: '#/changeReason', detail: '较上年变化超过 30%，请说明原因' },
      { pointer: '#/year', detail: '没有生效的系数' },
    ]);
    expect(problemToPaths(e, reportFormHas)).toEqual([
      { name: ['lines', 1, 'quantity'], errors: ['实物量应为非负数'] },
      { name: ['changeReason'], errors: ['较上年变化超过 30%，请说明原因'] },
    ]);
    const unit = new ApiError(400, 'validation', '输入有误', '', [{ pointer: '#/lines/0/unit', detail: '电力不能以“t”计量' }]);
    // No unit field: the error cannot land on a line row of its own, so nothing is claimed (the caller shows it).
    expect(problemToPaths(unit, reportFormHas)).toEqual([]);
  });
});

describe('markUscc', () => {
  it('splits a USCC around the offending character (1-based position for people)', () => {
    expect(markUscc('91360702mA35L7XQ2I', 17)).toEqual({ before: '91360702MA35L7XQ2', bad: 'I', after: '', position: 18 });
    expect(markUscc('9136O702MA35L7XQ2X', 4)).toMatchObject({ bad: 'O', position: 5 });
    expect(markUscc('913607', undefined)).toBeNull();
    expect(markUscc('913607', 40)).toBeNull();
  });
});
