/** Every error the product raises on purpose; each maps to one HTTP status in src/server/problem.ts. */
export type ErrorCode =
  | 'validation'
  | 'malformed-json'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'unauthenticated'
  | 'invalid-credentials'
  | 'too-many-attempts'
  | 'password-change-required'
  | 'password-too-weak'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'uscc-invalid'
  | 'database-busy'
  | 'internal';

/** Where bad input sits: a JSON pointer, a spreadsheet row/field, or a byte offset in a frame. */
export type ErrorWhere = { pointer?: string; sheet?: string; row?: number; field?: string; offset?: number };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Human detail, in Chinese: says what and where. */
    readonly detail: string,
    readonly where?: ErrorWhere,
    /** Extra machine-readable members of the problem (e.g. retryAfterSeconds). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail);
    this.name = 'AppError';
  }
}
