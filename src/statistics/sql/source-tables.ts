/**
 * The tables statistics reads, and only reads, in one place. They belong to other areas (the
 * owner is named beside each); statistics reads them with hand-written SQL because its reports
 * aggregate up to millions of rows at a time (docs/statistics.md). A change to one of these tables
 * in its owning area is a change to the statistics too: the schema test checks that every table
 * named here is mapped by its owner.
 */
export const SOURCE_TABLES = {
  /** src/cases */
  cases: 'cases',
  /** src/catalog */
  catalogEntries: 'catalog_entries',
  /** src/citizens */
  citizens: 'citizens',
  /** src/contacts */
  contacts: 'contacts',
  /** src/callbacks */
  contactCallbacks: 'contact_callbacks',
  /** src/service-targets */
  callbackTargets: 'callback_targets',
  /** src/auth */
  staffUserDepartments: 'staff_user_departments',
  /** src/telephony */
  callRecords: 'call_records',
  /** src/ratings */
  citizenRatings: 'citizen_ratings',
} as const;

/** Shorter to write in SQL templates: `${T.cases} c`. */
export const T = SOURCE_TABLES;
