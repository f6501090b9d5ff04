import { describe, expect, it } from 'vitest';
import { projectWarnings } from './high-energy-projects';

describe('两高一低 project warnings', () => {
  it('flags a project built or building without its approvals (未批先建), not a planned one', () => {
    expect(projectWarnings({ stage: 'under-construction', energyReviewStatus: 'pending', eiaStatus: 'approved', disposal: 'keep' })).toEqual(['energy-review-missing']);
    expect(projectWarnings({ stage: 'built', energyReviewStatus: 'none', eiaStatus: 'none', disposal: 'rectify' })).toEqual(['energy-review-missing', 'eia-missing']);
    expect(projectWarnings({ stage: 'planned', energyReviewStatus: 'none', eiaStatus: 'none', disposal: 'pending' })).toEqual(['disposal-pending']);
    expect(projectWarnings({ stage: 'built', energyReviewStatus: 'approved', eiaStatus: 'approved', disposal: 'keep' })).toEqual([]);
  });
});
