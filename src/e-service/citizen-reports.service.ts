import { Inject, Injectable } from '@nestjs/common';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import { CreateCaseDto } from '../cases/dto/create-case.dto';
import { CatalogEntryView } from '../catalog/catalog-entry.view';
import { CatalogService } from '../catalog/catalog.service';
import { CaseKind } from '../catalog/catalog.types';
import { Clock } from '../common/clock';
import { InvalidInputError } from '../common/domain-errors';
import { newId } from '../common/ids';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CasePhoto } from './entities/case-photo.entity';
import { photoTypeOf, UnreadablePhotoError, withoutMetadata } from '../common/photo-metadata';
import { TrackingKeys } from './tracking-keys';

/** The kinds of case a citizen reports themselves: a fault, a complaint, a question, feedback. */
export const PUBLIC_CASE_KINDS: readonly CaseKind[] = ['fault_report', 'complaint', 'question', 'feedback'];

/** How many photos a report may carry, and how large each may be (bytes, as sent). */
export const PHOTO_LIMITS = { count: 3, bytesEach: 5 * 1024 * 1024 } as const;

/** A photo as the form's upload brought it: its file name (for messages only) and its bytes. */
export interface IncomingPhoto {
  originalname: string;
  buffer: Buffer;
}

/** What a citizen is told once their report is stored: its reference and the key to follow it. */
export interface AcceptedReport {
  reference: string;
  trackingKey: string;
}

/**
 * Reports citizens send through the e-service form. A report becomes a case through the same
 * intake as one an agent registers (CaseWorkflowService.register: triage, likely duplicates,
 * routing, service targets, the receipt, all through the outbox), with the channel `web` and no
 * staff author; its photos, stripped of their metadata, are stored in the same transaction.
 */
@Injectable()
export class CitizenReportsService {
  private readonly trackingKeys: TrackingKeys;

  constructor(
    private readonly workflow: CaseWorkflowService,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.trackingKeys = new TrackingKeys(config.personalDataKey);
  }

  /**
   * The catalog's public entries, the types a citizen may choose: active, not confidential (a
   * confidential matter is left to triage, which keeps it inside its department), and of a
   * public kind (PUBLIC_CASE_KINDS). In catalog order.
   */
  async publicCaseTypes(): Promise<CatalogEntryView[]> {
    return (await this.catalog.list()).filter(
      (entry) => entry.active && !entry.confidential && PUBLIC_CASE_KINDS.includes(entry.kind),
    );
  }

  /**
   * Stores a citizen's report as a case, with its photos, and answers its reference number and
   * tracking key. `input` has been checked as the API checks a case (CreateCaseDto); of it only
   * the description, type, citizen and place are taken, and the channel is `web`.
   *
   * @throws InvalidInputError naming `catalogCode` for a type that is not public, `photos` for
   *   too many photos or one that is not a whole JPEG or PNG image; nothing is stored then.
   */
  async report(input: CreateCaseDto, photos: IncomingPhoto[]): Promise<AcceptedReport> {
    const problems: string[] = [];
    if (input.catalogCode && !(await this.publicCaseTypes()).some((entry) => entry.code === input.catalogCode))
      problems.push(`catalogCode: "${input.catalogCode}" is not a type citizens may choose`);
    if (photos.length > PHOTO_LIMITS.count) problems.push(`photos: at most ${PHOTO_LIMITS.count} photos`);
    const cleaned = photos.slice(0, PHOTO_LIMITS.count).map((photo) => {
      try {
        const content = withoutMetadata(photo.buffer);
        return { content, contentType: photoTypeOf(content) as string };
      } catch (error: unknown) {
        if (!(error instanceof UnreadablePhotoError)) throw error;
        problems.push(`photos: "${photo.originalname}" is not a JPEG or PNG image`);
        return null;
      }
    });
    if (problems.length) throw new InvalidInputError(problems);
    const now = this.clock.now();
    const created = await this.workflow.register(
      null,
      // A citizen says what happened and where; priority, confidentiality and the rest are triage's.
      {
        description: input.description,
        catalogCode: input.catalogCode,
        citizen: input.citizen,
        location: input.location,
        channel: 'web',
      },
      async (manager, caseId) => {
        for (const photo of cleaned) {
          if (!photo) continue;
          await manager.insert(CasePhoto, {
            id: newId(),
            caseId,
            contentType: photo.contentType,
            byteSize: photo.content.length,
            content: photo.content,
            createdAt: now,
          });
        }
      },
    );
    return { reference: created.reference, trackingKey: this.trackingKeys.keyFor(created.id) };
  }
}
