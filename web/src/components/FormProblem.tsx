import { Alert } from 'antd';
import type { ApiError } from '../api/client';
import { problemToFields } from './form-errors';
import { problemDetail } from './problem-text';

/**
 * A form's refusal that names none of its fields (a conflict, a rule across fields), shown above the form; what
 * names a field is set on that field by the form's own error handler.
 */
export function FormProblem({ error, fields, flush = false }: { error: ApiError | null | undefined; fields: readonly string[]; flush?: boolean }) {
  if (!error || problemToFields(error, fields).length > 0) return null;
  return <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={flush ? undefined : { marginBottom: 16 }} />;
}
