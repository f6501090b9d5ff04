import { translate } from '../../../src/i18n/index';
import type { ApiError } from '../api/client';
import { isMessageKey } from '../app/i18n-context';

/**
 * A problem's detail worth showing under its (localised) title: the server writes details in Chinese,
 * so one that only repeats the Chinese title adds nothing, in either language.
 */
export function problemDetail(error: ApiError): string | undefined {
  const key = `problem.${error.code}`;
  const zhTitle = isMessageKey(key) ? translate('zh-CN', key) : undefined;
  if (!error.detail || error.detail === error.title || error.detail === zhTitle) return undefined;
  return error.detail;
}
