import type { Database } from '../db/client';
import { beijingDate } from '../domain/reporting/calendar';
import type { DemoCity, DemoCtx, DemoUser } from './context';
import { makeDemoCtx } from './context';
import { assertDemoLoadable, writeDemoMarker } from './marker';
import type { DemoSize } from './sizes';
import { generateOrg } from './steps/org';
import { generateDualControl } from './steps/dualcontrol';
import { generateReporting } from './steps/reporting';
import { generateEnterpriseEnergy } from './steps/enterprises';
import { generateMetering } from './steps/metering';
import { generateReduction } from './steps/reduction';
import { generateMonitoring } from './steps/monitoring';
import { generateSupervision } from './steps/supervision';
import { generatePublic } from './steps/public';
import { generateAssessment } from './steps/assessment';

/** Bump when the generated data changes shape: the marker records it. */
export const DEMO_GENERATOR = 'ganzhou-demo/1';

/**
 * The steps, in the order they must run: each may use what earlier ones made (the city's enterprises and users; the
 * assessment last, over everything). Each step runs its writes one after another: ids and draws stay reproducible.
 */
const STEPS: { key: string; name: string; run: (ctx: DemoCtx) => Promise<void> }[] = [
  { key: 'dualcontrol', name: '能耗双控', run: generateDualControl },
  { key: 'reporting', name: '任务与指标报送', run: generateReporting },
  { key: 'enterprises', name: '重点用能单位', run: generateEnterpriseEnergy },
  { key: 'metering', name: '在线计量', run: generateMetering },
  { key: 'reduction', name: '重点工程减排', run: generateReduction },
  { key: 'monitoring', name: '在线监测', run: generateMonitoring },
  { key: 'supervision', name: '节能监察与公共机构', run: generateSupervision },
  { key: 'public', name: '公开与参与', run: generatePublic },
  { key: 'assessment', name: '考核', run: generateAssessment },
];

export type DemoLoadOptions = {
  seed: number;
  size: DemoSize;
  asOf: Date;
  where: string;
  log: (line: string) => void;
  /** Run only these steps (after the org step), for developing one step: `ECER_DEMO_ONLY=reporting`. */
  only?: string[];
};
export const DEMO_STEP_KEYS = () => STEPS.map((s) => s.key);
export type DemoLoadResult = { users: DemoUser[]; city: DemoCity; ms: Record<string, number> };

/**
 * Fills a database (migrated, with the reference data and plan loaded) with the demo city. The marker is written
 * first, so even a load that fails half-way leaves a database that says it is a demo.
 */
export async function loadDemo(database: Database, o: DemoLoadOptions): Promise<DemoLoadResult> {
  const db = database.db;
  await assertDemoLoadable(db, o.where);
  const asOfDay = beijingDate(o.asOf);
  await writeDemoMarker(db, { seed: o.seed, size: o.size.name, asOf: asOfDay, generator: DEMO_GENERATOR, loadedAt: o.asOf });
  const ms: Record<string, number> = {};
  let t = performance.now();
  const base = { db, seed: o.seed, size: o.size, asOf: o.asOf, log: o.log };
  const city = await generateOrg({ ...makeDemoCtx({ ...base, city: null as never }) });
  ms['组织与账号'] = performance.now() - t;
  const ctx = makeDemoCtx({ ...base, city });
  for (const step of STEPS.filter((s) => !o.only || o.only.includes(s.key))) {
    t = performance.now();
    await step.run(ctx);
    ms[step.name] = performance.now() - t;
    o.log(`  ${step.name}：${Math.round(ms[step.name]!)} ms`);
  }
  return { users: city.users, city, ms };
}
