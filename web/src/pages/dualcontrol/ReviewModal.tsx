import { useI18n } from '../../app/i18n-context';
import { ReviewModal as SharedReviewModal } from '../../components/ReviewModal';
import { type Account, useReviewAccount } from './queries';

/** The city approves (comment optional) or returns (comment required) a county's submitted figures. */
export function ReviewModal({ account, action, onClose }: { account: Account | null; action: 'approve' | 'return'; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <SharedReviewModal
      open={account !== null}
      action={action}
      title={t(action === 'return' ? 'energy.review.return' : 'energy.review.approve')}
      name={`energy-${action}`}
      mutation={useReviewAccount()}
      toVars={(comment) => ({ id: account!.id, action, comment })}
      onClose={onClose}
    />
  );
}
