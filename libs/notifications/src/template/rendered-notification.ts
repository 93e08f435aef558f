/** A notification ready for any channel: plain text, never HTML-escaped. */
export interface RenderedNotification {
  subject: string;
  summary: string;
  body: string;
  /** Present when the named template could not be used. */
  fallback?: { code: TemplateFallbackCode; reason: string };
}

export type TemplateFallbackCode =
  'TEMPLATE_NOT_FOUND' | 'TEMPLATE_RENDER_FAILED';
