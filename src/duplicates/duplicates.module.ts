import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CatalogModule } from '../catalog/catalog.module';
import { DuplicatesService } from './duplicates.service';

/** Likely duplicates: a new fault report near an open one of the same type is flagged with a link to it. */
@Module({ imports: [CasesModule, CatalogModule], providers: [DuplicatesService] })
export class DuplicatesModule {}
