import { Inject, Injectable, Logger } from '@nestjs/common';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CatalogService } from '../catalog/catalog.service';
import { CaseRecordsService } from '../cases/case-records.service';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TriageEngine, TriageSuggestion } from './triage-engine';
import { TriageQualityReport, triageQualitySteps } from './triage-quality';
import { TriageHistoryExample } from './triage.types';

/** How long a trained engine serves before it is trained again on newer history. */
const RETRAIN_AFTER_MS = 10 * 60_000;
/** The newest cases to learn from; older habits matter less and cost memory. */
const HISTORY_LIMIT = 20_000;
/** Held-out cases measured at each training: a suggestion takes a few milliseconds. */
const MAX_HELD_OUT = 2_000;
/** Held-out cases measured between two turns of the event loop, so requests are not held up. */
const STEPS_PER_TURN = 50;

/** A suggestion with the threshold in force, so the routing job applies it by the same measure. */
export interface CalibratedTriageSuggestion extends TriageSuggestion {
  /** The confidence at or above which the type is set without a person; null: auto-triage is off. */
  autoTriageThreshold: number | null;
}

interface TrainedTriage {
  engine: TriageEngine;
  quality: TriageQualityReport;
}

/**
 * Suggests a catalog type for a case text. The engine starts from the catalog's names and
 * keywords and learns from the municipality's own history: cases whose type a person set
 * or corrected (an agent or handler triaged it, or it came from the old system by import).
 * Types the engine itself set are not learnt from, so it does not teach itself its mistakes.
 *
 * At each training the threshold for setting a type without a person is calibrated on held-out
 * history (triage-quality.ts, triage-calibration.ts): the lowest confidence that kept 95 % of the
 * automatic triages right, never below TRIAGE_MIN_CONFIDENCE. The quality report and the
 * suggestions come from the same training, so the routing job acts by the threshold it reports.
 */
@Injectable()
export class TriageService {
  private readonly logger = new Logger('Triage');
  private trained: TrainedTriage | null = null;
  private trainedAt = 0;
  private training: Promise<TrainedTriage> | null = null;

  constructor(
    private readonly cases: CaseRecordsService,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async suggest(text: string): Promise<CalibratedTriageSuggestion | null> {
    const { engine, quality } = await this.current();
    const suggestion = engine.suggest(text);
    return suggestion && { ...suggestion, autoTriageThreshold: quality.autoTriageThreshold };
  }

  /** How the engine in service did on held-out history, and the threshold it acts by. */
  async quality(): Promise<TriageQualityReport> {
    return (await this.current()).quality;
  }

  /** Forget the trained engine, e.g. after the catalog changed. */
  invalidate(): void {
    this.trained = null;
  }

  private async current(): Promise<TrainedTriage> {
    const stale = this.clock.now().getTime() - this.trainedAt > RETRAIN_AFTER_MS;
    if (this.trained && !stale) return this.trained;
    this.training ??= this.train().finally(() => (this.training = null));
    // A stale engine keeps serving while the new one trains; only the first call waits.
    return this.trained ?? this.training;
  }

  private async train(): Promise<TrainedTriage> {
    const [catalog, history] = await Promise.all([this.catalog.list(), this.history()]);
    const steps = triageQualitySteps(catalog, history, {
      maxHeldOut: MAX_HELD_OUT,
      configuredMinimum: this.config.routing.triageMinConfidence,
    });
    let quality: TriageQualityReport | undefined;
    for (let measured = 1; quality === undefined; measured += 1) {
      const step = steps.next();
      if (step.done) quality = step.value;
      else if (measured % STEPS_PER_TURN === 0) await nextTurn();
    }
    const engine = new TriageEngine(catalog, {
      // Off (null): no confidence is high enough.
      autoTriageThreshold: quality.autoTriageThreshold ?? Number.POSITIVE_INFINITY,
    });
    engine.train(history);
    this.trained = { engine, quality };
    this.trainedAt = this.clock.now().getTime();
    this.logger.log(
      {
        examples: history.length,
        historyReady: engine.historyReady,
        calibration: quality.calibration.outcome,
        autoTriageThreshold: quality.autoTriageThreshold,
      },
      'Triage engine trained',
    );
    return this.trained;
  }

  private history(): Promise<TriageHistoryExample[]> {
    return this.cases.triageHistory(HISTORY_LIMIT);
  }
}
