import { asc } from 'drizzle-orm';
import { department, region } from '../../db/schema/index';
import type { Role } from '../../domain/access';
import { recordAudit } from '../../modules/audit/service';
import { hashPassword } from '../../modules/auth/passwords';
import { createEnterprise } from '../../modules/org/service';
import * as orgRepo from '../../modules/org/repo';
import { EnterpriseBody } from '../../modules/org/schemas';
import type { DemoCity, DemoCtx, DemoDepartment, DemoEnterprise, DemoRegion, DemoUser } from '../context';
import { DEMO_LABEL, DEMO_PASSWORD, demoUscc } from '../ids';

/**
 * Ganzhou's industries as a demo draws them (GB/T 4754-2017 codes): rare earths and tungsten, cement, power, furniture,
 * electronics, textiles, paper, pharmaceuticals, sewage treatment. `tce` is a plausible range of a unit's annual
 * comprehensive energy consumption (tonnes of standard coal); `outlet` is the kind of monitored outlet it has.
 */
export const DEMO_INDUSTRIES = [
  { code: '3232', name: '稀土金属冶炼', word: '稀土新材料', tce: [8_000, 60_000], outlet: 'water' },
  { code: '3231', name: '钨钼冶炼', word: '钨业', tce: [6_000, 45_000], outlet: 'water' },
  { code: '3011', name: '水泥制造', word: '水泥', tce: [40_000, 180_000], outlet: 'air' },
  { code: '4411', name: '火力发电', word: '发电', tce: [200_000, 900_000], outlet: 'air' },
  { code: '2110', name: '木质家具制造', word: '家具', tce: [1_500, 9_000], outlet: 'air' },
  { code: '3982', name: '电子电路制造', word: '电子科技', tce: [3_000, 25_000], outlet: 'water' },
  { code: '1713', name: '棉印染精加工', word: '纺织印染', tce: [5_000, 30_000], outlet: 'water' },
  { code: '2221', name: '机制纸及纸板制造', word: '纸业', tce: [10_000, 70_000], outlet: 'water' },
  { code: '2710', name: '化学药品原料药制造', word: '制药', tce: [3_000, 20_000], outlet: 'water' },
  { code: '3041', name: '平板玻璃制造', word: '玻璃', tce: [30_000, 120_000], outlet: 'air' },
  { code: '4620', name: '污水处理及其再生利用', word: '水务', tce: [800, 5_000], outlet: 'water' },
] as const;
export type DemoIndustry = (typeof DEMO_INDUSTRIES)[number];
export const industryOf = (e: Pick<DemoEnterprise, 'industryCode'>): DemoIndustry => DEMO_INDUSTRIES.find((i) => i.code === e.industryCode)!;

const SUFFIXES = ['有限公司', '股份有限公司', '集团有限公司'] as const;
const SURNAMES = ['刘', '陈', '黄', '李', '钟', '曾', '谢', '赖', '温', '邱', '罗', '肖', '廖', '王', '张'];
const GIVEN = ['建华', '小平', '国强', '丽萍', '志勇', '秀英', '海涛', '春梅', '文辉', '晓燕', '明亮', '桂兰'];

/** A region's short name for company names: 章贡区 → 章贡, 赣州经开区 → 赣州经开, 瑞金市 → 瑞金. */
const shortName = (r: DemoRegion) => (r.kind === 'zone' ? r.name.replace(/区$/, '') : r.name.replace(/[区县市]$/, ''));

