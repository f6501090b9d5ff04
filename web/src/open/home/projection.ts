/**
 * The county map's projection: longitude scaled by cos(mid-latitude) (an equirectangular projection, near enough
 * for one prefecture), fitted into a width × height box; SVG y grows downward, latitude upward.
 */
export type Ring = ReadonlyArray<readonly [number, number] | readonly number[]>;
export type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

const ringsOf = (g: Geometry): Ring[] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

/** A function that maps [lon, lat] into the box, with the box's real height (aspect kept). */
export function fitProjection(geometries: readonly Geometry[], width: number, pad = 4) {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geometries) for (const r of ringsOf(g)) for (const [lon, lat] of r as Array<[number, number]>) {
    minX = Math.min(minX, lon);
    maxX = Math.max(maxX, lon);
    minY = Math.min(minY, lat);
    maxY = Math.max(maxY, lat);
  }
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = (width - 2 * pad) / ((maxX - minX) * k || 1);
  const height = Math.ceil((maxY - minY) * scale + 2 * pad);
  const project = (lon: number, lat: number): [number, number] => [pad + (lon - minX) * k * scale, pad + (maxY - lat) * scale];
  return { project, height };
}

/** An SVG path for a geometry, one decimal per coordinate (the map is a few hundred pixels wide). */
export function pathOf(g: Geometry, project: (lon: number, lat: number) => [number, number]): string {
  return ringsOf(g)
    .map((r) => `M${(r as Array<[number, number]>).map(([lon, lat]) => project(lon, lat).map((v) => v.toFixed(1)).join(',')).join('L')}Z`)
    .join('');
}
