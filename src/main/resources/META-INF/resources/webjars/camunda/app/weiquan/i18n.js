/*
 * Weiquan: a custom script of all four webapps (customScripts in each scripts/config.js).
 * - adds the language menu to the header (Camunda has none; see language.js);
 * - gives the date pickers (due and follow-up dates in Tasklist, dates in Cockpit) Chinese month and day names
 *   and Monday as the first day: they are AngularJS UI Bootstrap pickers that read AngularJS's $locale, which the
 *   webapps leave at en-us, not the moment.js dateLocales of locales/zh.json.
 */
import {LANGUAGES, chooseLanguage, chosenLanguage} from './language.js';

const language = chosenLanguage();
document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';

const CHINESE_DATES = {
  MONTH: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
  SHORTMONTH: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
  DAY: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  SHORTDAY: ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
};
CHINESE_DATES.STANDALONEMONTH = CHINESE_DATES.MONTH;

const appName = document.querySelector('base').getAttribute('app-name');
window.angular.module(`cam.${appName}.custom`).run([
  '$injector',
  '$locale',
  function($injector, $locale) {
    $locale.DATETIME_FORMATS.FIRSTDAYOFWEEK = 0; // AngularJS counts from Monday = 0
    if (language === 'zh') {
      Object.assign($locale.DATETIME_FORMATS, CHINESE_DATES);
      if ($injector.has('uibDatepickerConfig')) {
        Object.assign($injector.get('uibDatepickerConfig'), {formatDayTitle: 'y年M月', formatMonthTitle: 'y年'});
      }
    }
  }
]);

function addLanguageMenu() {
  const menu = document.querySelector('[cam-widget-header] .cam-nav > ul');
  if (!menu || menu.querySelector('.weiquan-language')) {
    return;
  }
  const other = language === 'zh' ? 'en' : 'zh';
  const link = document.createElement('a');
  link.href = '';
  link.lang = other === 'zh' ? 'zh-CN' : 'en';
  link.title = language === 'zh' ? '切换界面语言（Language）' : 'Change the language (语言)';
  const icon = document.createElement('span');
  icon.className = 'glyphicon glyphicon-globe';
  link.append(icon, ' ' + LANGUAGES[other]);
  link.addEventListener('click', event => {
    event.preventDefault();
    chooseLanguage(other);
    window.location.reload();
  });
  const item = document.createElement('li');
  item.className = 'weiquan-language';
  item.appendChild(link);
  menu.insertBefore(item, menu.firstChild);
}

// the header is rendered by AngularJS after this script ran
new MutationObserver(addLanguageMenu).observe(document.body, {childList: true, subtree: true});

export default [];
