/*
 * Weiquan: the language of the Camunda webapps (Tasklist, Cockpit, Admin, welcome page).
 *
 * Camunda takes the browser's first language when it is listed in config.locales.availableLocales and
 * fallbackLocale otherwise; it has no language menu and keeps no choice. So that an English browser starts in
 * Chinese as well, each app's scripts/config.js lists only the language chosen here: Chinese until someone picks
 * English in the header's language menu (i18n.js), kept in this browser for all four apps.
 */
export const LANGUAGES = {zh: '中文', en: 'English'};

const STORAGE_KEY = 'weiquan.language';

export function chosenLanguage() {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch (e) {
    return 'zh'; // storage blocked: the default
  }
}

export function chooseLanguage(language) {
  window.localStorage.setItem(STORAGE_KEY, language);
}

/** The `locales` setting of config.js: only the chosen language, so the browser's language cannot override it. */
export function locales() {
  const language = chosenLanguage();
  return {availableLocales: [language], fallbackLocale: language};
}

/** The `app` setting of config.js: the name in the header, the page title and the sign-in page. */
export function appName(names) {
  const language = chosenLanguage();
  return {vendor: language === 'zh' ? '维权' : 'Weiquan', name: names[language]};
}
