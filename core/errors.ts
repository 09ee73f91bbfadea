// The closed vocabulary of failures that crosses the wire, and the envelope around every reply.

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CONTENT_REJECTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Envelope<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };

/** Chinese text a page may show when it has nothing more specific to say. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '填写的内容有误，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '操作冲突，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  CONTENT_REJECTED: '内容包含不当信息，请修改后再提交',
  INTERNAL: '系统繁忙，请稍后再试',
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? DEFAULT_MESSAGES[code]);
  }
}

export const fail = {
  invalid: (m?: string) => new AppError('INVALID_INPUT', m),
  unauthenticated: (m?: string) => new AppError('UNAUTHENTICATED', m),
  forbidden: (m?: string) => new AppError('FORBIDDEN', m),
  notFound: (m?: string) => new AppError('NOT_FOUND', m),
  conflict: (m?: string) => new AppError('CONFLICT', m),
  rejected: (m?: string) => new AppError('CONTENT_REJECTED', m),
  internal: (m?: string) => new AppError('INTERNAL', m),
};

export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function failure(code: ErrorCode, message?: string): Envelope<never> {
  return { ok: false, code, message: message ?? DEFAULT_MESSAGES[code] };
}
