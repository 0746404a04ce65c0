// Weiquan's Cockpit configuration; replaces the one in Camunda's webjar (options: that file's comments).
// Chinese by default, English from the header's language menu: see ../../weiquan/language.js.
import {appName, locales} from '../../weiquan/language.js';

export default {
  app: appName({zh: '流程监控', en: 'Cockpit'}),
  locales: locales(),
  // scripts/kanban: the 案件看板 dashboard plugin (cockpit.dashboard), aggregates without personal data
  customScripts: ['../weiquan/i18n', 'scripts/kanban']
};
