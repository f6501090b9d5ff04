import { Alert, Flex, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { EVIDENCE_BY_METHOD } from '../../../../src/domain/reduction/evidence';
import { EVIDENCE_KINDS, type EvidenceKind, type MethodId } from '../../../../src/domain/reduction/model';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { EvidenceUploadButton } from '../../components/EvidenceUploadButton';
import { HiddenLabel } from '../../components/HiddenLabel';
import { problemDetail } from '../../components/problem-text';
import { ThreadHeading } from '../../components/ReviewHistory';
import { fileTypeLabel, formatFileSize } from '../reporting/evidence';
import { evidenceKey, methodKey } from './labels';
import { type Evidence, evidenceUrl, useUploadEvidence } from './queries';

type Props = { projectId: number; method: MethodId; evidence: readonly Evidence[]; missing: readonly EvidenceKind[]; canUpload: boolean };

/** 证明材料: the kinds the method needs (reduction.md §4), each marked uploaded or missing, the files, and an upload by kind. */
export function EvidenceSection({ projectId, method, evidence, missing, canUpload }: Props) {
  const { t, locale } = useI18n();
  const needed = EVIDENCE_BY_METHOD[method];
  const [kind, setKind] = useState<EvidenceKind>(missing[0] ?? needed[0] ?? 'other');
  const upload = useUploadEvidence(projectId);
  const error = upload.error instanceof ApiError ? upload.error : null;
  const kinds = [...needed, ...EVIDENCE_KINDS.filter((k) => !needed.includes(k))];
  return (
    <section aria-label={t('reduction.ev.title')}>
      <ThreadHeading>{t('reduction.ev.title')}</ThreadHeading>
      <Typography.Text type="secondary">{t('reduction.ev.required', { method: t(methodKey(method)) })}</Typography.Text>
      <Flex wrap gap={6} style={{ margin: '6px 0 12px' }} aria-label={t('reduction.ev.required', { method: t(methodKey(method)) })}>
        {needed.map((k) => (
          <Tag key={k} color={missing.includes(k) ? 'red' : 'green'}>
            {t(evidenceKey(k))}（{t(missing.includes(k) ? 'reduction.ev.missing' : 'reduction.ev.present')}）
          </Tag>
        ))}
      </Flex>
      <List
        size="small"
        dataSource={[...evidence]}
        locale={{ emptyText: t('reduction.ev.empty') }}
        rowKey={(e) => `${e.kind}-${e.sha256}`}
        renderItem={(e) => (
          <List.Item>
            <span>
              <Tag>{t(evidenceKey(e.kind))}</Tag>
              <a href={evidenceUrl(projectId, e.sha256)} download={e.fileName}>
                {e.fileName}
              </a>
            </span>
            <Typography.Text type="secondary">
              {fileTypeLabel(e.mediaType)} · {formatFileSize(e.size, locale)}
            </Typography.Text>
          </List.Item>
        )}
      />
      {canUpload && (
        <Flex wrap gap={8} align="center" style={{ marginTop: 12 }}>
          <HiddenLabel htmlFor="red-ev-kind">{t('reduction.ev.kind')}</HiddenLabel>
          <Select<EvidenceKind> id="red-ev-kind" style={{ width: 300 }} value={kind} onChange={setKind} options={kinds.map((k) => ({ value: k, label: t(evidenceKey(k)) }))} />
          <EvidenceUploadButton send={(file, callbacks) => upload.mutate({ kind, file }, callbacks)} pending={upload.isPending} label={t('reduction.ev.upload')} uploaded={(name) => t('reduction.ev.uploaded', { name })} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('reduction.ev.hint')}
          </Typography.Text>
        </Flex>
      )}
      {error && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginTop: 8 }} />}
    </section>
  );
}
