/**
 * What GDPR art. 15(1) requires an extract to tell beside the data: for each category of personal
 * data the purposes (a), the recipients (c), how long it is kept (d), and where it came from (g),
 * with the legal basis (art. 6(1)). The record of processing activities (art. 30) says the same;
 * docs/personal-data.md is its readable form. Pure data.
 */
export interface ProcessingDescription {
  category: 'citizen' | 'contacts' | 'cases' | 'messages' | 'ratings';
  purposes: string;
  legalBasis: string;
  recipients: string;
  retention: string;
  source: string;
}

export const PROCESSING_REGISTER: readonly ProcessingDescription[] = [
  {
    category: 'citizen',
    purposes: 'To know who a contact or case is about, and to answer the person.',
    legalBasis:
      'Public task (GDPR art. 6(1)(e)): the municipality’s duty to serve and answer the public (förvaltningslagen 2017:900 §§ 6-7).',
    recipients: 'The service center and the department handling the case; no one outside the municipality.',
    retention: 'As long as a contact or case that refers to the record keeps its personal data; then deleted.',
    source: 'The person, when they contacted the municipality.',
  },
  {
    category: 'contacts',
    purposes: 'To help the person, see what they asked before, and measure the service center’s accessibility.',
    legalBasis: 'Public task (GDPR art. 6(1)(e)); statistics from it carry no personal data.',
    recipients: 'The service center; a confidential matter only the department it belongs to.',
    retention:
      'A contact answered without a case: the days the retention rule of its type gives (default 90) after it ended; a contact a case came of: as long as the case.',
    source: 'The person, and the staff member who logged the contact.',
  },
  {
    category: 'cases',
    purposes: 'To handle the fault report, complaint, question or errand, and to keep the public record of it.',
    legalBasis:
      'Public task and legal obligation (GDPR art. 6(1)(c), (e)): förvaltningslagen 2017:900, offentlighets- och sekretesslagen 2009:400, arkivlagen 1990:782.',
    recipients:
      'The department handling the case, and its business system when the department has one connected; the public register shows the case with personal data redacted; a confidential case only its department.',
    retention:
      'The days the retention rule of its catalog entry or kind gives after the case is closed (the information-management plan); then the personal data is removed and the anonymous case is kept for statistics.',
    source: 'The person, the staff who registered and handled the case, and the department’s replies.',
  },
  {
    category: 'messages',
    purposes: 'To confirm receipt, answer and tell the person the outcome, by e-mail or SMS.',
    legalBasis: 'Public task (GDPR art. 6(1)(e)).',
    recipients: 'The e-mail and SMS providers the municipality uses, as its processors.',
    retention: 'As long as the case they are about.',
    source: 'Written by the municipality; the address given by the person.',
  },
  {
    category: 'ratings',
    purposes: 'To follow up how easy, well-treated and clear the service was (customer satisfaction).',
    legalBasis: 'Public task (GDPR art. 6(1)(e)); the rating is given freely.',
    recipients: 'Managers, as statistics only.',
    retention: 'Kept without the person: a rating refers to the contact or case only, never to the person.',
    source: 'The person, or a staff member who recorded what the person said.',
  },
];

/** What the person may do next, told at the end of every extract (GDPR art. 15(1)(e), (f)). */
export const PERSON_RIGHTS =
  'You may ask for wrong data to be corrected (art. 16), for data to be erased where no law requires it to be kept (art. 17), ' +
  'for processing to be restricted (art. 18), and you may object (art. 21). You may complain to the Swedish Authority for ' +
  'Privacy Protection (Integritetsskyddsmyndigheten, IMY).';
