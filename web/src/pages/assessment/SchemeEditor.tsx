import { Alert, App, Form, Input, List, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { AssessmentScheme } from '../../../../src/domain/assessment/model';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { pointerToPath } from '../../components/form-errors';
import { problemDetail } from '../../components/problem-text';
import { type Scheme, useSaveScheme } from './queries';

type FieldError = { path: string; message: string };

/** `items.2.maxPoints` for a zod path or a JSON pointer under /scheme. */
const pathText = (path: ReadonlyArray<PropertyKey>) => path.map(String).join('.') || '—';

/**
 * The scheme as JSON (items, points, thresholds, vetoes, grades) saved as a new version, with the basis of the
 * revision. The checks of the contract run here first; what the server still refuses is listed by field.
 */
export function SchemeEditor({ scheme, onClose }: { scheme: Scheme | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const save = useSaveScheme();
  const [text, setText] = useState('');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [other, setOther] = useState<ApiError | null>(null);
  useEffect(() => {
    if (!scheme) return;
    setText(JSON.stringify(scheme.scheme, null, 2));
    setSource('');
    setErrors([]);
    setOther(null);
  }, [scheme]);

  const submit = () => {
    setOther(null);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      setErrors([{ path: 'JSON', message: t('assessment.schemes.badJson', { reason: e instanceof Error ? e.message : String(e) }) }]);
      return;
    }
    const local = AssessmentScheme.safeParse(json);
    const found: FieldError[] = local.success ? [] : local.error.issues.map((i) => ({ path: pathText(i.path), message: i.message }));
    if (!source.trim()) found.push({ path: 'source', message: t('assessment.schemes.sourceRequired') });
    setErrors(found);
    if (found.length || !local.success) return;
    save.mutate(
      { id: null, body: { scheme: local.data, source: source.trim() } },
      {
        onSuccess: (s) => {
          void message.success(t('assessment.schemes.saved', { name: s.name, version: s.version }));
          onClose();
        },
        onError: (e) => {
          if (!(e instanceof ApiError)) return;
          const fields = e.errors.map((f) => ({ path: pathText(f.pointer ? pointerToPath(f.pointer).filter((p, i) => !(i === 0 && p === 'scheme')) : [f.field ?? '']), message: f.detail }));
          setErrors(fields);
          if (!fields.length) setOther(e);
        },
      },
    );
  };

  const schemeErrors = errors.filter((e) => e.path !== 'source');
  const sourceError = errors.find((e) => e.path === 'source');
  return (
    <Modal
      open={scheme !== null}
      width={860}
      title={scheme ? t('assessment.schemes.editOf', { name: scheme.name, version: scheme.version }) : ''}
      okText={t('assessment.schemes.edit')}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item
          label={t('assessment.schemes.json')}
          htmlFor="assessment-scheme-json"
          validateStatus={schemeErrors.length ? 'error' : undefined}
          help={
            schemeErrors.length ? (
              <div role="alert">
                <List size="small" dataSource={schemeErrors} renderItem={(e) => <List.Item style={{ padding: '2px 0' }}><Typography.Text code>{e.path}</Typography.Text> {e.message}</List.Item>} />
              </div>
            ) : undefined
          }
        >
          <Input.TextArea id="assessment-scheme-json" value={text} onChange={(e) => setText(e.target.value)} rows={18} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 12 }} />
        </Form.Item>
        <Form.Item label={t('assessment.schemes.source')} htmlFor="assessment-scheme-source" validateStatus={sourceError ? 'error' : undefined} help={sourceError?.message}>
          <Input.TextArea id="assessment-scheme-source" value={source} onChange={(e) => setSource(e.target.value)} rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {other && <Alert type="error" showIcon role="alert" message={other.title || t('assessment.schemes.errors')} description={problemDetail(other)} />}
    </Modal>
  );
}
