// Weiquan's welcome page configuration; replaces the one in Camunda's webjar (options: that file's comments).
// Chinese by default, English from the header's language menu: see ../../weiquan/language.js.
import {appName, locales} from '../../weiquan/language.js';

export default {
  app: appName({zh: '首页', en: 'Welcome'}),
  locales: locales(),
  customScripts: ['../weiquan/i18n']
};
