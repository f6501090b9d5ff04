import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Revision, approvedOf, decideReview, decideSubmission, type StagedRevision, type StagedStatus, decideStagedReview, decideStagedSubmission } from './lifecycle';

const r = (id: number, status: Revision['status']): Revision => ({ id, revision: id, status });

describe('report lifecycle', () => {
  it('a first submission is revision 1', () => {
    expect(decideSubmission([], null)).toEqual({ ok: true, revision: 1, isCorrection: false });
  });

  it('waits for review before another submission', () => {
    expect(decideSubmission([r(1, 'submitted')], null)).toEqual({ ok: false, code: 'pending-review' });
  });

  it('a returned report is resubmitted as a new revision', () => {
    expect(decideSubmission([r(1, 'returned')], null)).toEqual({ ok: true, revision: 2, isCorrection: false });
  });

  it('an approved value is locked: only a correction with a reason follows', () => {
    expect(decideSubmission([r(1, 'approved')], null)).toEqual({ ok: false, code: 'approved-needs-correction' });
    expect(decideSubmission([r(1, 'approved')], '  ')).toEqual({ ok: false, code: 'reason-required' });
    expect(decideSubmission([r(1, 'approved')], '统计局反馈修订')).toEqual({ ok: true, revision: 2, isCorrection: true });
    expect(decideSubmission([r(1, 'returned')], '改正')).toEqual({ ok: false, code: 'nothing-to-correct' });
  });

  it('approving a correction supersedes the value it corrects; returning needs a comment', () => {
    const revs = [r(1, 'approved'), r(2, 'submitted')];
    expect(decideReview(revs, 2, 'approve', null)).toEqual({ ok: true, status: 'approved', supersede: [1] });
    expect(decideReview(revs, 2, 'return', '')).toEqual({ ok: false, code: 'comment-required' });
    expect(decideReview(revs, 2, 'return', '附件缺少盖章')).toEqual({ ok: true, status: 'returned', supersede: [] });
    expect(decideReview(revs, 1, 'approve', null)).toEqual({ ok: false, code: 'not-latest' });
    expect(decideReview([r(1, 'approved')], 1, 'approve', null)).toEqual({ ok: false, code: 'not-submitted' });
  });

  it('at most one revision is ever approved, whatever the sequence of steps (property)', () => {
    type Step = { kind: 'submit' } | { kind: 'correct' } | { kind: 'approve' } | { kind: 'return' };
    const step = fc.constantFrom<Step>({ kind: 'submit' }, { kind: 'correct' }, { kind: 'approve' }, { kind: 'return' });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const revs: Revision[] = [];
        for (const s of steps) {
          if (s.kind === 'submit' || s.kind === 'correct') {
            const d = decideSubmission(revs, s.kind === 'correct' ? '修订' : null);
            if (d.ok) revs.push({ id: d.revision, revision: d.revision, status: 'submitted' });
          } else {
            const latest = revs.at(-1);
            const d = latest && decideReview(revs, latest.id, s.kind, '意见');
            if (d?.ok) {
              latest!.status = d.status;
              for (const id of d.supersede) revs.find((x) => x.id === id)!.status = 'superseded';
            }
          }
          expect(revs.filter((x) => x.status === 'approved').length).toBeLessThanOrEqual(1);
          expect(revs.filter((x) => x.status === 'submitted').length).toBeLessThanOrEqual(1);
        }
        if (approvedOf(revs)) expect(approvedOf(revs)!.status).toBe('approved');
      }),
    );
  });
});

describe('two-stage review (county, then city)', () => {
  const rev = (id: number, revision: number, status: StagedStatus): StagedRevision => ({ id, revision, status });
  it('goes submitted → county-approved → approved, each stage in turn', () => {
    expect(decideStagedReview([rev(1, 1, 'submitted')], 1, 'city', 'approve', null)).toEqual({ ok: false, code: 'wrong-stage' });
    expect(decideStagedReview([rev(1, 1, 'submitted')], 1, 'county', 'approve', null)).toEqual({ ok: true, status: 'county-approved', supersede: [] });
    expect(decideStagedReview([rev(1, 1, 'county-approved')], 1, 'county', 'approve', null)).toEqual({ ok: false, code: 'wrong-stage' });
    expect(decideStagedReview([rev(1, 1, 'county-approved')], 1, 'city', 'approve', null)).toEqual({ ok: true, status: 'approved', supersede: [] });
  });
  it('lets either stage return with a comment, and a correction supersede the approved revision', () => {
    expect(decideStagedReview([rev(1, 1, 'county-approved')], 1, 'city', 'return', ' ')).toEqual({ ok: false, code: 'comment-required' });
    expect(decideStagedReview([rev(1, 1, 'county-approved')], 1, 'city', 'return', '请补充')).toMatchObject({ ok: true, status: 'returned' });
    expect(decideStagedReview([rev(1, 1, 'approved'), rev(2, 2, 'county-approved')], 2, 'city', 'approve', null)).toEqual({ ok: true, status: 'approved', supersede: [1] });
  });
  it('treats a county-approved revision as pending for a new submission', () => {
    expect(decideStagedSubmission([rev(1, 1, 'county-approved')], null)).toEqual({ ok: false, code: 'pending-review' });
    expect(decideStagedSubmission([rev(1, 1, 'approved')], '更正')).toEqual({ ok: true, revision: 2, isCorrection: true });
  });
});
