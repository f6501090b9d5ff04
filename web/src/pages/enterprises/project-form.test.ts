import { describe, expect, it } from 'vitest';
import { toProjectBody } from './project-form';

describe('toProjectBody', () => {
  it('trims, nulls an empty approval number (so the server can ask for it) and keeps the numbers', () => {
    expect(
      toProjectBody({ name: ' 某钢铁技改项目 ', regionCode: '360702', industry: '钢铁', stage: 'under-construction', annualEnergyTce: 52000, energyReviewStatus: 'approved', energyReviewNo: '  ', eiaStatus: 'pending', disposal: 'rectify' }),
    ).toEqual({
      name: '某钢铁技改项目',
      enterpriseId: null,
      regionCode: '360702',
      industry: '钢铁',
      stage: 'under-construction',
      annualEnergyTce: 52000,
      annualEmissions: '',
      energyReviewStatus: 'approved',
      energyReviewNo: null,
      eiaStatus: 'pending',
      eiaNo: null,
      finding: '',
      disposal: 'rectify',
      followUp: '',
    });
  });
});
