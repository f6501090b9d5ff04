import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Col, Divider, Form, Input, InputNumber, Modal, Row, Select, Space } from 'antd';
import { createSchemaFieldRule } from 'antd-zod';
import { useEffect } from 'react';
import { MEDIA, type Medium } from '../../../../src/domain/monitoring/model';
import { StationBody } from '../../../../src/modules/monitoring/schemas';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { HiddenLabel } from '../../components/HiddenLabel';
import { problemDetail } from '../../components/problem-text';
import type { Me } from '../auth/queries';
import { enterprisesQuery } from '../enterprises/queries';
import { localRegions, type Region } from '../org/queries';
import { problemNamePaths } from '../reduction/project-form';
import { basisKey, type Basis, type Edition, editionKey, type Encryption, encryptionKey, factorsOf, type LengthMode, lengthModeKey, mediumKey } from './labels';
import { type Station, useSaveStation } from './queries';
import { defaultSt, newStationValues, type StationFormValues, stationFormValues, toStationBody } from './station-form';

const rule = createSchemaFieldRule(StationBody);
const FORM = 'monitoring-station';
const EDITIONS: Edition[] = ['auto', '2017', '2025', '2005'];
const ENCRYPTIONS: Encryption[] = ['off', 'accept', 'require'];
const LENGTH_MODES: LengthMode[] = ['plaintext', 'transmitted', 'either'];
const BASES: Basis[] = ['measured', 'converted'];

