import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useI18n } from '../../app/i18n-context';
import type { UserWithPassword } from './queries';

/** The one time an initial password is shown: after creating a user or resetting the password. */
export function InitialPasswordModal({ user, onClose }: { user: UserWithPassword | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={user !== null}
      title={t('users.initialPassword')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      {user && (
        <>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('auth.username')}>{user.username}</Descriptions.Item>
            <Descriptions.Item label={t('users.displayName')}>{user.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('users.initialPassword')}>
              <Typography.Text code copyable strong style={{ fontSize: 16 }} data-testid="initial-password">
                {user.initialPassword ?? '—'}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Alert type="warning" showIcon message={t('users.initialPasswordNote')} />
        </>
      )}
    </Modal>
  );
}
