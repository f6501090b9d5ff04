import { describe, expect, it } from 'vitest';
import { energyManagerTrainingStatus } from './training-status';

const row = (name: string, eventDate: string, attended = true) => ({ name, eventDate, attended });

describe('energyManagerTrainingStatus', () => {
  it('no manager recorded', () => {
    expect(energyManagerTrainingStatus(null, [row('张三', '2026-03-01')], 2026)).toEqual({ status: 'no-manager', lastTrainedOn: null });
    expect(energyManagerTrainingStatus('  ', [], 2026).status).toBe('no-manager');
  });
  it('trained this year, earlier, never', () => {
    expect(energyManagerTrainingStatus('张三', [row('张三', '2025-05-01'), row('张三', '2026-03-01')], 2026)).toEqual({ status: 'this-year', lastTrainedOn: '2026-03-01' });
    expect(energyManagerTrainingStatus('张三', [row('张三', '2024-05-01')], 2026)).toEqual({ status: 'earlier', lastTrainedOn: '2024-05-01' });
    expect(energyManagerTrainingStatus('张三', [], 2026)).toEqual({ status: 'never', lastTrainedOn: null });
  });
  it('absence, another person and a later year do not count', () => {
    expect(energyManagerTrainingStatus('张三', [row('张三', '2026-03-01', false)], 2026).status).toBe('never');
    expect(energyManagerTrainingStatus('张三', [row('李四', '2026-03-01')], 2026).status).toBe('never');
    expect(energyManagerTrainingStatus('张三', [row('张三', '2027-01-10')], 2026).status).toBe('never');
    expect(energyManagerTrainingStatus('张 三', [row('张三 ', '2026-01-10')], 2026).status).toBe('this-year');
  });
});
