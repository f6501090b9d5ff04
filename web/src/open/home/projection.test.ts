import { describe, expect, it } from 'vitest';
import { fitProjection, pathOf } from './projection';

describe('fitProjection', () => {
  const square = { type: 'Polygon' as const, coordinates: [[[114, 25], [115, 25], [115, 26], [114, 26], [114, 25]]] };
  it('fits the shapes into the width, north up, with the height from the aspect', () => {
    const { project, height } = fitProjection([square], 108, 4);
    expect(project(114, 26)).toEqual([4, 4]);
    const [x, y] = project(115, 25);
    expect(x).toBeCloseTo(104);
    // One degree of latitude is 1/cos(25.5°) times a degree of longitude here.
    expect(y).toBeCloseTo(4 + 100 / Math.cos((25.5 * Math.PI) / 180), 5);
    expect(height).toBe(Math.ceil(y + 4));
  });
  it('draws a closed path', () => {
    const { project } = fitProjection([square], 108, 4);
    expect(pathOf(square, project)).toMatch(/^M4\.0,\d+\.\dL.*Z$/);
  });
});
