import { Card, Col, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';
import type { Section } from '../plan/queries';

/** The key projects (重点工程), each opening its section in the plan browser. */
export function KeyProjects({ sections }: { sections: Section[] }) {
  const { t } = useI18n();
  return (
    <Row gutter={[12, 12]}>
      {sections.map((s) => (
        <Col key={s.id} xs={24} sm={12}>
          <Link to={`/plan/section/${s.id}`}>
            <Card size="small" hoverable style={{ height: '100%' }}>
              <Typography.Text strong>{t('plan.sectionLabel', { no: s.no, title: s.title })}</Typography.Text>
              <div style={{ marginTop: 6 }}>
                <Tag color="gold">{t('plan.keyProject')}</Tag>
                <Typography.Text type="secondary">{t('plan.counts', { tasks: s.tasks.length, indicators: s.indicators.length })}</Typography.Text>
              </div>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
