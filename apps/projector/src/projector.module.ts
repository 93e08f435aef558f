import { Module } from '@nestjs/common';
import { EscalationCommands } from './escalation-commands';
import { EscalationsController } from './escalations.controller';
import { ProjectorService } from './projector.service';

@Module({
  controllers: [EscalationsController],
  providers: [ProjectorService, EscalationCommands],
})
export class ProjectorModule {}
