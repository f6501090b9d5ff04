import { Col, Descriptions, Row, Typography } from 'antd';
import { useI18n } from '../../app/i18n-context';
import type { AuditEvent } from './queries';

function Json({ title, value }: { title: string; value: unknown }) {
  return (
    <>
      <Typography.Title level={4} style={{ fontSize: 13, marginTop: 0 }}>
        {title}
      </Typography.Title>
      <pre style={{ margin: 0, padding: 8, background: '#f6f8fa', borderRadius: 4, maxHeight: 320, overflow: 'auto', fontSize: 12 }}>
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </>
  );
}

/** One audit event expanded: the record before and after the change, and where the request came from. */
export function AuditDetails({ event }: { event: AuditEvent }) {
  const { t } = useI18n();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Json title={t('audit.before')} value={event.before} />
        </Col>
        <Col xs={24} md={12}>
          <Json title={t('audit.after')} value={event.after} />
        </Col>
      </Row>
      <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('audit.requestId')}>{event.requestId ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('audit.hash')}>
          <Typography.Text code>{event.hash}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
