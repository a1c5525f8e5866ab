import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { newId } from '../common/ids';
import { CitizenDto } from './dto/citizen.dto';
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
   * Records the citizen of a contact or case inside the caller's transaction. A known
   * identity number finds the same person again, and fills in what they told us now.
   */
  async register(manager: EntityManager, input: CitizenDto): Promise<Citizen | null> {
    const hasAnything = input.name || input.email || input.phone || input.personalNumber || input.gender;
    if (!hasAnything) return null;

    const parsed = input.personalNumber ? parsePersonalNumber(input.personalNumber) : null;
    const normalized = parsed?.valid ? parsed.normalized : null;
    const hash = normalized ? this.vault.hash(normalized) : null;

    if (hash) {
      const known = await manager.findOneBy(Citizen, { personalNumberHash: hash });
      if (known) {
        Object.assign(known, {
          name: input.name ?? known.name,
          email: input.email ?? known.email,
          phone: input.phone ?? known.phone,
          gender: input.gender ?? known.gender,
        });
        return manager.save(known);
      }
    }
    return manager.save(
      manager.create(Citizen, {
        id: newId(),
        name: input.name ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        gender: input.gender ?? null,
        personalNumberHash: hash,
        personalNumberEncrypted: normalized ? this.vault.encrypt(normalized) : null,
      }),
    );
  }

  /** Finds the citizen with this identity number, for "what did they ask before". */
  async findByPersonalNumber(manager: EntityManager, personalNumber: string): Promise<Citizen | null> {
    const parsed = parsePersonalNumber(personalNumber);
    if (!parsed.valid) return null;
    return manager.findOneBy(Citizen, { personalNumberHash: this.vault.hash(parsed.normalized) });
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
          hasPersonalNumber: c.personalNumberHash !== null,
        },
      ]),
    );
  }
}
