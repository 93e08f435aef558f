import { Module } from '@nestjs/common';
import { IntakeController } from './intake.controller';
import { IngestTopicConsumer } from './ingest-topic.consumer';
import { IntakeService } from './intake.service';

@Module({
  controllers: [IntakeController],
  providers: [IntakeService, IngestTopicConsumer],
})
export class IngestorModule {}
