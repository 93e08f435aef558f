/** An error the HTTP edge answers as `{ error: { code, message, path } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path = '',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
