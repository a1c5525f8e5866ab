import { ApiProperty } from '@nestjs/swagger';
import { CASE_KINDS, PRIORITIES } from '../../catalog/catalog.types';
import { CHANNELS } from '../../contacts/contact.types';
import { ApplicableTargets } from '../service-target-policies.service';
import { SelectedTarget } from '../service-target.types';
import { TargetTimeResponse } from './target-time.response';

class TargetSubjectResponse {
  @ApiProperty({ type: String, nullable: true, example: 'street_light' })
  catalogCode: string | null;

  @ApiProperty({
    type: String,
    enum: CASE_KINDS,
    nullable: true,
    description: "The catalog type's kind, when one is given",
  })
  kind: string | null;

  @ApiProperty({ enum: PRIORITIES })
  priority: string;

  @ApiProperty({ enum: CHANNELS })
  channel: string;
}

class SelectedTargetResponse extends TargetTimeResponse {
  @ApiProperty({ format: 'uuid', description: 'The policy the target comes from' })
  policyId: string;
}

const SELECTED = { type: SelectedTargetResponse, nullable: true, description: 'null: no policy sets one' } as const;

class SelectedTargetsResponse {
  @ApiProperty(SELECTED)
  first_response: SelectedTargetResponse | null;

  @ApiProperty(SELECTED)
  resolution: SelectedTargetResponse | null;

  @ApiProperty(SELECTED)
  callback: SelectedTargetResponse | null;
}

/** The facts matched against the policies, and the target each measure gets, with its policy. */
export class ApplicableTargetsResponse {
  @ApiProperty({ type: TargetSubjectResponse })
  subject: TargetSubjectResponse;

  @ApiProperty({ type: SelectedTargetsResponse })
  targets: SelectedTargetsResponse;
}

export function toApplicableTargetsResponse(applicable: ApplicableTargets): ApplicableTargetsResponse {
  const { subject, targets } = applicable;
  const selected = (target: SelectedTarget | null) =>
    target && { value: target.value, unit: target.unit, policyId: target.policyId };
  return {
    subject: {
      catalogCode: subject.catalogCode,
      kind: subject.kind,
      priority: subject.priority,
      channel: subject.channel,
    },
    targets: {
      first_response: selected(targets.first_response),
      resolution: selected(targets.resolution),
      callback: selected(targets.callback),
    },
  };
}
