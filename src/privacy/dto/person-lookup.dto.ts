import { ApiProperty, PickType } from '@nestjs/swagger';
import { IsObject, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { CitizenDto } from '../../citizens/dto/citizen.dto';

/** Who the request is about: exactly one of the three, as the person gave it (each checked as at intake). */
export class PersonLookupDto extends PickType(CitizenDto, ['personalNumber', 'email', 'phone'] as const) {}

/** The corrected details (GDPR art. 16); a detail left out stays as it is. */
export class CitizenCorrectionDto extends PickType(CitizenDto, ['name', 'email', 'phone'] as const) {}

/** A correction: who (one identifier) and what is right. */
export class CorrectionRequestDto extends PersonLookupDto {
  @ApiProperty({ type: CitizenCorrectionDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CitizenCorrectionDto)
  corrections: CitizenCorrectionDto;
}
