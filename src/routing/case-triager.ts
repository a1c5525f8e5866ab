import { Priority } from '../catalog/catalog.types';

/** What a triager proposes for a case's text. */
export interface TriageSuggestion {
  catalogCode: string;
  /** 0..1; below the threshold (autoTriageThreshold, never below TRIAGE_MIN_CONFIDENCE) an agent triages by hand. */
  confidence: number;
  /** A priority the text itself calls for ("water pouring into the cellar"), if the triager sees one. */
  priority?: Priority;
  /** Which triager said so; kept on the timeline. */
  source?: string;
  /**
   * The confidence this triager itself requires before its suggestion is applied without a person
   * (the triage engine's, calibrated on held-out history); null: it wants none applied. The routing
   * job never goes below TRIAGE_MIN_CONFIDENCE, whatever the triager says.
   */
  autoTriageThreshold?: number | null;
}

/**
 * The seam between routing and text classification. Routing asks it about every case that
 * arrives without a catalog type. The triage area fills it with its classifier
 * (TriageService); tests put a triager of their own in its place.
 */
export abstract class CaseTriager {
  abstract suggest(text: string): Promise<TriageSuggestion | null>;
}
