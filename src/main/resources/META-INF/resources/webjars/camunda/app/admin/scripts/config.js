// Weiquan's Admin configuration; replaces the one in Camunda's webjar (options: that file's comments).
// Chinese by default, English from the header's language menu: see ../../weiquan/language.js.
import {appName, locales} from '../../weiquan/language.js';

export default {
  app: appName({zh: '系统管理', en: 'Admin'}),
  locales: locales(),
  customScripts: ['../weiquan/i18n']
};
