import { useQuery } from '@tanstack/react-query';
import { Alert, List, Typography } from 'antd';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { EvidenceUploadButton } from '../../components/EvidenceUploadButton';
import { problemDetail } from '../../components/problem-text';
import { QueryError } from '../../components/QueryError';
import { fileTypeLabel, formatFileSize } from './evidence';
import { attachmentsQuery, attachmentUrl, useAttachEvidence } from './queries';

type Props = { reportId: number; canAttach: boolean };

/** The evidence files of one revision, with an upload while it awaits review (for its submitter). */
export function EvidenceList({ reportId, canAttach }: Props) {
  const { t, locale } = useI18n();
  const list = useQuery(attachmentsQuery(reportId));
  const attach = useAttachEvidence(reportId);
  const error = attach.error instanceof ApiError ? attach.error : null;

  return (
    <section aria-label={t('reporting.evidence')} style={{ marginTop: 24 }}>
      <Typography.Title level={5}>{t('reporting.evidence')}</Typography.Title>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <List
          size="small"
          loading={list.isPending}
          dataSource={list.data ?? []}
          locale={{ emptyText: t('reporting.evidenceEmpty') }}
          rowKey="sha256"
          renderItem={(a) => (
            <List.Item>
              <a href={attachmentUrl(a)} download={a.fileName}>
                {a.fileName}
              </a>
              <Typography.Text type="secondary">
                {fileTypeLabel(a.mediaType)} · {formatFileSize(a.size, locale)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      {canAttach && (
        <div style={{ marginTop: 12 }}>
          <EvidenceUploadButton send={(file, callbacks) => attach.mutate(file, callbacks)} pending={attach.isPending} label={t('reporting.evidenceUpload')} uploaded={(name) => t('reporting.evidenceUploaded', { name })} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
            {t('reporting.evidenceHint')}
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginTop: 8 }} />}
        </div>
      )}
    </section>
  );
}
