import { Injectable, Logger } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { CaseRecordsService } from '../cases/case-records.service';
import { Clock } from '../common/clock';
import { TriageEngine, TriageSuggestion } from './triage-engine';
import { evaluateTriageQuality, TriageQualityReport } from './triage-quality';
import { TriageHistoryExample } from './triage.types';

/** How long a trained engine serves before it is trained again on newer history. */
const RETRAIN_AFTER_MS = 10 * 60_000;
/** The newest cases to learn from; older habits matter less and cost memory. */
const HISTORY_LIMIT = 20_000;

/**
 * Suggests a catalog type for a case text. The engine starts from the catalog's names and
 * keywords and learns from the municipality's own history: cases whose type a person set
 * or corrected (an agent or handler triaged it, or it came from the old system by import).
 * Types the engine itself set are not learnt from, so it does not teach itself its mistakes.
 */
@Injectable()
export class TriageService {
  private readonly logger = new Logger('Triage');
  private engine: TriageEngine | null = null;
  private trainedAt = 0;
  private training: Promise<TriageEngine> | null = null;

  constructor(
    private readonly cases: CaseRecordsService,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
  ) {}

  async suggest(text: string): Promise<TriageSuggestion | null> {
    return (await this.currentEngine()).suggest(text);
  }

  async quality(): Promise<TriageQualityReport> {
    const [catalog, history] = await Promise.all([this.catalog.list(), this.history()]);
    return evaluateTriageQuality(catalog, history);
  }

  /** Forget the trained engine, e.g. after the catalog changed. */
  invalidate(): void {
    this.engine = null;
  }

  private async currentEngine(): Promise<TriageEngine> {
    const stale = this.clock.now().getTime() - this.trainedAt > RETRAIN_AFTER_MS;
    if (this.engine && !stale) return this.engine;
    this.training ??= this.train().finally(() => (this.training = null));
    // A stale engine keeps serving while the new one trains; only the first call waits.
    return this.engine ?? this.training;
  }

  private async train(): Promise<TriageEngine> {
    const [catalog, history] = await Promise.all([this.catalog.list(), this.history()]);
    const engine = new TriageEngine(catalog);
    engine.train(history);
    this.engine = engine;
    this.trainedAt = this.clock.now().getTime();
    this.logger.log({ examples: history.length, historyReady: engine.historyReady }, 'Triage engine trained');
    return engine;
  }

  private history(): Promise<TriageHistoryExample[]> {
    return this.cases.triageHistory(HISTORY_LIMIT);
  }
}
