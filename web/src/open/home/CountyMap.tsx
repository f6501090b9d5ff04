import { useEffect, useState } from 'react';
import type { BarometerSnapshot } from '../../../../src/domain/public/publication';
import { getJson } from '../api';
import { type Geometry, fitProjection, pathOf } from './projection';
import { t } from './t';

type Feature = { properties: { name: string; code: string; center?: [number, number] }; geometry: Geometry };
type Shape = { code: string; name: string; d: string; label: [number, number] };

const WIDTH = 360;
const LEVEL_KEYS = { 1: 'openHome.map.level1', 2: 'openHome.map.level2', 3: 'openHome.map.level3' } as const;
const levelName = (l: 1 | 2 | 3 | null) => (l === null ? t('openHome.map.unrated') : t(LEVEL_KEYS[l]));

/** 晴雨表地图: the shipped simplified county shapes (web/public/map), each filled with its published level. */
export function CountyMap({ barometer, period }: { barometer: BarometerSnapshot; period: string }) {
  const [shapes, setShapes] = useState<{ list: Shape[]; height: number } | null>(null);
  useEffect(() => {
    let live = true;
    void getJson<{ features: Feature[] }>('/map/ganzhou.json').then((fc) => {
      const { project, height } = fitProjection(fc.features.map((f) => f.geometry), WIDTH);
      const list = fc.features.map((f) => ({ code: f.properties.code, name: f.properties.name, d: pathOf(f.geometry, project), label: project(...(f.properties.center ?? [0, 0])) }));
      if (live) setShapes({ list, height });
    }, () => live && setShapes({ list: [], height: 0 }));
    return () => {
      live = false;
    };
  }, []);
  const byCode = new Map(barometer.regions.map((r) => [r.regionCode, r]));
  const colour = (l: 1 | 2 | 3 | null) => (l === null ? barometer.colours.unrated : barometer.colours[`level${l}`]);
  const counties = barometer.regions.filter((r) => r.kind !== 'city');
  return (
    <figure className="map">
      {shapes && shapes.list.length > 0 && (
        <svg viewBox={`0 0 ${WIDTH} ${shapes.height}`} role="img" aria-label={t('openHome.map.label')}>
          {shapes.list.map((s) => {
            const r = byCode.get(s.code);
            return (
              <path key={s.code} d={s.d} fill={colour(r?.overall ?? null)} data-code={s.code} data-level={r?.overall ?? ''} stroke="#fff" strokeWidth={0.8}>
                <title>{`${s.name}：${levelName(r?.overall ?? null)}`}</title>
              </path>
            );
          })}
        </svg>
      )}
      <figcaption>{t('openHome.map.caption', { period })}</figcaption>
      <ul className="legend">
        {([3, 2, 1, null] as const).map((l) => (
          <li key={String(l)}>
            <span className="swatch" style={{ background: colour(l) }} aria-hidden="true" />
            {levelName(l)}
          </li>
        ))}
      </ul>
      {/* The same levels as text: the map's accessible equivalent. */}
      <details>
        <summary>{t('openHome.map.tableSummary')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('publicData.h.region')}</th>
              <th scope="col">{t('publicData.h.intensity')}</th>
              <th scope="col">{t('publicData.h.total')}</th>
              <th scope="col">{t('publicData.h.overall')}</th>
            </tr>
          </thead>
          <tbody>
            {counties.map((r) => (
              <tr key={r.regionCode}>
                <th scope="row">{r.name}</th>
                <td>{levelName(r.intensity)}</td>
                <td>{levelName(r.total)}</td>
                <td>{levelName(r.overall)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
