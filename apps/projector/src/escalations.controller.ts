import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiError } from '@qms/http';
import {
  DOCUMENT_STORE,
  type DocumentFilter,
  type DocumentStore,
} from '@qms/ports';
import type { FastifyReply } from 'fastify';
import {
  ESCALATIONS,
  SIGNALS,
  type EscalationDocument,
} from './escalation-document';
import { parseEscalationQuery, parsePage } from './escalation-query';
import { EscalationCommands, type Action } from './escalation-commands';
import type { SignalDocument } from './signal-document';

/** The API for people and the dashboard: reads, and lifecycle commands. */
@Controller('v1')
export class EscalationsController {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    private readonly commands: EscalationCommands,
  ) {}

  @Get('escalations')
  async list(@Query() query: Record<string, string>) {
    const { filter, limit, offset } = parseEscalationQuery(query);
    const collection = this.docs.collection<EscalationDocument>(ESCALATIONS);
    const [items, total] = await Promise.all([
      collection.find(filter, { sort: '-raisedAt', limit, skip: offset }),
      collection.count(filter),
    ]);
    return {
      items: items.map(({ timeline: _t, ...rest }) => rest),
      total,
      limit,
      offset,
    };
  }

  @Get('escalations/:id')
  get(@Param('id') id: string) {
    return this.commands.load(id);
  }

  @Post('escalations/:id/:action(acknowledge|resolve|close)')
  @HttpCode(200)
  async act(
    @Param('id') id: string,
    @Param('action') action: Action,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('traceparent') traceparent?: string,
  ) {
    const result = await this.commands.send(id, action, body, traceparent);
    if (!result.applied) reply.status(202);
    return result.doc;
  }

  @Get('signals')
  async signals(@Query() query: Record<string, string>) {
    const { limit, offset } = parsePage(query);
    const filter: DocumentFilter = query.fingerprint
      ? { fingerprint: query.fingerprint }
      : {};
    const items = await this.docs
      .collection<SignalDocument>(SIGNALS)
      .find(filter, { sort: '-acceptedAt', limit, skip: offset });
    return { items, limit, offset };
  }

  @Get('signals/:id')
  async signal(@Param('id') id: string) {
    const doc = await this.docs.collection<SignalDocument>(SIGNALS).get(id);
    if (!doc)
      throw new ApiError(404, 'SIGNAL_NOT_FOUND', `no signal ${id}`, '/id');
    return doc;
  }
}
