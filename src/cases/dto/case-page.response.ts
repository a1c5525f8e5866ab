import { PageResponse } from '../../common/page.response';
import { CaseResponse } from './case.response';
import { RedactedCaseResponse } from './redacted-case.response';

/** A page of cases; a confidential case of another department comes redacted. */
export class CasePageResponse extends PageResponse<CaseResponse | RedactedCaseResponse>(
  CaseResponse,
  RedactedCaseResponse,
) {}
