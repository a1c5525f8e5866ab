import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy } from '../auth/access-policy';
import { StaffPrincipal } from '../auth/roles';
import { CatalogEntryView } from '../catalog/catalog-entry.view';
import { CatalogService } from '../catalog/catalog.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CHANNELS } from '../contacts/contact.types';
import { DepartmentInboxService } from '../inbox/department-inbox.service';
import { InboxItem } from '../inbox/inbox-item.view';
import { OrganisationService } from '../organisation/organisation.service';
import { TriageService } from '../triage/triage.service';
import { DeskForm, PICKED_OUTCOMES } from './forms/desk-form';
import { Language, Translate } from './i18n/languages';

/** A catalog entry as the desk offers it: its name in the page's language. */
export interface CaseTypeOption {
  code: string;
  name: string;
}

/** What the desk says about a case type while the agent types: where it goes and how to treat it. */
export interface Guidance {
  code: string;
  name: string;
  kind: string;
  lines: string[];
}

/** The triage suggestion for the summary typed so far. */
export interface Suggestion {
  code: string;
  name: string;
  confidencePercent: number;
}

/** The channel a service point's kind takes contacts in, for the desk's default place. */
const CHANNEL_OF_KIND: Record<string, string> = {
  desk: 'visit',
  branch: 'visit',
  phone: 'phone',
  email: 'email',
  web: 'web',
};

/**
 * What the desk shows besides its form: the catalog in the page's language, the service points,
 * the triage suggestion and the catalog's guidance for the summary typed, and the service
 * center's own inbox. Reads through the areas' services, as the API's controllers do.
 */
@Injectable()
export class DeskViewService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly organisation: OrganisationService,
    private readonly triage: TriageService,
    private readonly inbox: DepartmentInboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The active catalog, by name in the page's language. */
  async caseTypes(language: Language): Promise<Array<CaseTypeOption & { entry: CatalogEntryView }>> {
    const entries = await this.catalog.list();
    return entries
      .map((entry) => ({ code: entry.code, name: nameOf(entry, language), entry }))
      .sort((a, b) => a.name.localeCompare(b.name, language));
  }

  /** The options of the form's selects. */
  async options(language: Language, t: Translate) {
    const [caseTypes, servicePoints] = await Promise.all([
      this.caseTypes(language),
      this.organisation.listServicePoints(),
    ]);
    return {
      channels: CHANNELS.map((channel) => ({ value: channel, text: t(`channel.${channel}`) })),
      outcomes: PICKED_OUTCOMES.map((outcome) => ({ value: outcome, text: t(`outcome.${outcome}`) })),
      servicePoints: servicePoints
        .filter((point) => point.active)
        .map((point) => ({ value: point.code, text: point.name, channel: CHANNEL_OF_KIND[point.kind] ?? 'phone' })),
      caseTypes: caseTypes.map(({ code, name }) => ({ value: code, text: name })),
    };
  }

  /** The place an agent works at when this browser remembers none: the service center's phone. */
  async defaultServicePoint(remembered: string | undefined): Promise<string> {
    const points = (await this.organisation.listServicePoints()).filter((point) => point.active);
    if (remembered && points.some((point) => point.code === remembered)) return remembered;
    return (points.find((point) => point.kind === 'phone') ?? points[0])?.code ?? '';
  }

  /** The suggestion for a summary, and the guidance for the type chosen, else the one suggested. */
  async hints(
    form: Pick<DeskForm, 'summary' | 'catalogCode'>,
    language: Language,
    t: Translate,
  ): Promise<{ suggestion: Suggestion | null; guidance: Guidance | null }> {
    const caseTypes = await this.caseTypes(language);
    const text = form.summary.trim();
    const suggested = text.length >= 3 ? await this.triage.suggest(text.slice(0, 10000)) : null;
    const suggestedType = suggested && caseTypes.find((type) => type.code === suggested.catalogCode);
    const suggestion = suggestedType
      ? {
          code: suggestedType.code,
          name: suggestedType.name,
          confidencePercent: Math.round(suggested.confidence * 100),
        }
      : null;
    const chosen = caseTypes.find((type) => type.code === form.catalogCode) ?? suggestedType;
    return { suggestion, guidance: chosen ? await this.guidance(chosen.entry, language, t) : null };
  }

  private async guidance(entry: CatalogEntryView, language: Language, t: Translate): Promise<Guidance> {
    const department = (await this.organisation.listDepartments()).find((d) => d.code === entry.departmentCode);
    const lines = [
      entry.handledByServiceCenter
        ? t('guidance.serviceCenter')
        : t('guidance.department', { department: department?.name ?? entry.departmentCode }),
    ];
    if (entry.priority === 'high' || entry.priority === 'urgent')
      lines.push(t('guidance.priority', { priority: t(`priority.${entry.priority}`) }));
    if (entry.confidential) lines.push(t('guidance.confidential'));
    if (entry.kind === 'fault_report') lines.push(t('guidance.faultReport'));
    if (entry.kind === 'complaint') lines.push(t('guidance.complaint'));
    if (entry.kind === 'callback') lines.push(t('guidance.callback'));
    return { code: entry.code, name: nameOf(entry, language), kind: t(`kind.${entry.kind}`), lines };
  }

  /** The service center's own inbox, when the access policy lets the staff member see it. */
  async serviceCenterInbox(staff: StaffPrincipal): Promise<InboxItem[] | null> {
    const serviceCenter = this.config.routing.serviceCenterDepartment;
    if (AccessPolicy.inboxRefusal(staff, serviceCenter, serviceCenter) !== null) return null;
    return (await this.inbox.list(staff, serviceCenter, { limit: 100 })).items;
  }
}

/** A catalog entry's name in the page's language; English where a Danish name is missing. */
export function nameOf(entry: Pick<CatalogEntryView, 'name'>, language: Language): string {
  return entry.name[language] ?? entry.name.en;
}
