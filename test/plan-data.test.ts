import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { OrgFile } from '../src/domain/org/org-file';
import { quotesOf, resolvePlan } from '../src/domain/plan/resolve';
import { findQuantities, normalizeSourceText, uncoveredQuantities } from '../src/domain/plan/source-text';
import { readPlanFile } from '../src/modules/plan/load.service';

const root = path.resolve(import.meta.dirname, '..');
const org = OrgFile.parse(YAML.parse(fs.readFileSync(path.join(root, 'data/org/ganzhou.yaml'), 'utf8')));
const orgIndex = {
  departmentNames: new Set(org.departments.map((d) => d.name)),
  regionCodes: new Set([org.city.code, ...org.regions.map((r) => r.code)]),
};
const parsed = await readPlanFile(path.join(root, 'data/plans/ganzhou-14th-fyp.yaml'));
const { file } = parsed;
const source = normalizeSourceText(parsed.sourceText);
const sections = file.chapters.flatMap((c) => c.sections);
const indicators = sections.flatMap((s) => s.indicators);
const byCode = new Map(indicators.map((x) => [x.code, x]));

describe('the Ganzhou plan data file against its seed text', () => {
  it('ships the seed text unchanged', () => {
    expect(parsed.sourceText).toContain('赣州市“十四五”节能减排综合工作方案');
    expect(parsed.sourceText).toContain('（市委宣传部、市发改委、市科技局、市生态环境局、市机关事务管理中心、市妇联等按职责分工负责）');
  });

  it('quotes every item verbatim from the seed', () => {
    const missing = quotesOf(file).filter((q) => !source.includes(q.quote));
    expect(missing).toEqual([]);
  });

  it('leaves no quantitative target of the seed without an indicator', () => {
    const all = findQuantities(source);
    expect(all.length).toBeGreaterThanOrEqual(26);
    expect(uncoveredQuantities(source, indicators.map((x) => x.quote))).toEqual([]);
  });

  it('the coverage check can fail: dropping one indicator uncovers its number', () => {
    const without = indicators.filter((x) => x.code !== 'I01').map((x) => x.quote);
    expect(uncoveredQuantities(source, without).map((q) => q.text)).toEqual(['12.5%', '13%']);
  });

  it('resolves against the organisation with no issue', () => {
    const r = resolvePlan(file, orgIndex, parsed.sourceText);
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('has the plan frame: 2021–2025, base year 2020, parent 赣府发〔2022〕31号, 5 chapters', () => {
    expect(file).toMatchObject({ periodStart: 2021, periodEnd: 2025, baselineYear: 2020, regionCode: '360700' });
    expect(file.parent).toEqual({ name: '江西省“十四五”节能减排综合工作方案', docNumber: '赣府发〔2022〕31号' });
    expect(file.chapters.map((c) => c.title)).toEqual(['总体要求和目标', '实施节能减排重点工程', '完善节能减排控制制度', '健全节能减排政策机制', '强化工作落实']);
    expect(file.chapters.map((c) => c.sections.length)).toEqual([2, 10, 3, 5, 3]);
  });

  it('has the ten key projects of chapter 二, in order', () => {
    expect(sections.filter((s) => s.isKeyProject).map((s) => s.title)).toEqual([
      '重点行业绿色升级工程',
      '园区节能环保提升工程',
      '城镇绿色节能改造工程',
      '交通物流节能减排工程',
      '农业农村节能减排工程',
      '公共机构能效提升工程',
      '重点区域污染物减排工程',
      '煤炭清洁高效利用工程',
      '挥发性有机物综合整治工程',
      '环境基础设施水平提升工程',
    ]);
  });

  it('encodes the main goals as the plan states them', () => {
    expect(byCode.get('I01')).toMatchObject({ target: 12.5, stretch: 13, unit: '%', comparison: 'reduce_by_pct', baselineYear: 2020, targetYear: 2025, isBinding: true });
    const pollutants = indicators.filter((x) => x.unit === '吨').map((x) => [x.name, x.target]);
    expect(pollutants).toEqual([
      ['化学需氧量重点工程减排量', 13451],
      ['氨氮重点工程减排量', 873],
      ['氮氧化物重点工程减排量', 916.65],
      ['挥发性有机物重点工程减排量', 1593.9],
    ]);
  });

  it('keeps the plan\'s strict and loose comparisons apart (超过 is >, 以上 is ≥, 以内 is ≤)', () => {
    const cmp = (code: string) => byCode.get(code)?.comparison;
    expect(indicators.find((x) => x.quote.includes('超过 30%'))?.comparison).toBe('gt');
    expect(indicators.find((x) => x.quote.includes('95%以上'))?.comparison).toBe('gte');
    expect(indicators.find((x) => x.quote.includes('9% 以内'))?.comparison).toBe('lte');
    expect(indicators.find((x) => x.quote.includes('左右'))?.comparison).toBe('approx');
    expect(cmp('I01')).toBe('reduce_by_pct');
  });

  it('gives every task of chapters 二–五 a lead department, and every section its responsibility clause', () => {
    for (const c of file.chapters.slice(1)) {
      for (const s of c.sections) {
        expect(s.responsibilityQuote, s.title).toMatch(/^（.*(负责|不再列出)）$/);
        expect(s.tasks.length, s.title).toBeGreaterThan(0);
        for (const t of s.tasks) expect((t.lead ?? s.lead).length, t.code).toBeGreaterThan(0);
      }
    }
  });

  it('names in its org file every department and unit the seed names', () => {
    const clauses = sections.map((s) => s.responsibilityQuote ?? '').join('');
    // Split each clause at its separators and strip the duty words: what is left are the units' names.
    const tokens = clauses.split(/[、，（）]/).map((t) => t.replace(/(等)?(按职责分工负责|牵头|会同有关部门负责|负责)$/, ''));
    const units = [...new Set(tokens.filter((t) => t.length > 1 && /^(市|南铁|赣州机场|人民银行|赣州银保监)/.test(t)))];
    expect(units.filter((n) => !orgIndex.departmentNames.has(n))).toEqual([]);
    expect(units.length).toBeGreaterThanOrEqual(31);
  });
});

describe('the Ganzhou organisation file', () => {
  it('has 赣州市 360700, its 18 county-level divisions and the 2 functional zones', () => {
    expect(org.city).toEqual({ code: '360700', name: '赣州市' });
    expect(org.regions.filter((r) => r.kind !== 'zone')).toHaveLength(18);
    expect(org.regions.filter((r) => r.kind === 'zone').map((r) => r.name)).toEqual(['赣州经开区', '蓉江新区']);
    expect(org.regions.find((r) => r.name === '龙南市')).toMatchObject({ code: '360783', formerCode: '360727', kind: 'county_city' });
    for (const r of org.regions.filter((x) => x.kind !== 'zone')) expect(r.code).toMatch(/^3607\d\d$/);
  });
});