export const personName = (rng: { pick: <T>(x: readonly T[]) => T }) => `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;

/**
 * The organisation: every region and department is the plan's own; the step adds the demo enterprises (the first
 * half of each region's are key energy units, a third key pollutant units; sewage works always are) and one account
 * per role and scope: admin, steering, each department, each region, each enterprise.
 */
export async function generateOrg(ctx: Omit<DemoCtx, 'city'>): Promise<DemoCity> {
  const rng = ctx.rng('org');
  const regions: DemoRegion[] = (await ctx.db.select({ code: region.code, name: region.name, kind: region.kind }).from(region).orderBy(asc(region.sort), asc(region.code))).filter(
    (r) => r.kind !== 'city',
  );
  const departments: DemoDepartment[] = await ctx.db.select({ id: department.id, code: department.code, name: department.name }).from(department).orderBy(asc(department.id));
  const system = ctx.as('system', '2021-01-04T09:00:00');

  const enterprises: DemoEnterprise[] = [];
  let seq = 0;
  for (const r of regions) {
    for (let index = 0; index < ctx.size.enterprisesPerRegion; index++) {
      const industry = index === ctx.size.enterprisesPerRegion - 1 && index > 0 ? DEMO_INDUSTRIES.at(-1)! : rng.pick(DEMO_INDUSTRIES.slice(0, -1));
      const isKeyEnergyUnit = index < Math.ceil(ctx.size.enterprisesPerRegion / 2);
      const isKeyPollutantUnit = industry.code === '4620' || index % 3 === 0;
      const body = EnterpriseBody.parse({
        uscc: demoUscc(++seq),
        name: `${shortName(r)}${industry.word}${rng.pick(SUFFIXES)}${DEMO_LABEL}`,
        regionCode: r.code,
        industry: industry.name,
        industryCode: industry.code,
        isKeyEnergyUnit,
        keyUnitClass: isKeyEnergyUnit ? (rng.chance(0.7) ? 'key' : 'designatable') : null,
        isKeyPollutantUnit,
        energyManager: isKeyEnergyUnit ? personName(rng) : null,
        energyManagerPhone: isKeyEnergyUnit ? `1390797${String(rng.int(0, 9999)).padStart(4, '0')}` : null,
        contact: personName(rng),
      });
      const row = await createEnterprise(system, body);
      enterprises.push({ id: row.id, uscc: row.uscc, name: row.name, regionCode: r.code, industry: industry.name, industryCode: industry.code, isKeyEnergyUnit, isKeyPollutantUnit, index });
    }
  }

  // One hash for every demo account: they share DEMO_PASSWORD (a demo is for looking; argon2 per account would only
  // slow the load down).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users: DemoUser[] = [];
  const addUser = async (u: Omit<DemoUser, 'id'>) => {
    const row = await orgRepo.insertUser(ctx.db, { ...u, passwordHash, mustChangePassword: false, createdAt: system.now, passwordChangedAt: system.now });
    const { passwordHash: _h, ...after } = row;
    await recordAudit(ctx.db, system, { action: 'createUser', entity: 'app_user', entityId: row.id, after });
    users.push({ id: row.id, ...u });
  };
  const none = { regionCode: null, departmentId: null, enterpriseId: null };
  await addUser({ username: 'demo-admin', displayName: '演示管理员', role: 'admin', ...none });
  await addUser({ username: 'demo-steering', displayName: '演示·市节能减排工作领导小组办公室', role: 'steering', ...none });
  for (const d of departments) await addUser({ username: `demo-${d.code}`, displayName: `演示·${d.name}`, role: 'department', ...none, departmentId: d.id });
  for (const r of regions) await addUser({ username: `demo-${r.code.toLowerCase()}`, displayName: `演示·${r.name}`, role: 'county', ...none, regionCode: r.code });
  for (const e of enterprises) await addUser({ username: `demo-e${e.id}`, displayName: `演示·${e.name.replace(DEMO_LABEL, '')}`, role: 'enterprise', ...none, enterpriseId: e.id });

  const user = (role: Role, scope?: string | number): DemoUser => {
    const found = users.find(
      (u) =>
        u.role === role &&
        (scope === undefined || (role === 'county' && u.regionCode === scope) || (role === 'department' && u.departmentId === scope) || (role === 'enterprise' && u.enterpriseId === scope)),
    );
    if (!found) throw new Error(`演示数据里没有 ${role} ${scope ?? ''} 的账号`);
    return found;
  };
  ctx.log(`组织：${regions.length} 个地区，${departments.length} 个部门，${enterprises.length} 家企业，${users.length} 个账号`);
  return { regions, departments, enterprises, users, user };
}
