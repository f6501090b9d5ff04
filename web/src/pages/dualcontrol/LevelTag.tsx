import { Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n-context';
import { type Level, type LevelColours, levelColour, levelLabelKey } from './levels';

/** Dark text on the light colours (yellow, grey), white on the others. */
const isLight = (hex: string) => {
  const m = /^#?([\da-f]{2})([\da-f]{2})([\da-f]{2})$/i.exec(hex);
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => Number.parseInt(h!, 16));
  return 0.299 * r! + 0.587 * g! + 0.114 * b! > 150;
};

/** A level as a tag in the rule set's colour: 一级预警 / 二级预警 / 三级预警 / 未评价. */
export function LevelTag({ level, colours, title }: { level: Level | null | undefined; colours: LevelColours; title?: string }) {
  const { t } = useI18n();
  const bg = levelColour(level, colours);
  return (
    <Tag title={title} style={{ background: bg, borderColor: bg, color: isLight(bg) ? '#1f1f1f' : '#fff', marginInlineEnd: 0 }}>
      {t(levelLabelKey(level))}
    </Tag>
  );
}

/** The map's legend: each level's colour and name, and the rule set that decides them. */
export function LevelLegend({ colours, rulesName }: { colours: LevelColours; rulesName: string | null }) {
  const { t } = useI18n();
  return (
    <div aria-label={t('energy.legend')}>
      <Flex gap={8} wrap>
        {([1, 2, 3, null] as const).map((l) => (
          <LevelTag key={String(l)} level={l} colours={colours} />
        ))}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 12 }}>
        {rulesName ? t('energy.rules', { name: rulesName }) : t('energy.noRules')}
      </Typography.Paragraph>
    </div>
  );
}
