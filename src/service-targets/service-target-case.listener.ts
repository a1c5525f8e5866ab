import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseChange, CaseHooks, CaseListener } from '../cases/case-hooks';
import { Case } from '../cases/entities/case.entity';
import { CaseTargetPlanner } from './case-target-planner.service';

/** Hears every case created or changed, in the case's own transaction, and keeps its service-target plan. */
@Injectable()
export class ServiceTargetCaseListener implements CaseListener, OnModuleInit {
  constructor(
    private readonly hooks: CaseHooks,
    private readonly planner: CaseTargetPlanner,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  caseCreated(manager: EntityManager, created: Case): Promise<void> {
    return this.planner.caseCreated(manager, created);
  }

  caseChanged(manager: EntityManager, changed: Case, change: CaseChange): Promise<void> {
    return this.planner.caseChanged(manager, changed, change);
  }
}
