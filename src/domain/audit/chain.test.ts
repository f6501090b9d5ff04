import { describe, expect, it } from 'vitest';
import { type ChainedEvent, GENESIS_HASH, type StoredEvent, canonicalJson, chainHash, verifyChain } from './chain';

function build(events: ChainedEvent[]): StoredEvent[] {
  let prev = GENESIS_HASH;
  return events.map((e, i) => {
    const hash = chainHash(prev, e);
    const stored = { ...e, id: i + 1, prevHash: prev, hash };
    prev = hash;
    return stored;
  });
}

const ev = (n: number): ChainedEvent => ({
  at: `2026-01-0${n}T00:00:00.000Z`,
  actorUserId: 1,
  actorName: 'admin',
  action: 'saveThing',
  entity: 'thing',
  entityId: String(n),
  before: null,
  after: { b: n, a: [1, { z: 1, y: 2 }] },
});

describe('audit hash chain', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });

  it('verifies an intact chain', () => {
    expect(verifyChain(build([ev(1), ev(2), ev(3)]))).toMatchObject({ ok: true, count: 3 });
  });

  it('reports the first tampered event', () => {
    const chain = build([ev(1), ev(2), ev(3)]);
    chain[1] = { ...chain[1]!, after: { b: 99 } };
    expect(verifyChain(chain)).toEqual({ ok: false, count: 1, brokenAt: 2, reason: 'hash-mismatch' });
  });

  it('reports a removed event', () => {
    const chain = build([ev(1), ev(2), ev(3)]);
    chain.splice(1, 1);
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 3, reason: 'prev-hash-mismatch' });
  });
});
