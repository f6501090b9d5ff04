import { Alert, App, Button, Checkbox, Flex, Input, List, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { ReviewedItem } from '../../../../src/domain/assessment/model';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { EvidenceUploadButton } from '../../components/EvidenceUploadButton';
import { problemDetail } from '../../components/problem-text';
import { fileTypeLabel, formatFileSize } from '../reporting/evidence';
import { fmt2 } from './labels';
import { evidenceUrl, type SubjectDetail, useSaveScore, useUploadItemEvidence } from './queries';

type Props = { detail: SubjectDetail; item: ReviewedItem; scorable: boolean; canUpload: boolean };

/** A reviewed item's checklist form (points = the checked entries' sum), its evidence with the upload, and its score history. */
export function ItemPanel({ detail, item, scorable, canUpload }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const scores = detail.scores.filter((s) => s.itemKey === item.key);
  const latest = scores.at(-1);
  const [checked, setChecked] = useState<string[]>(latest?.checked ?? []);
  const [note, setNote] = useState(latest?.note ?? '');
  const save = useSaveScore(detail.assessmentId, detail.key);
  const upload = useUploadItemEvidence(detail.assessmentId, detail.key);
  const points = item.checklist.filter((c) => checked.includes(c.key)).reduce((a, c) => a + Math.round(c.points * 100), 0) / 100;
  const error = [save.error, upload.error].find((e) => e instanceof ApiError) as ApiError | undefined;
  const evidence = detail.evidence.filter((e) => e.itemKey === item.key);
  const id = `assessment-note-${item.key}`;

  return (
    <Flex vertical gap={12} style={{ padding: '4px 8px' }}>
      {scorable && (
        <section aria-label={t('assessment.subject.scoreTitle', { item: item.title })}>
          <Typography.Text strong>{t('assessment.subject.checklist')}</Typography.Text>
          <Checkbox.Group value={checked} onChange={(v) => setChecked(v)} style={{ display: 'flex', flexDirection: 'column', gap: 4, margin: '6px 0' }}>
            {item.checklist.map((c) => (
              <Checkbox key={c.key} value={c.key}>
                {c.text}（{t('assessment.points', { value: fmt2(c.points) })}）
              </Checkbox>
            ))}
          </Checkbox.Group>
          <Typography.Paragraph strong aria-live="polite">{t('assessment.subject.sum', { points: t('assessment.points', { value: fmt2(points) }) })}</Typography.Paragraph>
          <label htmlFor={id}>{t('assessment.subject.note')}</label>
          <Input.TextArea id={id} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            loading={save.isPending}
            onClick={() => save.mutate({ itemKey: item.key, points, checked, note: note.trim() }, { onSuccess: () => void message.success(t('assessment.subject.saved', { item: item.title })) })}
          >
            {t('assessment.subject.save')}
          </Button>
        </section>
      )}
      <section aria-label={t('assessment.subject.evidence')}>
        <Typography.Text strong>{t('assessment.subject.evidence')}</Typography.Text>
        <List
          size="small"
          dataSource={evidence}
          locale={{ emptyText: t('assessment.subject.noEvidence') }}
          rowKey="id"
          renderItem={(e) => (
            <List.Item>
              <a href={evidenceUrl(detail.assessmentId, detail.key, e.id)} download={e.fileName}>
                {e.fileName}
              </a>
              <Typography.Text type="secondary">
                {fileTypeLabel(e.mediaType)} · {formatFileSize(e.size, locale)}
              </Typography.Text>
            </List.Item>
          )}
        />
        {canUpload && (
          <EvidenceUploadButton
            send={(file, callbacks) => upload.mutate({ itemKey: item.key, file }, callbacks)}
            pending={upload.isPending}
            label={t('assessment.subject.upload')}
            uploaded={(name) => t('assessment.subject.uploaded', { name })}
          />
        )}
      </section>
      {error && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} />}
      <section aria-label={t('assessment.subject.historyOf')}>
        <Typography.Text strong>{t('assessment.subject.historyOf')}</Typography.Text>
        {scores.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('assessment.subject.noHistory')}</Typography.Paragraph>
        ) : (
          <Timeline
            style={{ marginTop: 8 }}
            items={scores.map((s) => ({
              key: s.id,
              color: s.stage === 'review' ? 'green' : 'blue',
              children: (
                <>
                  <Tag>{t(s.stage === 'self' ? 'assessment.subject.stage.self' : 'assessment.subject.stage.review')}</Tag>
                  <Typography.Text strong>{s.actorName}</Typography.Text> {t('assessment.points', { value: fmt2(s.points) })}
                  <Typography.Text type="secondary"> · {new Date(s.at).toLocaleString(locale, { hour12: false })}</Typography.Text>
                  {s.note && <div style={{ whiteSpace: 'pre-wrap' }}>{s.note}</div>}
                </>
              ),
            }))}
          />
        )}
      </section>
    </Flex>
  );
}
