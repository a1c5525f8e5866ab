import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SERVICE_ATTRIBUTE_DATATYPES, ServiceAttribute, ServiceAttributeDatatype } from '../service-attribute';
import { Open311ServiceView } from '../open311.service';

export class AttributeValueDto {
  @ApiProperty({ example: 'LED' })
  @IsString()
  @Matches(/^[\w.-]{1,100}$/, { message: 'key must be 1-100 letters, digits, ".", "_" or "-"' })
  key: string;

  @ApiProperty({ example: 'LED-armatur' })
  @IsString()
  @MaxLength(200)
  name: string;
}

/** One question a service asks (GeoReport v2 "GET Service Definition", an `attribute`). */
export class ServiceAttributeDto implements ServiceAttribute {
  @ApiProperty({ example: 'STOLPE', description: 'Posted as attribute[STOLPE]' })
  @IsString()
  @Matches(/^[\w.-]{1,64}$/, { message: 'code must be 1-64 letters, digits, ".", "_" or "-"' })
  code: string;

  @ApiProperty({ description: 'false: information only, nothing to answer' })
  @IsBoolean()
  variable: boolean;

  @ApiProperty({ enum: SERVICE_ATTRIBUTE_DATATYPES })
  @IsIn(SERVICE_ATTRIBUTE_DATATYPES)
  datatype: ServiceAttributeDatatype;

  @ApiProperty()
  @IsBoolean()
  required: boolean;

  @ApiProperty({ example: 'Numret står på en skylt på stolpen, t.ex. GL-4711' })
  @IsString()
  @MaxLength(500)
  datatypeDescription: string;

  @ApiProperty({ example: 1, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(1000)
  order: number;

  @ApiProperty({ example: 'Stolpnummer' })
  @IsString()
  @MaxLength(500)
  description: string;

  @ApiProperty({ type: [AttributeValueDto], description: 'The choices of a singlevaluelist or multivaluelist' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(200)
  @Type(() => AttributeValueDto)
  values: AttributeValueDto[];
}

/** The attributes a service asks for, in place of the earlier ones. */
export class PutServiceDefinitionDto {
  @ApiProperty({ type: [ServiceAttributeDto] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(50)
  @Type(() => ServiceAttributeDto)
  attributes: ServiceAttributeDto[];
}

/** A service of the Open311 interface and the attributes it asks for. */
export class ServiceDefinitionResponse {
  @ApiProperty({ example: 'street_light', description: 'The catalog code, the Open311 service_code' })
  serviceCode: string;

  @ApiProperty({ type: [ServiceAttributeDto] })
  attributes: ServiceAttributeDto[];
}

export function toServiceDefinitionResponse(service: Open311ServiceView): ServiceDefinitionResponse {
  return { serviceCode: service.entry.code, attributes: service.attributes };
}
