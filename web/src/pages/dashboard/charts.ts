import type { z } from 'zod';
import type { RegionMapOut } from '../../../../src/modules/reporting/schemas';
import type { CountyMap, MapOption } from '../home/charts';

export type RegionMap = z.infer<typeof RegionMapOut>;
export type RegionShare = RegionMap['regions'][number];

/** Sequential red → amber → green: the share of a county's indicators achieved or on track. */
export const SHARE_COLORS = ['#d73027', '#fdae61', '#fee08b', '#a6d96a', '#1a9850'] as const;
/** A county with nothing assessed yet (or absent from the answer). */
export const NO_DATA_COLOR = '#d9d9d9';

export type ShareMapLabels = {
  /** The series' name, e.g. 达标或正常指标占比. */
  legend: string;
  /** The visual map's two ends, e.g. 100% and 0%. */
  high: string;
  low: string;
  /** The tooltip of a county (HTML), given its row or undefined when the server gave none. */
  tooltip: (name: string, row: RegionShare | undefined) => string;
};

/**
 * The county map coloured by each county's share of assessed indicators achieved or on track (0..1);
 * grey where nothing is assessed. Zones have no polygon and show only in the table beside it.
 */
export function regionShareMapOption(mapName: string, map: CountyMap, regions: readonly RegionShare[], labels: ShareMapLabels): MapOption {
  const byCode = new Map(regions.map((r) => [r.regionCode, r]));
  const byName = new Map<string, RegionShare | undefined>();
  const data = map.features.map((f) => {
    const row = byCode.get(f.properties.code);
    byName.set(f.properties.name, row);
    const share = row?.share ?? null;
    // NaN keeps a county out of the visual map, so its own grey applies.
    return share === null
      ? { name: f.properties.name, value: Number.NaN, itemStyle: { areaColor: NO_DATA_COLOR } }
      : { name: f.properties.name, value: share };
  });
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const name = (Array.isArray(p) ? p[0]?.name : p.name) ?? '';
        return labels.tooltip(name, byName.get(name));
      },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: 1,
      left: 8,
      bottom: 8,
      text: [labels.high, labels.low],
      calculable: false,
      inRange: { color: [...SHARE_COLORS] },
      textStyle: { color: '#555' },
    },
    series: [
      {
        type: 'map',
        map: mapName,
        name: labels.legend,
        roam: false,
        layoutCenter: ['50%', '50%'],
        layoutSize: '95%',
        label: { show: true, fontSize: 11, color: '#1f2937' },
        emphasis: { label: { show: true, fontWeight: 'bold' }, itemStyle: { areaColor: '#93c5fd' } },
        select: { disabled: true },
        itemStyle: { borderColor: '#fff', borderWidth: 1, areaColor: NO_DATA_COLOR },
        data,
      },
    ],
  };
}

/** “0/1”: indicators achieved or on track of those assessed. */
export function onTrackOfAssessed(r: Pick<RegionShare, 'onTrack' | 'assessed'>): string {
  return `${r.onTrack}/${r.assessed}`;
}
