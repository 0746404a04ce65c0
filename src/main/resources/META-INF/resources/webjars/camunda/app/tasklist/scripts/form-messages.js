/*
 * Weiquan: Tasklist custom script (customScripts in config.js). Camunda Forms (form-js 1.8) write their validation
 * messages in English, with the field's regular expression in them ("Field must match pattern ^[0-9+\- ]{5,20}$."),
 * and have no setting for a message of one's own (form-js issue 443). This script rewrites those texts in the page
 * into Chinese, naming what is expected instead of the expression; so do the engine's prefixes of a refused
 * completion ("Cannot submit task form …: 检测、鉴定的结束日期…", the message itself is the server's, in Chinese).
 * It also gives the forms' date pickers Chinese month and day names with Monday first.
 * English stays English when the user chose English (../../weiquan/language.js).
 */
import {chosenLanguage} from '../../weiquan/language.js';

/** What a pattern of our forms asks for, in words; a pattern not listed is answered with the general sentence. */
const PATTERNS = {
  '^[0-9+\\- ]{5,20}$': '请填写有效的电话号码：5 至 20 位数字，可含 +、- 和空格。',
  '^\\d{1,9}(\\.\\d{1,2})?$': '请填写金额（元）：数字，最多两位小数，如 1999.00。'
};

/** form-js 1.8's messages (its validator and date picker) and the engine's prefixes, each with its Chinese. */
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must match pattern (.*)\.$/s, (m) => PATTERNS[m[1]] || '格式不正确，请按字段说明填写。'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址，如 name@example.cn。'],
  [/^Field must be a valid\s+international phone number\..*$/s, () => '请填写有效的国际电话号码，如 +8613800000000。'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `至少填写 ${m[1]} 个字符。`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `最多填写 ${m[1]} 个字符。`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must be a valid number\.$/, () => '请填写数字。'],
  [/^Invalid date$/, () => '日期无效。'],
  [/^An error happened while submitting the task form\.?$/, () => '提交任务表单时出错'],
  [/^Cannot submit task form [^:]*: (.*)$/s, (m) => `无法提交：${m[1]}`],
  [/^Cannot instantiate process definition [^:]*: (.*)$/s, (m) => `无法发起：${m[1]}`]
];

const CHINESE_CALENDAR = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时时制',
  firstDayOfWeek: 1
};

export function chinese(text) {
  const trimmed = text.trim();
  for (const [pattern, translate] of MESSAGES) {
    const match = trimmed.match(pattern);
    if (match) {
      return translate(match);
    }
  }
  return null;
}

function translateNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const translated = node.data.trim() && chinese(node.data);
    if (translated && translated !== node.data) {
      node.data = translated;
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    translateNode(text);
  }
}

/** form-js keeps each date input's flatpickr on the input (made after the input): a locale set there redraws it. */
function localizeDatePickers() {
  for (const input of document.querySelectorAll('.fjs-form input')) {
    const picker = input._flatpickr;
    if (picker && !picker.weiquanLocalized) {
      picker.weiquanLocalized = true;
      picker.set('locale', CHINESE_CALENDAR);
    }
  }
}

if (chosenLanguage() === 'zh') {
  translateNode(document.body);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        translateNode(mutation.target);
      }
      mutation.addedNodes.forEach(translateNode);
    }
    localizeDatePickers();
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}

export default [];
