import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { CasePhoto } from './entities/case-photo.entity';

/** A photo on a case as a list shows it: no content. `createdAt` UTC, `byteSize` in bytes. */
export interface CasePhotoSummary {
  id: string;
  contentType: string;
  byteSize: number;
  createdAt: Date;
}

/**
 * The photos citizens sent with their cases, for staff. The caller has asked the access policy
 * whether the reader may read the case's content (CasesService.get, which also logs reads of a
 * confidential case); this service only finds the photos.
 */
@Injectable()
export class CasePhotosService {
  constructor(@InjectRepository(CasePhoto) private readonly photos: Repository<CasePhoto>) {}

  /** The case's photos, oldest first, without their content. */
  listFor(caseId: string): Promise<CasePhotoSummary[]> {
    return this.photos.find({
      select: { id: true, contentType: true, byteSize: true, createdAt: true },
      where: { caseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** One photo of the case with its content, or null when the case has no such photo. */
  async find(caseId: string, photoId: string): Promise<{ contentType: string; content: Buffer } | null> {
    const photo = await this.photos.findOneBy({ caseId, id: photoId });
    return photo ? { contentType: photo.contentType, content: Buffer.from(photo.content) } : null;
  }

  /** The photos of these cases, oldest first, without their content (a register extract). */
  async heldForCases(
    manager: EntityManager,
    caseIds: string[],
  ): Promise<Array<{ caseId: string; contentType: string; byteSize: number; createdAt: Date }>> {
    if (caseIds.length === 0) return [];
    return manager.find(CasePhoto, {
      select: { caseId: true, contentType: true, byteSize: true, createdAt: true },
      where: { caseId: In(caseIds) },
      order: { createdAt: 'ASC' },
    });
  }

  /**
   * Deletes the photos of these cases inside `manager`'s transaction (retention and erasure,
   * docs/personal-data.md: a photo may show faces, plates and homes). Answers how many went.
   */
  async deleteForCases(manager: EntityManager, caseIds: string[]): Promise<number> {
    if (caseIds.length === 0) return 0;
    const result = await manager.delete(CasePhoto, { caseId: In(caseIds) });
    return result.affected ?? 0;
  }
}
