import { ApiProperty } from '@nestjs/swagger';
import { PRIORITIES } from '../../catalog/catalog.types';
import { TriageSuggestion } from '../triage-engine';

const CONFIDENCE = { minimum: 0, maximum: 1, description: '0..1, four decimals', example: 0.8731 } as const;

class TriageCandidateResponse {
  @ApiProperty({ example: 'pothole' })
  catalogCode: string;

  @ApiProperty(CONFIDENCE)
  confidence: number;
}

/** The catalog type a text looks like, how sure that is, and the runners-up. */
export class TriageSuggestionResponse {
  @ApiProperty({ example: 'street_light' })
  catalogCode: string;

  @ApiProperty(CONFIDENCE)
  confidence: number;

  @ApiProperty({
    enum: ['keywords', 'history', 'combined'],
    description: "What the suggestion rests on: the catalog's keywords, the municipality's history, or both",
  })
  source: string;

  @ApiProperty({
    description: "Confidence minus the runner-up's: a small margin means the text fits two types",
    example: 0.61,
  })
  margin: number;

  @ApiProperty({ description: 'Confident enough to set the type without asking a person' })
  autoTriage: boolean;

  @ApiProperty({ enum: PRIORITIES, description: "The type's priority, raised by the text priority rules" })
  priority: string;

  @ApiProperty({ type: [String], description: 'The priority rules the text matched', example: [] })
  matchedPriorityRules: string[];

  @ApiProperty({ type: [String], description: 'Catalog keywords and names that matched', example: ['gatlampa'] })
  matchedKeywords: string[];

  @ApiProperty({ type: [TriageCandidateResponse], description: 'Other types, most likely first (at most 3)' })
  alternatives: TriageCandidateResponse[];
}

export function toTriageSuggestionResponse(suggestion: TriageSuggestion): TriageSuggestionResponse {
  return {
    catalogCode: suggestion.catalogCode,
    confidence: suggestion.confidence,
    source: suggestion.source,
    margin: suggestion.margin,
    autoTriage: suggestion.autoTriage,
    priority: suggestion.priority,
    matchedPriorityRules: suggestion.matchedPriorityRules,
    matchedKeywords: suggestion.matchedKeywords,
    alternatives: suggestion.alternatives.map((candidate) => ({
      catalogCode: candidate.catalogCode,
      confidence: candidate.confidence,
    })),
  };
}
