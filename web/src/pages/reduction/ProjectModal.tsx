import { useQuery } from '@tanstack/react-query';
import { Alert, App, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { MEASURE_TYPES, type MeasureType, type Pollutant } from '../../../../src/domain/reduction/model';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemDetail } from '../../components/problem-text';
import type { Me } from '../auth/queries';
import { enterprisesQuery } from '../enterprises/queries';
import { localRegions, type Region } from '../org/queries';
import { methodKey, pollutantKey, typeKey } from './labels';
import { ParamFields } from './ParamFields';
import { pollutantsOf, problemNamePaths, type ProjectFormValues, projectFormValues, toProjectBody } from './project-form';
import { type Project, useSaveProject } from './queries';

const TYPES = Object.keys(MEASURE_TYPES) as MeasureType[];
const DATE = 'YYYY-MM-DD';

/** One number per pollutant of the project (baseline, planned reduction), in tonnes. */
function TonnesFields({ name, label, pollutants }: { name: string; label: string; pollutants: readonly Pollutant[] }) {
  const { t } = useI18n();
  return (
    <Form.Item label={label} style={{ marginBottom: 0 }}>
      <Row gutter={8}>
        {pollutants.map((p) => (
          <Col key={p} span={12}>
            <Form.Item name={[name, p]}>
              <InputNumber aria-label={t('reduction.project.perPollutant', { label, pollutant: t(pollutantKey(p)) })} prefix={<span style={{ color: '#8c8c8c' }}>{p}</span>} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Form.Item>
  );
}

/**
 * 登记项目: what (type → method → its parameters with units), the facility and where it is, the plan and the 2020
 * baseline. Saved as a draft that only its county sees; 提交登记 is a separate step in the list.
 */
export function ProjectModal({ me, project, regions, onClose }: { me: Me; project: Project | 'new' | null; regions: readonly Region[]; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectFormValues>();
  const save = useSaveProject();
  const type = Form.useWatch('measureType', form);
  const regionCode = Form.useWatch('regionCode', form);
  const chosen = Form.useWatch('pollutants', form);
  const enterprises = useQuery({ ...enterprisesQuery({ regionCode }), enabled: project !== null && !!regionCode });
  const allowed = pollutantsOf(type);
  const pollutants = (chosen ?? []).filter((p) => allowed.includes(p));

  useEffect(() => {
    if (project === null) return;
    form.setFieldsValue(project === 'new' ? { regionCode: me.role === 'county' ? (me.regionCode ?? undefined) : undefined } : projectFormValues(project));
  }, [project, form, me]);

  const onType = (next: MeasureType) => form.setFieldsValue({ pollutants: [...MEASURE_TYPES[next].pollutants], params: {} });
  const onEnterprise = (id: number | null) => {
    const e = enterprises.data?.find((x) => x.id === id);
    if (e) form.setFieldsValue({ facilityName: e.name, uscc: e.uscc });
  };

  const onFinish = (v: ProjectFormValues) => {
    if (project === null) return;
    const body = toProjectBody(v);
    save.mutate(
      { id: project === 'new' ? null : project.id, body },
      {
        onSuccess: (p) => {
          void message.success(t('reduction.project.saved', { name: p.name }));
          onClose();
        },
        onError: (e) => {
          // The server's pointers name the body's fields, which are the form's (nested ones included).
          if (e instanceof ApiError) form.setFields(problemNamePaths(e) as Parameters<typeof form.setFields>[0]);
        },
      },
    );
  };
  const error = save.error instanceof ApiError ? save.error : null;
  const required = (msg: string) => [{ required: true, whitespace: true, message: msg }];
  return (
    <Modal
      open={project !== null}
      width={960}
      title={project === 'new' ? t('reduction.project.new') : t('reduction.project.editOf', { name: project?.name ?? '' })}
      okText={t('reduction.project.saveDraft')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        save.reset();
        form.resetFields();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('reduction.project.draftHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginBottom: 16 }} />}
      <Form<ProjectFormValues> form={form} name="reduction-project" layout="vertical" onFinish={onFinish} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('reduction.project.name')} name="name" rules={required(t('reduction.project.nameRequired'))}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('reduction.project.region')} name="regionCode" rules={[{ required: true, message: t('reduction.project.regionRequired') }]}>
              <Select showSearch optionFilterProp="label" disabled={me.role === 'county'} options={localRegions(regions).map((r) => ({ value: r.code, label: r.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('reduction.project.method')}>
              <Input readOnly value={type ? t(methodKey(MEASURE_TYPES[type].method)) : ''} aria-label={t('reduction.project.method')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('reduction.project.type')} name="measureType" rules={[{ required: true, message: t('reduction.project.typeRequired') }]}>
              <Select showSearch optionFilterProp="label" onChange={onType} options={TYPES.map((k) => ({ value: k, label: t(typeKey(k)) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('reduction.project.pollutants')} name="pollutants" rules={[{ required: true, type: 'array', min: 1, message: t('reduction.project.pollutantsRequired') }]}>
              <Select mode="multiple" options={allowed.map((p) => ({ value: p, label: t(pollutantKey(p)) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Divider orientation="left" plain>
          {t('reduction.project.section.facility')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t('reduction.project.enterprise')} name="enterpriseId" extra={t('reduction.project.enterpriseHelp')}>
              <Select allowClear showSearch optionFilterProp="label" loading={enterprises.isFetching} onChange={onEnterprise} options={(enterprises.data ?? []).map((e) => ({ value: e.id, label: e.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('reduction.project.facility')} name="facilityName" rules={required(t('reduction.project.facilityRequired'))}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={t('reduction.project.uscc')} name="uscc">
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={t('reduction.project.outlet')} name="outlet" tooltip={t('reduction.project.outletHelp')}>
              <Input maxLength={50} placeholder="DW001" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label={t('reduction.project.address')} name="address">
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={t('reduction.project.longitude')} name="longitude">
              <InputNumber min={-180} max={180} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={t('reduction.project.latitude')} name="latitude">
              <InputNumber min={-90} max={90} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('reduction.project.stationMn')} name="stationMn" tooltip={t('reduction.project.stationMnHelp')}>
              <Input maxLength={24} />
            </Form.Item>
          </Col>
        </Row>
        {type && (
          <>
            <Divider style={{ margin: '4px 0 8px' }} />
            <ParamFields method={MEASURE_TYPES[type].method} pollutants={pollutants} />
          </>
        )}
        <Divider orientation="left" plain>
          {t('reduction.project.section.plan')}
        </Divider>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item label={t('reduction.project.plannedStart')} name="plannedStart">
              <DatePicker format={DATE} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('reduction.project.plannedCompletion')} name="plannedCompletion">
              <DatePicker format={DATE} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('reduction.project.baselineSource')} name="baselineSource" tooltip={t('reduction.project.baselineSourceHelp')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <TonnesFields name="baseline_t" label={t('reduction.project.baseline')} pollutants={pollutants} />
          </Col>
          <Col xs={24} md={12}>
            <TonnesFields name="planned_t" label={t('reduction.project.planned')} pollutants={pollutants} />
          </Col>
          <Col span={24}>
            <Form.Item label={t('reduction.project.note')} name="note">
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