/** The factors with their unit and limits (上限/下限 on the 实测 or 折算 value, and the standard they come from). */
function FactorRows({ medium }: { medium: Medium | undefined }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<StationFormValues>();
  const choices = factorsOf(medium).map((f) => ({ value: f.code, label: `${f.name} ${f.code}` }));
  const onCode = (index: number, code: string) => {
    const unit = factorsOf(undefined).find((f) => f.code === code)?.unit ?? '';
    form.setFieldValue(['factors', index, 'unit'], unit);
  };
  return (
    <Form.List name="factors">
      {(fields, { add, remove }) => (
        <>
          {fields.map(({ key, name }) => (
            <Row key={key} gutter={8} align="top">
              <Col span={6}>
                {/* A Select would put an aria-label on its wrapper too; a <label for> names only its input (Form.Item's id). */}
                <HiddenLabel htmlFor={`${FORM}_factors_${name}_code`}>{t('monitoring.form.factorN', { n: name + 1 })}</HiddenLabel>
                <Form.Item name={[name, 'code']} rules={[{ required: true, message: t('monitoring.form.factorRequired') }]}>
                  <Select showSearch optionFilterProp="label" options={choices} onChange={(c: string) => onCode(name, c)} placeholder={t('monitoring.form.factor')} />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item name={[name, 'unit']}>
                  <Input maxLength={20} aria-label={t('monitoring.form.unitN', { n: name + 1 })} placeholder={t('monitoring.form.unit')} />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item name={[name, 'upper']}>
                  <InputNumber style={{ width: '100%' }} aria-label={t('monitoring.form.upperN', { n: name + 1 })} placeholder={t('monitoring.form.upper')} />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item name={[name, 'lower']}>
                  <InputNumber style={{ width: '100%' }} aria-label={t('monitoring.form.lowerN', { n: name + 1 })} placeholder={t('monitoring.form.lower')} />
                </Form.Item>
              </Col>
              <Col span={3}>
                <HiddenLabel htmlFor={`${FORM}_factors_${name}_basis`}>{t('monitoring.form.basisN', { n: name + 1 })}</HiddenLabel>
                <Form.Item name={[name, 'basis']} initialValue="measured">
                  <Select options={BASES.map((b) => ({ value: b, label: t(basisKey(b)) }))} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[name, 'source']}>
                  <Input maxLength={200} aria-label={t('monitoring.form.sourceN', { n: name + 1 })} placeholder={t('monitoring.form.source')} />
                </Form.Item>
              </Col>
              <Col span={1}>
                <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(name)} aria-label={t('monitoring.form.removeFactorN', { n: name + 1 })} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ basis: 'measured' })}>
            {t('monitoring.form.addFactor')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * 新增站点 / 编辑站点: where the station is and whose, its factors and limits, and the protocol switches
 * (hj212-2025.md §6.1, §10). The PW and SM4 keys are set apart (设置密码/密钥).
 */
export function StationModal({ me, station, regions, onClose }: { me: Me; station: Station | 'new' | null; regions: readonly Region[]; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<StationFormValues>();
  const save = useSaveStation();
  const regionCode = Form.useWatch('regionCode', form);
  const medium = Form.useWatch('medium', form);
  const enterprises = useQuery({ ...enterprisesQuery({ regionCode }), enabled: station !== null && !!regionCode });

  useEffect(() => {
    if (station === null) return;
    form.setFieldsValue(station === 'new' ? newStationValues(me.role === 'county' ? me.regionCode : null) : stationFormValues(station));
  }, [station, form, me]);

  const onFinish = (v: StationFormValues) => {
    if (station === null) return;
    save.mutate(
      { id: station === 'new' ? null : station.id, body: toStationBody(v) },
      {
        onSuccess: (s) => {
          void message.success(t('monitoring.station.saved', { name: s.name }));
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError) form.setFields(problemNamePaths(e) as Parameters<typeof form.setFields>[0]);
        },
      },
    );
  };
  const error = save.error instanceof ApiError ? save.error : null;
  return (
    <Modal
      open={station !== null}
      width={1000}
      title={station === 'new' ? t('monitoring.station.new') : t('monitoring.station.editOf', { name: station?.name ?? '' })}
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
      {error && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginBottom: 16 }} />}
      <Form<StationFormValues> form={form} name={FORM} layout="vertical" onFinish={onFinish} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t('monitoring.station.mn')} name="mn" rules={[rule]} tooltip={t('monitoring.form.mnHelp')}>
              <Input maxLength={24} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label={t('monitoring.station.name')} name="name" rules={[rule]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('monitoring.region')} name="regionCode" rules={[{ required: true, message: t('monitoring.form.regionRequired') }]}>
              <Select showSearch optionFilterProp="label" disabled={me.role === 'county'} options={localRegions(regions).map((r) => ({ value: r.code, label: r.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('monitoring.station.enterprise')} name="enterpriseId">
              <Select allowClear showSearch optionFilterProp="label" loading={enterprises.isFetching} options={(enterprises.data ?? []).map((e) => ({ value: e.id, label: e.name }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={t('monitoring.station.medium')} name="medium" rules={[rule]}>
              <Select onChange={(m: Medium) => form.setFieldValue('st', defaultSt(m))} options={MEDIA.map((m) => ({ value: m, label: t(mediumKey(m)) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={t('monitoring.station.st')} name="st" rules={[rule]} tooltip={t('monitoring.form.stHelp')}>
              <Input maxLength={2} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={t('monitoring.station.outlet')} name="outlet" rules={[rule]}>
              <Input maxLength={50} placeholder={medium === 'air' ? 'DA001' : 'DW001'} />
            </Form.Item>
          </Col>
          <Col xs={12} md={2}>
            <Form.Item label={t('monitoring.station.longitude')} name="longitude">
              <InputNumber min={-180} max={180} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={2}>
            <Form.Item label={t('monitoring.station.latitude')} name="latitude">
              <InputNumber min={-90} max={90} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Divider orientation="left" plain>
          {t('monitoring.form.section.factors')}
        </Divider>
        <FactorRows medium={medium} />
        <Divider orientation="left" plain>
          {t('monitoring.form.section.protocol')}
        </Divider>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item label={t('monitoring.station.edition')} name="edition">
              <Select options={EDITIONS.map((e) => ({ value: e, label: t(editionKey(e)) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('monitoring.station.encryption')} name="encryption">
              <Select options={ENCRYPTIONS.map((e) => ({ value: e, label: t(encryptionKey(e)) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('monitoring.station.lengthMode')} name="lengthMode" tooltip={t('monitoring.form.lengthModeHelp')}>
              <Select options={LENGTH_MODES.map((m) => ({ value: m, label: t(lengthModeKey(m)) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('monitoring.station.maxConnections')} name="maxConnections" rules={[rule]}>
              <InputNumber min={1} max={8} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('monitoring.station.rtdInterval')} name="rtdIntervalS" rules={[rule]}>
              <InputNumber min={30} max={3600} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('monitoring.station.minInterval')} name="minIntervalMin" rules={[rule]}>
              <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {medium === 'air' && (
            <Col xs={12} md={6}>
              <Form.Item label={t('monitoring.station.o2Reference')} name="o2Reference" rules={[rule]} tooltip={t('monitoring.form.o2Help')}>
                <InputNumber min={0} max={20.9} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={6}>
            <Space direction="vertical" size={0} style={{ marginTop: 30 }}>
              <Form.Item name="bareLf" valuePropName="checked" noStyle>
                <Checkbox>{t('monitoring.station.bareLf')}</Checkbox>
              </Form.Item>
              <Form.Item name="active" valuePropName="checked" noStyle>
                <Checkbox>{t('monitoring.station.active')}</Checkbox>
              </Form.Item>
            </Space>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
