import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { newId } from '../common/ids';
import { CitizenDto } from './dto/citizen.dto';
import { MessageLanguage } from './citizen.types';
import { Citizen } from './entities/citizen.entity';
import { parsePersonalNumber } from './personal-number';
import { PersonalNumberVault } from './personal-number-vault';

/** What staff see of a citizen in lists and case views: never the identity number itself. */
export interface CitizenView {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  gender: string | null;
  /** The language for messages; null: not known (Swedish). */
  language: MessageLanguage | null;
  hasPersonalNumber: boolean;
}

@Injectable()
export class CitizensService {
  private readonly vault: PersonalNumberVault;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.vault = new PersonalNumberVault(config.personalDataKey);
  }

  /**
   * Records the citizen of a contact or case inside the caller's transaction, with the details
   * they gave this time. Each registration is a row of its own: a known identity number is
   * stored (as its keyed hash) so that the same person can be found again by those allowed to,
   * but it never looks up, returns or overwrites what another registration holds. Registering a
   * case with someone's number reveals nothing about them, and details given now never replace
   * the ones messages about earlier cases go to. Null when nothing was given.
   */
  async register(manager: EntityManager, input: CitizenDto): Promise<Citizen | null> {
    const hasAnything =
      input.name || input.email || input.phone || input.personalNumber || input.gender || input.language;
    if (!hasAnything) return null;
    const parsed = input.personalNumber ? parsePersonalNumber(input.personalNumber) : null;
    const normalized = parsed?.valid ? parsed.normalized : null;
    return manager.save(
      manager.create(Citizen, {
        id: newId(),
        name: input.name ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        gender: input.gender ?? null,
        language: input.language ?? null,
        personalNumberHash: normalized ? this.vault.hash(normalized) : null,
        personalNumberEncrypted: normalized ? this.vault.encrypt(normalized) : null,
      }),
    );
  }

  /** The citizen as staff see them, or null; inside `manager`'s transaction when given. */
  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<CitizenView | null> {
    return (await this.views(manager, [id])).get(id) ?? null;
  }

  async views(manager: EntityManager, ids: string[]): Promise<Map<string, CitizenView>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await manager
      .createQueryBuilder(Citizen, 'citizen')
      .addSelect('citizen.personalNumberHash')
      .whereInIds(unique)
      .getMany();
    return new Map(
      rows.map((c) => [
        c.id,
        {
          id: c.id,
          name: c.name,
          email: c.email,
          phone: c.phone,
          gender: c.gender,
          language: c.language,
          hasPersonalNumber: c.personalNumberHash !== null,
        },
      ]),
    );
  }
}
