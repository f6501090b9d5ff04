import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { type Translate, useI18n } from '../../app/i18n-context';
import type { ExportColumn } from '../../components/table-export';

type Placement = { chapterNo: number; sectionNo: number; sectionTitle: string; isKeyProject: boolean };

const placementText = (item: Placement, t: Translate) => t('plan.placement', { chapter: item.chapterNo, section: item.sectionNo, title: item.sectionTitle });

/** Where a search result sits in the plan, linking to its section. */
export function PlacementLink({ item, sectionId }: { item: Placement; sectionId: number | undefined }) {
  const { t } = useI18n();
  const text = placementText(item, t);
  return (
    <>
      {sectionId === undefined ? text : <Link to={`/plan/section/${sectionId}`}>{text}</Link>}
      {item.isKeyProject && (
        <Tag color="gold" style={{ marginLeft: 6 }}>
          {t('plan.keyProject')}
        </Tag>
      )}
    </>
  );
}

const placementOf = (r: Partial<Placement>): Placement | null =>
  r.chapterNo !== undefined && r.sectionNo !== undefined
    ? { chapterNo: r.chapterNo, sectionNo: r.sectionNo, sectionTitle: r.sectionTitle ?? '', isKeyProject: r.isKeyProject ?? false }
    : null;

/** The “section” column of a result table (rows from /search or /mine carry their placement). */
export function placementColumn<R extends Partial<Placement>>(t: Translate, sectionIds: Map<string, number>): ExportColumn<R> {
  return {
    title: t('plan.placementLabel'),
    key: 'placement',
    width: 220,
    render: (_, r) => {
      const item = placementOf(r);
      return item ? <PlacementLink item={item} sectionId={sectionIds.get(`${r.chapterNo}.${r.sectionNo}`)} /> : null;
    },
    exportValue: (r) => {
      const item = placementOf(r);
      return item ? placementText(item, t) + (item.isKeyProject ? ` ${t('plan.keyProject')}` : '') : null;
    },
  };
}
