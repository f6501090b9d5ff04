import { describe, expect, it } from 'vitest';
import { findExpertConflicts, isSameOrganisation } from './expert-conflicts';

const acme = { id: 7, name: '赣州某某水泥有限公司' };
const expert = (o: Partial<Parameters<typeof findExpertConflicts>[0]> = {}) => ({ available: true, organisation: '江西理工大学', relations: [], ...o });

describe('findExpertConflicts', () => {
  it('finds none for an available outsider', () => {
    expect(findExpertConflicts(expert(), acme)).toEqual([]);
  });
  it('a declared relation with that enterprise, not with another', () => {
    expect(findExpertConflicts(expert({ relations: [{ enterpriseId: 7, relation: 'shareholder' }] }), acme)).toEqual(['relation:shareholder']);
    expect(findExpertConflicts(expert({ relations: [{ enterpriseId: 8, relation: 'employer' }] }), acme)).toEqual([]);
  });
  it('several relations in a fixed order, then organisation, then availability', () => {
    const e = expert({
      available: false,
      organisation: '赣州某某水泥有限公司技术中心',
      relations: [
        { enterpriseId: 7, relation: 'relative' },
        { enterpriseId: 7, relation: 'employer' },
      ],
    });
    expect(findExpertConflicts(e, acme)).toEqual(['relation:employer', 'relation:relative', 'organisation', 'unavailable']);
  });
  it('an unavailable expert conflicts even without an enterprise', () => {
    expect(findExpertConflicts(expert({ available: false }), null)).toEqual(['unavailable']);
    expect(findExpertConflicts(expert({ organisation: '赣州某某水泥有限公司' }), null)).toEqual([]);
  });
});

describe('isSameOrganisation', () => {
  it.each([
    ['赣州某某水泥有限公司', '赣州某某水泥有限公司', true],
    ['赣州 某某水泥有限公司 ', '赣州某某水泥有限公司', true],
    ['江西某某（集团）有限公司', '江西某某(集团)有限公司', true],
    ['江西某某（集团）有限公司能源部', '江西某某(集团)有限公司', true],
    ['某某', '赣州某某水泥有限公司', false],
    ['', '赣州某某水泥有限公司', false],
  ])('%s vs %s → %s', (org, name, expected) => expect(isSameOrganisation(org, name)).toBe(expected));
});
