import ExcelJS from 'exceljs';
import type { PlanTree } from '../../domain/plan/model';
import { type Locale, type MessageKey, translate } from '../../i18n/index';

/** The plan as JSON: one object per indicator and per task, each with where it sits and who owns it. */
export function planToJson(tree: PlanTree) {
  const { chapters, ...plan } = tree;
  const indicators = chapters.flatMap((c) =>
    c.sections.flatMap((s) =>
      s.indicators.map((x) => ({
        code: x.code,
        name: x.name,
        target: x.target,
        stretch: x.stretch,
        targetText: x.targetText,
        unit: x.unit,
        comparison: x.comparison,
        baselineYear: x.baselineYear,
        targetYear: x.targetYear,
        isBinding: x.isBinding,
        departments: x.departments.map((d) => d.name),
        chapter: c.no,
        section: s.no,
        sectionTitle: s.title,
        quote: x.quote,
      })),
    ),
  );
  const tasks = chapters.flatMap((c) =>
    c.sections.flatMap((s) =>
      s.tasks.map((t) => ({
        code: t.code,
        text: t.text,
        lead: t.lead.map((d) => d.name),
        cooperating: t.cooperating.map((d) => d.name),
        namedRegions: t.namedRegions,
        allRegions: tree.allRegionsImplement,
        keyProject: s.isKeyProject ? s.title : null,
        chapter: c.no,
        section: s.no,
        sectionTitle: s.title,
      })),
    ),
  );
  const sections = chapters.flatMap((c) =>
    c.sections.map((s) => ({ chapter: c.no, chapterTitle: c.title, section: s.no, title: s.title, isKeyProject: s.isKeyProject, responsibility: s.responsibilityQuote })),
  );
  return { plan, sections, indicators, tasks };
}

/** The plan as an Excel workbook with sheets for indicators, tasks and sections; headers in the locale. */
export async function planToXlsx(tree: PlanTree, locale: Locale): Promise<Buffer> {
  const t = (k: MessageKey) => translate(locale, k);
  const data = planToJson(tree);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ECER';
  wb.created = new Date(0); // deterministic output: the same plan gives the same file

  const add = (name: string, columns: Array<[string, string, number]>, rows: Array<Record<string, unknown>>) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map(([header, key, width]) => ({ header, key, width }));
    ws.getRow(1).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  };
  add(
    t('plan.indicators'),
    [
      [t('plan.code'), 'code', 8],
      [t('plan.name'), 'name', 36],
      [t('plan.comparison'), 'comparison', 14],
      [t('plan.target'), 'target', 10],
      [t('plan.stretch'), 'stretch', 10],
      [t('plan.unit'), 'unit', 12],
      [t('plan.baselineYear'), 'baselineYear', 10],
      [t('plan.targetYear'), 'targetYear', 10],
      [t('plan.binding'), 'binding', 8],
      [t('plan.owners'), 'departments', 30],
      [t('plan.section'), 'sectionTitle', 24],
      [t('plan.source'), 'quote', 80],
    ],
    data.indicators.map((x) => ({
      ...x,
      comparison: translate(locale, `plan.comparison.${x.comparison}`),
      target: x.target ?? x.targetText,
      binding: x.isBinding ? t('common.yes') : t('common.no'),
      departments: x.departments.join('、'),
    })),
  );
  add(
    t('plan.tasks'),
    [
      [t('plan.code'), 'code', 8],
      [t('plan.keyProject'), 'keyProject', 22],
      [t('plan.task'), 'text', 90],
      [t('plan.lead'), 'lead', 24],
      [t('plan.cooperating'), 'cooperating', 40],
      [t('plan.namedRegions'), 'namedRegions', 20],
    ],
    data.tasks.map((x) => ({ ...x, lead: x.lead.join('、'), cooperating: x.cooperating.join('、'), namedRegions: x.namedRegions.join('、') })),
  );
  add(
    t('plan.chapters'),
    [
      [t('plan.chapter'), 'chapter', 6],
      [t('plan.chapter'), 'chapterTitle', 24],
      [t('plan.section'), 'section', 6],
      [t('plan.name'), 'title', 28],
      [t('plan.keyProject'), 'isKeyProject', 10],
      [t('plan.responsibility'), 'responsibility', 90],
    ],
    data.sections.map((s) => ({ ...s, isKeyProject: s.isKeyProject ? t('common.yes') : '' })),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
