import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Carrier, convertLines } from '../src/domain/energy/conversion';
import { effectiveAt } from '../src/domain/reference/versions';
import { shippedVersions } from '../src/modules/reference/service';

const dir = path.resolve(import.meta.dirname, '../data/reference');

describe('shipped reference data', () => {
  it('every version passes its schema, with a source', async () => {
    const versions = await shippedVersions(dir); // throws naming the file, index and field otherwise
    expect(versions.every((v) => v.source.length > 10)).toBe(true);
  });

  it('the GB/T 2589 coefficients reproduce energy.md §1 worked example', async () => {
    const versions = await shippedVersions(dir);
    const table = effectiveAt(versions, 'energy-coefficients', '2024-12-31')!.value as { carriers: Carrier[] };
    const carriers = new Map(table.carriers.map((c) => [c.code, c]));
    const r = convertLines(
      [
        { carrier: 'raw-coal', quantity: 2000, unit: 't' },
        { carrier: 'natural-gas', quantity: 30, unit: '万m3' },
        { carrier: 'diesel', quantity: 50, unit: 't' },
        { carrier: 'heat', quantity: 8000, unit: 'GJ' },
        { carrier: 'electricity', quantity: 500, unit: '万kWh' },
      ],
      carriers,
      0.3,
    );
    expect(Math.round(r.totalEquivalent * 1e4) / 1e4).toBe(2753.205);
    expect(Math.round(r.totalEquivalentInput * 1e4) / 1e4).toBe(3638.705);
  });
});
