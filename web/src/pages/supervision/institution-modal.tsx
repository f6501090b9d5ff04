import { App, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { FormProblem } from '../../components/FormProblem';
import { useEffect } from 'react';
import { INSTITUTION_KINDS, INSTITUTION_LEVELS } from '../../../../src/domain/supervision/reference';
import { DEMONSTRATION_LEVELS, ECONOMY_STATUSES } from '../../../../src/modules/supervision/institutions.schemas';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { problemToFields } from '../../components/form-errors';
import type { Region } from '../org/queries';
import { instKey } from './institution-labels';
import { type Institution, type NewInstitution, useSaveInstitution } from './institution-queries';

const FIELDS = ['name', 'regionCode', 'level', 'kind', 'staff', 'floorAreaM2', 'economyStatus', 'economyYear', 'demonstration', 'teachingPoint'] as const;
type Values = { [K in (typeof FIELDS)[number]]: NewInstitution[K] };

/** Registers or edits a public institution; a county's own county is fixed; the server's errors land on the fields. */
export function InstitutionModal({ institution, regions, onClose }: { institution: Institution | 'new' | null; regions: readonly Region[]; onClose: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveInstitution();
  const isOrgan = Form.useWatch('kind', form) === 'organ';
  const accepted = Form.useWatch('economyStatus', form) === 'accepted';

  useEffect(() => {
    if (institution === null) return;
    if (institution === 'new') form.setFieldsValue({ regionCode: me.role === 'county' ? (me.regionCode ?? undefined) : undefined, level: 'county', kind: 'organ', economyStatus: 'none', demonstration: 'none', teachingPoint: false });
    else form.setFieldsValue(Object.fromEntries(FIELDS.map((f) => [f, institution[f]])) as Values);
  }, [institution, form, me]);

  const onFinish = (v: Values) => {
    if (institution === null) return;
    const body: NewInstitution = { ...v, staff: v.staff ?? null, floorAreaM2: v.floorAreaM2 ?? null, economyStatus: v.kind === 'organ' ? v.economyStatus : 'none', economyYear: v.economyStatus === 'accepted' ? (v.economyYear ?? null) : null };
    save.mutate(
      { id: institution === 'new' ? null : institution.id, body },
      {
        onSuccess: () => {
          void message.success(t('supervision.inst.saved'));
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError) form.setFields(problemToFields(e, FIELDS));
        },
      },
    );
  };
  const error = save.error instanceof ApiError ? save.error : null;
  const options = <T extends string>(codes: readonly T[], group: Parameters<typeof instKey>[0]) => codes.map((c) => ({ value: c, label: t(instKey(group, c)) }));
  return (
    <Modal
      open={institution !== null}
      width={760}
      title={institution === 'new' ? t('supervision.inst.new') : t('supervision.inst.editOf', { name: institution?.name ?? '' })}
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
      <FormProblem error={error} fields={FIELDS} />
      <Form<Values> form={form} name="inst-form" layout="vertical" onFinish={onFinish}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('supervision.inst.name')} name="name" rules={[{ required: true, whitespace: true, message: t('supervision.inst.nameRequired') }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('supervision.inst.region')} name="regionCode" rules={[{ required: true, message: t('supervision.inst.regionRequired') }]}>
              <Select showSearch optionFilterProp="label" disabled={me.role === 'county'} options={regions.map((r) => ({ value: r.code, label: r.kind === 'city' ? t('supervision.inst.cityOwn') : r.name }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('supervision.inst.level')} name="level" rules={[{ required: true }]}>
              <Select options={options(INSTITUTION_LEVELS, 'level')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('supervision.inst.kind')} name="kind" rules={[{ required: true }]}>
              <Select options={options(INSTITUTION_KINDS, 'kind')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('supervision.inst.staff')} name="staff">
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('supervision.inst.floorArea')} name="floorAreaM2">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('supervision.inst.demonstration')} name="demonstration">
              <Select options={options(DEMONSTRATION_LEVELS, 'demo')} />
            </Form.Item>
          </Col>
          {isOrgan && (
            <>
              <Col xs={12} md={6}>
                <Form.Item label={t('supervision.inst.economy')} name="economyStatus">
                  <Select options={options(ECONOMY_STATUSES, 'economy')} />
                </Form.Item>
              </Col>
              {accepted && (
                <Col xs={12} md={6}>
                  <Form.Item label={t('supervision.inst.economyYear')} name="economyYear" rules={[{ required: true }]}>
                    <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              )}
            </>
          )}
          <Col xs={24} md={12}>
            <Form.Item name="teachingPoint" valuePropName="checked" label=" ">
              <Checkbox>{t('supervision.inst.teachingPoint')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
