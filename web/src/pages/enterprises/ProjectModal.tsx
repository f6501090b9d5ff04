import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { FormProblem } from '../../components/FormProblem';
import { useEffect } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import type { Me } from '../auth/queries';
import { localRegions, type Region } from '../org/queries';
import { APPROVALS, DISPOSALS, PROJECT_FIELDS, type ProjectFormValues, projectFormValues, STAGES, toProjectBody } from './project-form';
import { type Project, useSaveProject } from './queries';

/** Adds or edits a 两高一低 project; the approval numbers are required once approved (the server says which). */
export function ProjectModal({ me, project, regions, onClose }: { me: Me; project: Project | 'new' | null; regions: readonly Region[]; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectFormValues>();
  const save = useSaveProject();
  const isNew = project === 'new';
  const energyApproved = Form.useWatch('energyReviewStatus', form) === 'approved';
  const eiaApproved = Form.useWatch('eiaStatus', form) === 'approved';

  useEffect(() => {
    if (project === null) return;
    form.setFieldsValue(
      project === 'new'
        ? { regionCode: me.role === 'county' ? (me.regionCode ?? undefined) : undefined, stage: 'planned', energyReviewStatus: 'pending', eiaStatus: 'pending', disposal: 'pending' }
        : projectFormValues(project),
    );
  }, [project, form, me]);

  const onFinish = (v: ProjectFormValues) => {
    if (project === null) return;
    save.mutate(
      { id: project === 'new' ? null : project.id, body: toProjectBody(v) },
      {
        onSuccess: () => {
          void message.success(t('ent.saved'));
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError) form.setFields(problemToFields(e, PROJECT_FIELDS));
        },
      },
    );
  };
  const error = save.error instanceof ApiError ? save.error : null;
  const required = (msg: string) => [{ required: true, whitespace: true, message: msg }];
  return (
    <Modal
      open={project !== null}
      width={820}
      title={isNew ? t('ent.project.new') : t('ent.editOf', { name: project?.name ?? '' })}
      okText={t('common.save')}
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
      <FormProblem error={error} fields={PROJECT_FIELDS} />
      <Form<ProjectFormValues> form={form} name="ent-project" layout="vertical" onFinish={onFinish}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('ent.project.name')} name="name" rules={required(t('ent.project.nameRequired'))}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('ent.field.region')} name="regionCode" rules={[{ required: true, message: t('ent.field.regionRequired') }]}>
              <Select showSearch optionFilterProp="label" disabled={me.role === 'county'} options={localRegions(regions).map((r) => ({ value: r.code, label: r.name }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('ent.project.industry')} name="industry" rules={required(t('ent.project.industryRequired'))}>
              <Input maxLength={50} placeholder="钢铁" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('ent.project.stage')} name="stage">
              <Select options={STAGES.map((s) => ({ value: s, label: t(`ent.stage.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('ent.project.annualEnergyTce')} name="annualEnergyTce">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('ent.project.annualEmissions')} name="annualEmissions">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('ent.project.energyReview')} name="energyReviewStatus">
              <Select options={APPROVALS.map((s) => ({ value: s, label: t(`ent.approval.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('ent.project.energyReviewNo')} name="energyReviewNo" required={energyApproved}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('ent.project.eia')} name="eiaStatus">
              <Select options={APPROVALS.map((s) => ({ value: s, label: t(`ent.approval.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('ent.project.eiaNo')} name="eiaNo" required={eiaApproved}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('ent.project.finding')} name="finding">
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('ent.project.disposal')} name="disposal">
              <Select options={DISPOSALS.map((s) => ({ value: s, label: t(`ent.disposal.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('ent.project.followUp')} name="followUp">
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
