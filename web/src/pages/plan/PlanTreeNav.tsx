import { Tag, Tree, type TreeDataNode, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import type { PlanTree } from './queries';

type Props = { tree: PlanTree; selectedId: number | undefined; onSelect: (sectionId: number) => void };

/** Chapters → sections, with key projects tagged and the number of tasks and indicators of each. */
export function PlanTreeNav({ tree, selectedId, onSelect }: Props) {
  const { t } = useI18n();
  const treeData = useMemo<TreeDataNode[]>(
    () =>
      tree.chapters.map((c) => ({
        key: `c${c.id}`,
        selectable: false,
        title: <Typography.Text strong>{t('plan.chapterLabel', { no: c.no, title: c.title })}</Typography.Text>,
        children: c.sections.map((s) => ({
          key: `s${s.id}`,
          isLeaf: true,
          title: (
            <span>
              {t('plan.sectionLabel', { no: s.no, title: s.title })}
              {s.isKeyProject && (
                <Tag color="gold" style={{ marginLeft: 6 }}>
                  {t('plan.keyProject')}
                </Tag>
              )}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('plan.counts', { tasks: s.tasks.length, indicators: s.indicators.length })}
              </Typography.Text>
            </span>
          ),
        })),
      })),
    [tree, t],
  );
  return (
    <nav aria-label={t('plan.tree')}>
      <Tree
        blockNode
        defaultExpandAll
        treeData={treeData}
        selectedKeys={selectedId === undefined ? [] : [`s${selectedId}`]}
        onSelect={(keys) => {
          const key = String(keys[0] ?? '');
          if (key.startsWith('s')) onSelect(Number(key.slice(1)));
        }}
      />
    </nav>
  );
}
