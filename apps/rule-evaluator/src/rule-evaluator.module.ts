import { Module } from '@nestjs/common';
import { RuleEvaluatorService } from './rule-evaluator.service';

@Module({ providers: [RuleEvaluatorService] })
export class RuleEvaluatorModule {}
