// Weiquan's Tasklist configuration; replaces the one in Camunda's webjar (options: that file's comments).
// Chinese by default, English from the header's language menu: see ../../weiquan/language.js.
import {appName, locales} from '../../weiquan/language.js';

export default {
  app: appName({zh: '任务列表', en: 'Tasklist'}),
  locales: locales(),
  customScripts: ['../weiquan/i18n', 'scripts/form-messages'],

  // Camunda's keyboard shortcuts, described in Chinese (shown under 键盘快捷键)
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到列表中的第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
