import { Tag } from 'antd';
import type { TableColumnType } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';

type Placement = { chapterNo: number; sectionNo: number; sectionTitle: string; isKeyProject: boolean };

/** Where a search result sits in the plan, linking to its section. */
export function PlacementLink({ item, sectionId }: { item: Placement; sectionId: number | undefined }) {
  const { t } = useI18n();
  const text = t('plan.placement', { chapter: item.chapterNo, section: item.sectionNo, title: item.sectionTitle });
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

/** The “section” column of a result table (rows from /search or /mine carry their placement). */
export function placementColumn<R extends Partial<Placement>>(title: string, sectionIds: Map<string, number>): TableColumnType<R> {
  return {
    title,
    key: 'placement',
    width: 220,
    render: (_, r) =>
      r.chapterNo !== undefined && r.sectionNo !== undefined ? (
        <PlacementLink
          item={{ chapterNo: r.chapterNo, sectionNo: r.sectionNo, sectionTitle: r.sectionTitle ?? '', isKeyProject: r.isKeyProject ?? false }}
          sectionId={sectionIds.get(`${r.chapterNo}.${r.sectionNo}`)}
        />
      ) : null,
  };
}
