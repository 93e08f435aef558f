import { Module } from '@nestjs/common';
import { CorrelatorService } from './correlator.service';

@Module({ providers: [CorrelatorService] })
export class CorrelatorModule {}
