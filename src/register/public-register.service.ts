import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { CatalogService } from '../catalog/catalog.service';
import { InvalidInputError } from '../common/domain-errors';
import { OrganisationService } from '../organisation/organisation.service';
import { REGISTER_PAGE_SIZE_DEFAULT, RegisterLanguage, RegisterQuery } from './dto/register-query.dto';
import { RegisterItemResponse, RegisterPageResponse } from './dto/register-page.response';
import { RegisterEntry } from './entities/register-entry.entity';

/** The word a confidential case shows instead of its type and summary (sekretess; tavshedspligt). */
export const CONFIDENTIAL_WORD: Record<RegisterLanguage, string> = {
  sv: 'Sekretess',
  en: 'Confidential',
  da: 'Fortroligt',
};

/** A name in the public register's choice lists. */
export interface RegisterChoice {
  code: string;
  name: string;
}

/**
 * The public case register as anyone reads it, without signing in: the published entries only
 * (never one withheld or not yet due), newest received first, with the filters of RegisterQuery.
 * Nothing here redacts: the text was redacted when it was published. A confidential case shows
 * its reference, date, department and status, and the language's word for confidentiality in
 * place of its type and summary; it never matches a type or a search, which would tell them.
 */
@Injectable()
export class PublicRegisterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly organisation: OrganisationService,
    private readonly calendars: CalendarService,
  ) {}

  /**
   * One page of the register. `from` and `to` are local dates in the municipality's time zone,
   * both inclusive. @throws InvalidInputError naming the field: an impossible date, `to` before
   * `from`, an unknown department or case type.
   */
  async search(query: RegisterQuery): Promise<RegisterPageResponse> {
    const language = query.lang ?? 'sv';
    const [types, departments] = await Promise.all([this.caseTypes(language, true), this.departments()]);
    const problems: string[] = [];
    const timeZone = (await this.calendars.current()).settings.timeZone;
    const from = query.from ? localMidnight('from', query.from, timeZone, problems) : null;
    // The start of the day after, taken again: a step from a day that starts at 01:00 (clocks
    // changed at midnight) would stay at 01:00.
    const to = query.to ? localMidnight('to', query.to, timeZone, problems)?.plus({ days: 1 }).startOf('day') : null;
    if (from && to && to <= from) problems.push('to: must be on or after from');
    if (query.department && !departments.some((department) => department.code === query.department))
      problems.push(`department: unknown department "${query.department}"`);
    if (query.caseType && !types.some((type) => type.code === query.caseType))
      problems.push(`caseType: unknown case type "${query.caseType}"`);
    if (problems.length > 0) throw new InvalidInputError(problems);

    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? REGISTER_PAGE_SIZE_DEFAULT;
    const builder = this.dataSource.manager
      .createQueryBuilder(RegisterEntry, 'e')
      .where('e.publishedAt IS NOT NULL')
      .andWhere('e.withheld = :withheld', { withheld: false });
    if (from) builder.andWhere('e.receivedAt >= :from', { from: from.toJSDate() });
    if (to) builder.andWhere('e.receivedAt < :to', { to: to.toJSDate() });
    if (query.department) builder.andWhere('e.departmentCode = :department', { department: query.department });
    if (query.caseType) {
      builder
        .andWhere('e.catalogCode = :caseType', { caseType: query.caseType })
        .andWhere('e.confidential = :open', { open: false });
    }
    searchWords(query.q).forEach((word, index) => {
      builder.andWhere(`e.searchText LIKE :word${index} ESCAPE '\\'`, { [`word${index}`]: `%${likeEscaped(word)}%` });
    });
    const [entries, total] = await builder
      .orderBy('e.receivedAt', 'DESC')
      .addOrderBy('e.reference', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const typeNames = new Map(types.map((type) => [type.code, type.name]));
    const departmentNames = new Map(departments.map((department) => [department.code, department.name]));
    return {
      items: entries.map((entry) => toItem(entry, language, typeNames, departmentNames)),
      page,
      pageSize,
      total,
    };
  }

  /**
   * The case types, by name in the language: the choices of the caseType filter. Confidential
   * types are left out unless `withConfidential`: no case of theirs ever matches the filter.
   */
  async caseTypes(language: RegisterLanguage, withConfidential = false): Promise<RegisterChoice[]> {
    const entries = await this.catalog.list({ includeInactive: true });
    return entries
      .filter((entry) => withConfidential || !entry.confidential)
      .map((entry) => ({ code: entry.code, name: entry.name[language] ?? entry.name.en }))
      .sort((a, b) => a.name.localeCompare(b.name, language));
  }

  /** The departments, by name: the choices of the department filter. */
  async departments(): Promise<RegisterChoice[]> {
    const departments = await this.organisation.listDepartments();
    return departments
      .map((department) => ({ code: department.code, name: department.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }
}

function toItem(
  entry: RegisterEntry,
  language: RegisterLanguage,
  typeNames: Map<string, string>,
  departmentNames: Map<string, string>,
): RegisterItemResponse {
  const secret = CONFIDENTIAL_WORD[language];
  return {
    reference: entry.reference,
    receivedAt: entry.receivedAt.toISOString(),
    caseType: entry.confidential ? null : entry.catalogCode,
    caseTypeName: entry.confidential ? secret : entry.catalogCode ? (typeNames.get(entry.catalogCode) ?? null) : null,
    department: entry.departmentCode,
    departmentName: entry.departmentCode ? (departmentNames.get(entry.departmentCode) ?? null) : null,
    status: entry.status,
    summary: entry.confidential ? secret : entry.summary,
    confidential: entry.confidential,
  };
}

function localMidnight(field: string, date: string, timeZone: string, problems: string[]): DateTime | null {
  const parsed = DateTime.fromISO(date, { zone: timeZone });
  if (!parsed.isValid) {
    problems.push(`${field}: "${date}" is not a date`);
    return null;
  }
  return parsed.startOf('day');
}

/** The search's words, in lower case as the published text is searched; at most ten. */
function searchWords(q: string | undefined): string[] {
  return (q ?? '')
    .toLocaleLowerCase('sv')
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 10);
}

function likeEscaped(word: string): string {
  return word.replace(/[\\%_]/g, (character) => `\\${character}`);
}
