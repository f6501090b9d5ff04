import type { MapSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { PlanTree } from '../plan/queries';

/** The county map as scripts/build-map.mjs writes it (web/public/map/ganzhou.json). */
type Ring = number[][];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
export type CountyFeature = {
  type: 'Feature';
  properties: { name: string; code: string; center: number[] };
  geometry: Geometry;
};
export type CountyMap = { type: 'FeatureCollection'; features: CountyFeature[] };

export type MapOption = ComposeOption<MapSeriesOption | TooltipComponentOption | VisualMapComponentOption>;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
function isNested(v: unknown, depth: number): v is unknown[] {
  if (!Array.isArray(v)) return false;
  return depth === 0 ? v.every((n) => typeof n === 'number') : v.every((x) => isNested(x, depth - 1));
}
function isRingList(v: unknown): v is Ring[] {
  return isNested(v, 2);
}
function isPolygonList(v: unknown): v is Ring[][] {
  return isNested(v, 3);
}

function toGeometry(g: unknown): Geometry | null {
  if (!isObj(g)) return null;
  if (g.type === 'Polygon' && isRingList(g.coordinates)) return { type: 'Polygon', coordinates: g.coordinates };
  if (g.type === 'MultiPolygon' && isPolygonList(g.coordinates)) return { type: 'MultiPolygon', coordinates: g.coordinates };
  return null;
}

/** Checks the fetched map file and keeps what the chart needs; throws on anything else. */
export function parseCountyMap(json: unknown): CountyMap {
  if (!isObj(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) throw new Error('map: not a GeoJSON FeatureCollection');
  const features = json.features.map((f: unknown, i): CountyFeature => {
    const p = isObj(f) && isObj(f.properties) ? f.properties : null;
    const geometry = isObj(f) ? toGeometry(f.geometry) : null;
    if (!p || typeof p.name !== 'string' || typeof p.code !== 'string' || !geometry) throw new Error(`map: feature ${i} lacks name, code or polygon`);
    const center = isNested(p.center, 0) ? p.center.filter((n): n is number => typeof n === 'number') : [];
    return { type: 'Feature', properties: { name: p.name, code: p.code, center }, geometry };
  });
  return { type: 'FeatureCollection', features };
}

/** How many tasks of the plan name each region (by region code). */
export function namedTaskCounts(tree: Pick<PlanTree, 'chapters'>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of tree.chapters)
    for (const s of c.sections) for (const task of s.tasks) for (const r of task.namedRegions) counts.set(r, (counts.get(r) ?? 0) + 1);
  return counts;
}

/** How one county map colours and describes its counties; `Row` is what the page knows of a county. */
export type CountyMapSpec<Row> = {
  /** The series' name, e.g. 点名任务数. */
  legend: string;
  /** A county's row, by its code; undefined when the answer has none. */
  rowOf: (code: string) => Row | undefined;
  /**
   * A county's value on the colour scale and, where the scale must not colour it, its own fill. A null value keeps
   * the county off the scale (as NaN), so its own fill or `unscaledColour` shows.
   */
  fill: (row: Row | undefined) => { value: number | null; colour?: string };
  /** The tooltip of a county (HTML), given its name and row. */
  tooltip: (name: string, row: Row | undefined) => string;
  /** A continuous colour scale (ECharts' visual map) with its two end captions; none when every county has its own fill. */
  scale?: { min: number; max: number; text: [high: string, low: string]; colours: readonly string[]; formatter?: (value: unknown) => string };
  /** The fill of a county that neither the scale nor `fill` colours. */
  unscaledColour?: string;
  /** The fill of the county under the mouse. */
  highlightColour: string;
};

/** A continuous visual map in the bottom-left corner, its two ends captioned. */
function colourScale(scale: NonNullable<CountyMapSpec<unknown>['scale']>): VisualMapComponentOption {
  return {
    type: 'continuous',
    min: scale.min,
    max: scale.max,
    left: 8,
    bottom: 8,
    text: scale.text,
    calculable: false,
    inRange: { color: [...scale.colours] },
    textStyle: { color: '#555' },
    ...(scale.formatter && { formatter: scale.formatter }),
  };
}

/** The county map, each county labelled by name, coloured and described as the spec says. Zones have no polygon. */
export function countyMapOption<Row>(mapName: string, map: CountyMap, spec: CountyMapSpec<Row>): MapOption {
  const byName = new Map<string, Row | undefined>();
  const data = map.features.map((f) => {
    const row = spec.rowOf(f.properties.code);
    byName.set(f.properties.name, row);
    const { value, colour } = spec.fill(row);
    return { name: f.properties.name, value: value ?? Number.NaN, ...(colour === undefined ? {} : { itemStyle: { areaColor: colour } }) };
  });
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const name = (Array.isArray(p) ? p[0]?.name : p.name) ?? '';
        return spec.tooltip(name, byName.get(name));
      },
    },
    ...(spec.scale && { visualMap: colourScale(spec.scale) }),
    series: [
      {
        type: 'map',
        map: mapName,
        name: spec.legend,
        roam: false,
        layoutCenter: ['50%', '50%'],
        layoutSize: '95%',
        label: { show: true, fontSize: 11, color: '#1f2937' },
        emphasis: { label: { show: true, fontWeight: 'bold' }, itemStyle: { areaColor: spec.highlightColour } },
        select: { disabled: true },
        itemStyle: { borderColor: '#fff', borderWidth: 1, ...(spec.unscaledColour && { areaColor: spec.unscaledColour }) },
        data,
      },
    ],
  };
}

export type MapLabels = {
  /** The visual map's caption, e.g. 点名任务数. */
  legend: string;
  /** The tooltip line of a county, e.g. 定南县：点名任务 3 项. */
  tooltip: (name: string, count: number) => string;
};

/** The county map: each county labelled by name and shaded by the number of tasks naming it. */
export function ganzhouMapOption(mapName: string, map: CountyMap, counts: ReadonlyMap<string, number>, labels: MapLabels): MapOption {
  const max = Math.max(1, ...map.features.map((f) => counts.get(f.properties.code) ?? 0));
  return countyMapOption<number>(mapName, map, {
    legend: labels.legend,
    rowOf: (code) => counts.get(code) ?? 0,
    fill: (count) => ({ value: count ?? 0 }),
    tooltip: (name, count) => labels.tooltip(name, count ?? 0),
    scale: { min: 0, max, text: [String(max), '0'], colours: ['#eef7f0', '#86c99b', '#15803d'], formatter: (v) => String(v) },
    highlightColour: '#fde68a',
  });
}
