import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
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

  /**
   * The registrations of a person found by one of what they may give: a personal identity number
   * (by its keyed hash, the number itself is never compared), an e-mail address (any case) or a
   * phone number (its digits alone, so `070-123 45 67` finds `0701234567`). At most `limit` ids;
   * an invalid personal identity number finds nobody. Who may look people up is the access
   * policy's to say (AccessPolicy.mayFindCitizens); the caller asks it first.
   */
  async findIds(by: { personalNumber?: string; email?: string; phone?: string }, limit = 200): Promise<string[]> {
    const builder = this.dataSource.manager.createQueryBuilder(Citizen, 'citizen').select('citizen.id', 'id');
    if (by.personalNumber !== undefined) {
      const parsed = parsePersonalNumber(by.personalNumber);
      if (!parsed.valid) return [];
      builder.where('citizen.personalNumberHash = :hash', { hash: this.vault.hash(parsed.normalized) });
    } else if (by.email !== undefined) {
      builder.where('LOWER(citizen.email) = LOWER(:email)', { email: by.email.trim() });
    } else if (by.phone !== undefined) {
      const digits = by.phone.replace(/\D/g, '');
      if (digits.length < 5) return [];
      const stored = ["' '", "'-'", "'('", "')'", "'+'"].reduce(
        (expression, character) => `REPLACE(${expression}, ${character}, '')`,
        'citizen.phone',
      );
      builder.where(`${stored} = :digits`, { digits });
    } else {
      return [];
    }
    const rows = await builder.limit(limit).getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /**
   * Deletes these citizen records inside the caller's transaction (retention, erasure); the caller
   * has made sure nothing kept still refers to them, and has kept their gender where statistics
   * count it. Answers how many were deleted.
   */
  async erase(manager: EntityManager, ids: string[]): Promise<number> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return 0;
    const result = await manager.delete(Citizen, { id: In(unique) });
    return result.affected ?? unique.length;
  }

  /**
   * Corrects the name, e-mail address and phone number of these citizen records (GDPR art. 16)
   * inside the caller's transaction; a field absent is left as it is. Messages
   * about the person's open cases go to the corrected address from now on. Answers how many
   * records changed.
   */
  async correct(
    manager: EntityManager,
    ids: string[],
    fields: Partial<Pick<CitizenView, 'name' | 'email' | 'phone'>>,
  ): Promise<number> {
    if (ids.length === 0 || Object.keys(fields).length === 0) return 0;
    const result = await manager.update(Citizen, { id: In(ids) }, fields);
    return result.affected ?? ids.length;
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
