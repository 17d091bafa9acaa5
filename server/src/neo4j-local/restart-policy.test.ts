import { describe, expect, it } from 'vitest';
import { RestartPolicy } from './restart-policy.js';

describe('RestartPolicy', () => {
  it('backs off exponentially up to a cap and never gives up', () => {
    const policy = new RestartPolicy({ initialDelayMs: 1_000, maxDelayMs: 8_000, unhealthyAfterMs: 1e9 });
    const delays = Array.from({ length: 8 }, (_, i) => policy.down(i));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000, 8_000, 8_000]);
  });

  it('starts the backoff afresh after a stable period, not after a short one', () => {
    const policy = new RestartPolicy({ initialDelayMs: 1_000, stableAfterMs: 60_000 });
    policy.down(0);
    policy.down(1);
    policy.up(10);
    expect(policy.down(20)).toBe(4_000);
    policy.up(100);
    expect(policy.down(100 + 60_000)).toBe(1_000);
  });

  it('turns unhealthy when the database stays down too long, and healthy again once it is up', () => {
    const policy = new RestartPolicy({ unhealthyAfterMs: 120_000 });
    expect(policy.healthy(0)).toBe(true);
    policy.down(0);
    policy.down(50_000);
    expect(policy.healthy(100_000)).toBe(true);
    expect(policy.healthy(130_000)).toBe(false);
    policy.up(140_000);
    expect(policy.healthy(140_001)).toBe(true);
  });

  it('is unhealthy at once when a restart cannot work', () => {
    const policy = new RestartPolicy();
    policy.down(0);
    policy.cannotRestart('java not found');
    expect(policy.healthy(1)).toBe(false);
    expect(policy.reason).toBe('java not found');
  });
});
