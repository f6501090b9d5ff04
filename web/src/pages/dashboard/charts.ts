import type { z } from 'zod';
import type { RegionMapOut } from '../../../../src/modules/reporting/schemas';
import { type CountyMap, countyMapOption, type MapOption } from '../home/charts';

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
  return countyMapOption<RegionShare>(mapName, map, {
    legend: labels.legend,
    rowOf: (code) => byCode.get(code),
    fill: (row) => {
      const share = row?.share ?? null;
      return share === null ? { value: null, colour: NO_DATA_COLOR } : { value: share };
    },
    tooltip: labels.tooltip,
    scale: { min: 0, max: 1, text: [labels.high, labels.low], colours: SHARE_COLORS },
    unscaledColour: NO_DATA_COLOR,
    highlightColour: '#93c5fd',
  });
}

/** “0/1”: indicators achieved or on track of those assessed. */
export function onTrackOfAssessed(r: Pick<RegionShare, 'onTrack' | 'assessed'>): string {
  return `${r.onTrack}/${r.assessed}`;
}
