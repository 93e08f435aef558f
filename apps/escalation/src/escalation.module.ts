import { Module } from '@nestjs/common';
import { EscalationService } from './escalation.service';

@Module({ providers: [EscalationService] })
export class EscalationModule {}
