import type { CaseKind, Priority } from '../catalog/catalog.types';

/**
 * The part of a service-catalog entry the triage engine needs. Structurally compatible with the
 * catalog API view, so callers can pass catalog views straight in without mapping.
 */
export interface TriageCatalogEntry {
  code: string;
  name: { sv: string; en: string; da?: string };
  kind: CaseKind;
  departmentCode: string;
  priority: Priority;
  keywords: string[];
}

/** A past case whose type a person set or corrected; the ground truth the classifier learns from. */
export interface TriageHistoryExample {
  text: string;
  catalogCode: string;
  /** Optional stable id (e.g. case id); when present the quality split hashes it. */
  id?: string;
}

/** One ranked candidate type for a text. */
export interface TriageCandidate {
  catalogCode: string;
  /** 0..1; see the producing component for what it means. */
  confidence: number;
}
