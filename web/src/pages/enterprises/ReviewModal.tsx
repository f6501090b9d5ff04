import { useI18n } from '../../app/i18n-context';
import { ReviewModal as SharedReviewModal } from '../../components/ReviewModal';
import { type EnergyReport, useReviewReport } from './queries';

/** The county (first) or the city (second) approves a report, comment optional, or returns it with a comment. */
export function ReviewModal({ report, action, onClose }: { report: EnergyReport | null; action: 'approve' | 'return'; onClose: () => void }) {
  const { t } = useI18n();
  const label = t(action === 'return' ? 'review.return' : 'review.approve');
  return (
    <SharedReviewModal
      open={report !== null}
      action={action}
      title={report ? t('ent.review.titleOf', { action: label, year: report.year, n: report.revision }) : label}
      name={`ent-report-${action}`}
      mutation={useReviewReport()}
      toVars={(comment) => ({ id: report!.id, action, comment })}
      onClose={onClose}
    />
  );
}
