// InfluxDB's error codes and the HTTP status each one maps to (docs/influxdb-behaviour.md, Errors and status codes).
const statusByCode = {
  invalid: 400,
  'empty value': 400,
  unauthorized: 401,
  forbidden: 403,
  'not found': 404,
  'method not allowed': 405,
  'request too large': 413,
  'unsupported media type': 415,
  conflict: 422,
  'unprocessable entity': 422,
  'too many requests': 429,
  'internal error': 500,
  'not implemented': 501,
  unavailable: 503,
} as const

export type ErrorCode = keyof typeof statusByCode

/** An error that becomes an InfluxDB-style `{code, message}` response. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly status: number

  constructor(code: ErrorCode, message: string, status?: number) {
    super(message)
    this.code = code
    this.status = status ?? statusByCode[code]
  }
}

export const invalid = (message: string) => new ApiError('invalid', message)
export const unauthorized = (message = 'unauthorized access') => new ApiError('unauthorized', message)
export const forbidden = (message: string) => new ApiError('forbidden', message)
export const notFound = (message: string) => new ApiError('not found', message)
export const conflict = (message: string) => new ApiError('conflict', message)
export const unprocessable = (message: string) => new ApiError('unprocessable entity', message)

/** The body and headers of an error response. */
export function errorResponse(error: ApiError, extraHeaders?: Record<string, string>): Response {
  return new Response(JSON.stringify({ code: error.code, message: error.message }), {
    status: error.status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'X-Platform-Error-Code': error.code,
      ...extraHeaders,
    },
  })
}
