import da from './da.json';
import en from './en.json';
import sv from './sv.json';

/** The console's languages; Swedish is the default (the municipality's own language). */
export const LANGUAGES = ['sv', 'en', 'da'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'sv';

/** Each language's message catalog: flat keys, `{name}` for a value put in. */
export const CATALOGS: Record<Language, Record<string, string>> = { sv, en, da };

/** The locale dates and numbers are written in, per language. */
export const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB', da: 'da-DK' };

/** The language's own name, for the switch between languages. */
export const LANGUAGE_NAMES: Record<Language, string> = { sv: 'Svenska', en: 'English', da: 'Dansk' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A translator for one language: a missing key falls back to English, then to the key itself. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const catalog = CATALOGS[language];
  return (key, values) => {
    const text = catalog[key] ?? CATALOGS.en[key] ?? key;
    if (!values) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}
