import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type ErrorWhere } from '../domain/errors';
import { localeFromAcceptLanguage, translate } from '../i18n/index';

/** The HTTP status of each error code; exhaustive, so a new code without a status fails `tsc`. */
export const statusOf: Record<ErrorCode, number> = {
  validation: 400,
  'malformed-json': 400,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  unauthenticated: 401,
  'invalid-credentials': 401,
  'too-many-attempts': 429,
  'password-change-required': 403,
  'password-too-weak': 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'uscc-invalid': 400,
  'database-busy': 503,
  internal: 500,
};

export type ProblemError = ErrorWhere & { detail: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  errors?: ProblemError[];
  [extra: string]: unknown;
};

type Issue = { instancePath?: string; message?: string; params?: { issue?: { path?: PropertyKey[] } } };

/** zod issues as RFC 9457 `errors` with a JSON pointer into the request part that failed. */
function validationErrors(part: string | undefined, issues: Issue[]): ProblemError[] {
  return issues.map((i) => {
    const path = i.params?.issue?.path?.map(String) ?? (i.instancePath ?? '').split('/').filter(Boolean);
    const pointer = `#/${path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
    const field = path.join('.') || undefined;
    return { pointer: part === 'body' ? pointer : undefined, field: part === 'body' ? field : `${part}.${field ?? ''}`, detail: i.message ?? '' };
  });
}

/** Maps anything thrown in a request to its problem; unknown errors become a generic 500. */
export function toProblem(err: unknown, req: FastifyRequest): Problem {
  const locale = localeFromAcceptLanguage(req.headers['accept-language']);
  const make = (code: ErrorCode, detail: string, more: Partial<Problem> = {}): Problem => ({
    type: `/problems/${code}`,
    title: translate(locale, `problem.${code}`),
    status: statusOf[code],
    detail,
    instance: req.url,
    code,
    ...more,
  });

  if (err instanceof AppError) {
    const errors = err.where ? [{ ...err.where, detail: err.detail }] : undefined;
    return make(err.code, err.detail, { ...(errors ? { errors } : {}), ...err.extra });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = validationErrors(err.validationContext, err.validation as Issue[]);
    const first = errors[0];
    return make('validation', `${first?.field ?? ''}：${first?.detail ?? ''}`, { errors });
  }
  const fe = err as Partial<FastifyError> & { code?: string };
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return make('malformed-json', `请求体不是合法的 JSON：${fe.message ?? ''}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return make('payload-too-large', '请求体超过大小上限');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return make('unsupported-media-type', `不支持的 Content-Type：${req.headers['content-type'] ?? '（无）'}`);
  }
  // Two requests racing for the same unique row (e.g. the same report revision): the loser hears 409.
  const pgCode = (fe as { code?: string }).code ?? (fe as { cause?: { code?: string } }).cause?.code;
  if (pgCode === '23505') return make('conflict', '数据已被同时修改，请刷新后重试');
  if (fe instanceof SyntaxError || (fe.statusCode === 400 && typeof fe.message === 'string')) {
    return make('malformed-json', fe.message ?? '请求格式错误');
  }
  return make('internal', '服务器内部错误，请稍后重试；如持续出现请联系管理员并提供请求编号。', { requestId: req.id });
}

/** Sends a problem as application/problem+json; logs 5xx whole (with the request id), 4xx as warn. */
export function sendProblem(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(err, req);
  if (problem.status >= 500) req.log.error({ err }, 'request failed');
  else req.log.info({ code: problem.code, status: problem.status }, 'request rejected');
  if (problem.code === 'too-many-attempts' && typeof problem.retryAfterSeconds === 'number') {
    reply.header('retry-after', String(problem.retryAfterSeconds));
  }
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}
