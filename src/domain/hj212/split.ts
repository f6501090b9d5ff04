import { emptyRecord } from './cp';
import type { FactorValues, Packet, Rejection } from './model';

/**
 * Split packets (分包, Flag bit 1; Tables C.49/C.50): each part has its own QN, repeats DataTime and carries some of
 * the factors; they are merged by MN + CN + DataTime once PNO 1…PNUM are in (hj212.md §3). The store is bounded:
 * at most maxPending groups (the oldest is evicted to admit a new one) and each expires maxAgeMs after its first
 * part, by the `now` the caller passes (no clock here).
 */

export type SplitOptions = { maxPending: number; maxAgeMs: number };
export const DEFAULT_SPLIT_OPTIONS: Readonly<SplitOptions> = { maxPending: 10_000, maxAgeMs: 10 * 60_000 };

/** A group given up on: evicted to make room, or expired incomplete. */
export type AbandonedGroup = { mn: string; cn: string; dataTime: string | null; received: number; total: number; reason: 'evicted' | 'expired' };

export type SplitResult =
  /** The packet was not split; use it as it is. */
  | { status: 'whole'; packet: Packet }
  /** Every part is in: the merged packet (header of part 1, PNUM/PNO cleared) and the parts' QNs in PNO order. */
  | { status: 'complete'; packet: Packet; qns: Array<string | null>; evicted: AbandonedGroup | null }
  | { status: 'pending'; received: number; total: number; evicted: AbandonedGroup | null }
  | { status: 'rejected'; error: Rejection };

type Group = { firstSeen: number; total: number; parts: Map<number, Packet> };

export class SplitReassembler {
  private readonly options: SplitOptions;
  private readonly groups = new Map<string, Group>();

  constructor(options: Partial<SplitOptions> = {}) {
    this.options = { ...DEFAULT_SPLIT_OPTIONS, ...options };
  }

  get pending(): number {
    return this.groups.size;
  }

  /** Adds a decoded packet at time `now` (ms). A part sent twice (a retransmission) replaces the earlier copy. */
  add(packet: Packet, now: number): SplitResult {
    if (packet.pnum === null || packet.pno === null) return { status: 'whole', packet };
    if (packet.pnum === 1) return { status: 'complete', packet: whole(packet), qns: [packet.qn], evicted: null };
    const key = `${packet.mn}\u0000${packet.cn}\u0000${packet.cp.dataTime ?? ''}`;
    let evicted: AbandonedGroup | null = null;
    let group = this.groups.get(key);
    if (group && group.total !== packet.pnum) {
      this.groups.delete(key);
      return { status: 'rejected', error: { code: 'split', reason: `同一 MN/CN/DataTime 的分包 PNUM 不一致（${group.total} 与 ${packet.pnum}），已丢弃该组`, offset: 0 } };
    }
    if (!group) {
      if (this.groups.size >= this.options.maxPending) {
        const [oldestKey, oldest] = this.groups.entries().next().value as [string, Group]; // size ≥ 1 here
        this.groups.delete(oldestKey);
        evicted = abandoned(oldest, 'evicted');
      }
      group = { firstSeen: now, total: packet.pnum, parts: new Map() };
      this.groups.set(key, group);
    }
    group.parts.set(packet.pno, packet);
    if (group.parts.size < group.total) return { status: 'pending', received: group.parts.size, total: group.total, evicted };
    this.groups.delete(key);
    const parts = [...group.parts.keys()].sort((a, b) => a - b).map((pno) => group.parts.get(pno)!);
    const merged = merge(parts);
    if (!merged.ok) return { status: 'rejected', error: merged.error };
    return { status: 'complete', packet: merged.packet, qns: parts.map((p) => p.qn), evicted };
  }

  /** Drops the groups whose first part came more than maxAgeMs before `now`; returns them (log or re-request). */
  expire(now: number): AbandonedGroup[] {
    const out: AbandonedGroup[] = [];
    for (const [key, group] of this.groups) {
      if (now - group.firstSeen <= this.options.maxAgeMs) continue;
      this.groups.delete(key);
      out.push(abandoned(group, 'expired'));
    }
    return out;
  }
}

function abandoned(group: Group, reason: AbandonedGroup['reason']): AbandonedGroup {
  const first = group.parts.values().next().value as Packet; // a group is created with its first part
  return { mn: first.mn, cn: first.cn, dataTime: first.cp.dataTime, received: group.parts.size, total: group.total, reason };
}

/** Part 1's header, PNUM/PNO gone and the split bit cleared. */
function whole(head: Packet): Packet {
  const raw = head.flag.raw === null ? null : head.flag.raw & ~2;
  return { ...head, flag: { ...head.flag, raw, split: false }, pnum: null, pno: null };
}

const FACTOR_KEYS = ['rtd', 'min', 'avg', 'max', 'cou', 'zsRtd', 'zsMin', 'zsAvg', 'zsMax', 'flag', 'eflag', 'sampleTime', 'info'] as const;

function merge(parts: Packet[]): { ok: true; packet: Packet } | { ok: false; error: Rejection } {
  const head = parts[0]!;
  const params = Object.assign(emptyRecord(), head.cp.params);
  const factors: FactorValues[] = [];
  const byCode = new Map<string, FactorValues>();
  const conflict = (what: string): { ok: false; error: Rejection } => ({ ok: false, error: { code: 'split', reason: `分包合并时 ${what} 在不同分包中取值不同`, offset: 0 } });
  for (const part of parts) {
    for (const [name, value] of Object.entries(part.cp.params)) {
      if (Object.hasOwn(params, name) && params[name] !== value) return conflict(name);
      params[name] = value;
    }
    for (const f of part.cp.factors) {
      const into = byCode.get(f.code);
      if (!into) {
        const copy = { ...f, other: Object.assign(emptyRecord(), f.other) };
        byCode.set(f.code, copy);
        factors.push(copy);
        continue;
      }
      for (const k of FACTOR_KEYS) {
        if (f[k] === undefined) continue;
        if (into[k] !== undefined && into[k] !== f[k]) return conflict(`${f.code} 的 ${k}`);
        into[k] = f[k];
      }
      for (const [suffix, value] of Object.entries(f.other)) {
        if (Object.hasOwn(into.other, suffix) && into.other[suffix] !== value) return conflict(`${f.code}-${suffix}`);
        into.other[suffix] = value;
      }
    }
  }
  return { ok: true, packet: { ...whole(head), cp: { dataTime: head.cp.dataTime, params, factors } } };
}
