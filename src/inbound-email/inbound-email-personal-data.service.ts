import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { InboundEmail } from './entities/inbound-email.entity';

/**
 * The personal data the e-mail inbox keeps: the raw messages (sender, text, attachments). They go
 * when the case they were filed on is anonymised (retention, erasure: privacy/retention.service.ts).
 */
@Injectable()
export class InboundEmailPersonalData {
  /** The messages filed on these cases, oldest first, without their content (a register extract). */
  async heldForCases(
    manager: EntityManager,
    caseIds: string[],
  ): Promise<Array<{ caseId: string; receivedAt: Date; byteSize: number }>> {
    if (caseIds.length === 0) return [];
    const rows = await manager.find(InboundEmail, {
      select: { caseId: true, receivedAt: true, byteSize: true },
      where: { caseId: In(caseIds) },
      order: { receivedAt: 'ASC' },
    });
    return rows.map((row) => ({ caseId: row.caseId as string, receivedAt: row.receivedAt, byteSize: row.byteSize }));
  }

  /** Deletes the messages filed on these cases, inside `manager`'s transaction; answers how many. */
  async deleteForCases(manager: EntityManager, caseIds: string[]): Promise<number> {
    if (caseIds.length === 0) return 0;
    const result = await manager.delete(InboundEmail, { caseId: In(caseIds) });
    return result.affected ?? 0;
  }
}
