import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiError } from '@qms/http';
import {
  normalizeAlertmanagerWebhook,
  normalizeNativeEvent,
  normalizePagerDutyEvent,
} from '@qms/intake';
import { IntakeService } from './intake.service';

const JSON_TYPE = /^application\/([\w.+-]*\+)?json\b/i;

/**
 * Machine intake. Every endpoint answers 202 only after the signals are
 * durable; a refusal stores nothing.
 */
@Controller()
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Post('v1/events')
  @HttpCode(202)
  async native(
    @Body() body: unknown,
    @Headers() headers: Record<string, string>,
  ) {
    const event = this.guard('events', headers, () =>
      normalizeNativeEvent(body, this.intake.context()),
    );
    await this.intake.accept([event], {
      endpoint: 'events',
      traceparent: headers.traceparent,
    });
    return { status: 'accepted', id: event.id, fingerprint: event.fingerprint };
  }

  @Post('v1/integrations/alertmanager')
  @HttpCode(202)
  alertmanager(
    @Body() body: unknown,
    @Headers() headers: Record<string, string>,
  ) {
    return this.webhook('alertmanager', body, headers);
  }

  @Post('v1/integrations/grafana')
  @HttpCode(202)
  grafana(@Body() body: unknown, @Headers() headers: Record<string, string>) {
    return this.webhook('grafana', body, headers);
  }

  @Post(['v2/enqueue', 'v1/integrations/pagerduty'])
  @HttpCode(202)
  async pagerduty(
    @Body() body: unknown,
    @Headers() headers: Record<string, string>,
  ) {
    const event = this.guard('pagerduty', headers, () =>
      normalizePagerDutyEvent(body, this.intake.context()),
    );
    await this.intake.accept([event], {
      endpoint: 'pagerduty',
      traceparent: headers.traceparent,
    });
    return {
      status: 'success',
      message: 'Event processed',
      dedup_key: event.fingerprint,
    };
  }

  private async webhook(
    source: 'alertmanager' | 'grafana',
    body: unknown,
    headers: Record<string, string>,
  ) {
    const events = this.guard(source, headers, () =>
      normalizeAlertmanagerWebhook(body, this.intake.context(source)),
    );
    await this.intake.accept(events, {
      endpoint: source,
      traceparent: headers.traceparent,
    });
    return {
      status: 'accepted',
      accepted: events.length,
      events: events.map((e) => ({
        id: e.id,
        fingerprint: e.fingerprint,
        action: e.action,
      })),
    };
  }

  /** Content type first, then the normaliser; refusals are counted. */
  private guard<T>(
    endpoint: string,
    headers: Record<string, string>,
    normalize: () => T,
  ): T {
    try {
      if (!JSON_TYPE.test(headers['content-type'] ?? '')) {
        throw new ApiError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'Content-Type must be application/json',
          '',
        );
      }
      return normalize();
    } catch (error) {
      this.intake.rejected(
        endpoint,
        (error as { code?: string }).code ?? 'UNKNOWN',
      );
      throw error;
    }
  }
}
