/*
 * Weiquan: 案件看板, a Cockpit dashboard plugin (plugin point cockpit.dashboard, registered in config.js customScripts).
 * It shows the aggregates of GET /webapp-api/analytics/summary (the same figures as /api/analytics/summary, asked with
 * Cockpit's login session): stage funnel, deadlines due this week and overdue (each case links to its instance in
 * Cockpit), durations per channel, outcome shares, the complaint desk's SLA and the weekly trend. Charts are plain
 * SVG drawn here: nothing is fetched from elsewhere at run time and nothing needs a build step. No personal data
 * reaches it: the server sends counts and case numbers only.
 */
const SVG = 'http://www.w3.org/2000/svg';
const PROCESSES = [
  {key: 'consumer-dispute', label: '消费纠纷'},
  {key: 'enterprise-complaint', label: '企业投诉'}
];
const COLORS = {running: '#1f6fb2', ended: '#9cc3e6', late: '#c0392b', soon: '#e67e22', line2: '#7f8c8d'};
/** Rows of a deadline list shown before 显示全部. */
const FIRST_ROWS = 10;
const OUTCOME_COLORS = ['#1f6fb2', '#27ae60', '#8e44ad', '#e67e22', '#c0392b', '#16a085', '#7f8c8d', '#d35400', '#2c3e50', '#bdc3c7'];

// the context the application runs under: Cockpit lives at <context>/camunda/app/cockpit/<engine>/
function applicationRoot() {
  const base = document.querySelector('base');
  const href = base ? base.getAttribute('href') : window.location.pathname;
  const at = href.indexOf('/app/cockpit/');
  const webapp = at >= 0 ? href.substring(0, at) : '/camunda';
  return webapp.substring(0, webapp.lastIndexOf('/'));
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach(child => node.append(child));
  return node;
}

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, String(value)));
  children.forEach(child => node.append(child));
  return node;
}

function chart(name, title, width, height) {
  return svg('svg', {
    class: 'weiquan-kanban-chart', 'data-chart': name, role: 'img', 'aria-label': title,
    viewBox: `0 0 ${width} ${height}`, width: '100%', style: `max-width:${width}px`
  }, svg('title', {}, title));
}

function section(name, title, ...content) {
  return el('div', {class: 'weiquan-kanban-section', 'data-section': name}, el('h4', {}, title), ...content);
}

function empty(text) {
  return el('p', {class: 'text-muted'}, text || '暂无数据');
}

const DAY = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false
});

function legalDate(iso) {
  return DAY.format(new Date(iso));
}

/** Horizontal bars: one row per item, running and ended side by side in one bar. */
function barChart(name, title, rows, valueLabel) {
  if (!rows.length) {
    return empty();
  }
  const width = 640;
  const rowHeight = 26;
  const labelWidth = 150;
  const max = Math.max(...rows.map(r => r.values.reduce((a, b) => a + b, 0)), 1);
  const node = chart(name, title, width, rows.length * rowHeight + 30);
  rows.forEach((row, i) => {
    const y = i * rowHeight + 4;
    node.append(svg('text', {x: labelWidth - 6, y: y + 15, 'text-anchor': 'end', 'font-size': 12}, row.label));
    let x = labelWidth;
    row.values.forEach((value, j) => {
      const w = (value / max) * (width - labelWidth - 70);
      if (w > 0) {
        node.append(svg('rect', {class: 'bar', x, y, width: w, height: rowHeight - 8, fill: row.colors[j]},
          svg('title', {}, `${row.label}：${row.names[j]} ${value}`)));
      }
      x += w;
    });
    node.append(svg('text', {x: x + 6, y: y + 15, 'font-size': 12}, valueLabel(row)));
  });
  return node;
}

function stageFunnel(summary) {
  const rows = summary.byStage.groups.map(g => ({
    label: g.label, values: [g.running, g.ended], colors: [COLORS.running, COLORS.ended], names: ['在办', '已结']
  }));
  return section('stages', '阶段分布（在办 / 已结）',
    barChart('stages', '各阶段案件数', rows, r => `${r.values[0]} / ${r.values[1]}`),
    legend([['在办', COLORS.running], ['已结', COLORS.ended]]), suppressedNote(summary.byStage.suppressed));
}

function channels(summary) {
  const rows = summary.byChannel.groups.map(g => ({
    label: g.label, values: [g.running, g.ended], colors: [COLORS.running, COLORS.ended], names: ['在办', '已结']
  }));
  return section('channels', '各途径案件数（在办 / 已结）',
    barChart('channels', '各途径案件数', rows, r => `${r.values[0]} / ${r.values[1]}`),
    suppressedNote(summary.byChannel.suppressed));
}

function durations(summary) {
  const toRows = list => list.map(d => ({
    label: `${d.label}（${d.cases}件）`,
    values: [Number(d.medianDays), Math.max(Number(d.p90Days) - Number(d.medianDays), 0)],
    colors: [COLORS.running, COLORS.ended], names: ['中位数（天）', '至90分位（天）'],
    median: d.medianDays, p90: d.p90Days
  }));
  return section('durations', '办理时长（天：中位数 / 90分位）',
    el('h5', {}, '按途径'),
    barChart('durations', '各途径办理时长', toRows(summary.durations.byChannel), r => `${r.median} / ${r.p90} 天`),
    el('h5', {}, '按结案方式'),
    barChart('paths', '各结案方式的办理时长', toRows(summary.durations.byPath), r => `${r.median} / ${r.p90} 天`),
    legend([['中位数', COLORS.running], ['90分位', COLORS.ended]]), suppressedNote(summary.durations.suppressed));
}

function outcomes(summary) {
  const list = summary.outcomes.outcomes;
  if (!list.length) {
    return section('outcomes', '结案方式占比', empty('所选期间尚无结案'));
  }
  const width = 640;
  const node = chart('outcomes', '结案方式占比', width, 40);
  let x = 0;
  list.forEach((o, i) => {
    const w = Number(o.share) * width;
    node.append(svg('rect', {class: 'bar', x, y: 5, width: w, height: 30, fill: OUTCOME_COLORS[i % OUTCOME_COLORS.length]},
      svg('title', {}, `${o.label}：${o.cases}件（${(Number(o.share) * 100).toFixed(1)}%）`)));
    x += w;
  });
  return section('outcomes', `结案方式占比（已结 ${summary.outcomes.ended} 件）`, node,
    legend(list.map((o, i) => [`${o.label} ${o.cases}件 ${(Number(o.share) * 100).toFixed(1)}%`,
      OUTCOME_COLORS[i % OUTCOME_COLORS.length]])), suppressedNote(summary.outcomes.suppressed));
}

function weekly(summary) {
  const weeks = summary.weeks;
  if (!weeks.length) {
    return section('weeks', '每周趋势', empty());
  }
  const width = 640;
  const height = 180;
  const pad = 30;
  const max = Math.max(...weeks.map(w => Math.max(w.started, w.ended)), 1);
  const step = weeks.length > 1 ? (width - 2 * pad) / (weeks.length - 1) : 0;
  const point = (w, i, key) => `${pad + i * step},${height - pad - (w[key] / max) * (height - 2 * pad)}`;
  const node = chart('weeks', '每周新增与结案', width, height);
  node.append(svg('line', {x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, stroke: '#ccc'}));
  node.append(svg('text', {x: 2, y: pad, 'font-size': 11}, String(max)));
  node.append(svg('polyline', {points: weeks.map((w, i) => point(w, i, 'started')).join(' '), fill: 'none',
    stroke: COLORS.running, 'stroke-width': 2}));
  node.append(svg('polyline', {points: weeks.map((w, i) => point(w, i, 'ended')).join(' '), fill: 'none',
    stroke: COLORS.line2, 'stroke-width': 2, 'stroke-dasharray': '4 3'}));
  weeks.forEach((w, i) => {
    const [cx, cy] = point(w, i, 'started').split(',');
    node.append(svg('circle', {cx, cy, r: 3, fill: COLORS.running}, svg('title', {}, `${w.week}（${w.monday} 起）：新增 ${w.started}，结案 ${w.ended}`)));
  });
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  node.append(svg('text', {x: pad, y: height - 8, 'font-size': 11}, first.week));
  node.append(svg('text', {x: width - pad, y: height - 8, 'font-size': 11, 'text-anchor': 'end'}, last.week));
  return section('weeks', '每周趋势（ISO 周）', node, legend([['新增', COLORS.running], ['结案', COLORS.line2]]));
}

function deadlineTable(name, items, total, empty_) {
  if (!items.length) {
    return empty(empty_);
  }
  const body = el('tbody');
  items.forEach((item, index) => {
    const link = el('a', {href: `#/process-instance/${encodeURIComponent(item.processInstanceId)}/runtime`,
      class: 'weiquan-kanban-case', 'data-case': item.caseNo}, item.caseNo);
    const row = el('tr', {}, el('td', {}, link), el('td', {}, item.label), el('td', {}, item.processLabel),
      el('td', {}, legalDate(item.due)), el('td', {class: 'text-muted'}, item.basis || ''));
    if (index >= FIRST_ROWS) {
      row.style.display = 'none'; // the earliest first, the rest behind 显示全部: the charts stay in view
    }
    body.append(row);
  });
  const table = el('table', {class: 'cam-table weiquan-kanban-deadlines', 'data-list': name},
    el('thead', {}, el('tr', {}, el('th', {}, '案件编号'), el('th', {}, '期限'), el('th', {}, '所在流程'),
      el('th', {}, '到期时间'), el('th', {}, '依据'))), body);
  const notes = el('p', {class: 'text-muted'});
  if (items.length > FIRST_ROWS) {
    const all = el('a', {href: '', class: 'weiquan-kanban-all'}, `显示全部 ${items.length} 项`);
    all.addEventListener('click', event => {
      event.preventDefault();
      body.querySelectorAll('tr').forEach(row => (row.style.display = ''));
      all.remove();
    });
    notes.append(`显示最早的 ${FIRST_ROWS} 项，`, all);
  }
  if (total > items.length) {
    notes.append(`（共 ${total} 项，最多列出 ${items.length} 项）`);
  }
  return el('div', {}, table, notes);
}

function deadlines(summary) {
  const d = summary.deadlines;
  const counts = chart('deadlines', '本周到期与已逾期', 640, 60);
  const max = Math.max(d.dueSoonTotal, d.overdueTotal, 1);
  [['已逾期', d.overdueTotal, COLORS.late], ['7日内到期', d.dueSoonTotal, COLORS.soon]].forEach(([label, n, color], i) => {
    const y = i * 28 + 2;
    counts.append(svg('text', {x: 84, y: y + 16, 'text-anchor': 'end', 'font-size': 12}, label));
    counts.append(svg('rect', {class: 'bar', x: 90, y, width: (n / max) * 480, height: 22, fill: color}));
    counts.append(svg('text', {x: 96 + (n / max) * 480, y: y + 16, 'font-size': 12}, `${n} 项`));
  });
  return section('deadlines', '法定期限与任务期限', counts,
    el('h5', {class: 'weiquan-kanban-overdue-title'}, `已逾期（${d.overdueTotal}）`),
    deadlineTable('overdue', d.overdue, d.overdueTotal, '没有逾期的期限'),
    el('h5', {}, `7日内到期（${d.dueSoonTotal}）`),
    deadlineTable('due-soon', d.dueSoon, d.dueSoonTotal, '7日内没有到期的期限'));
}

function sla(summary) {
  if (!summary.sla.rows.length) {
    return '';
  }
  const percent = v => (v === null || v === undefined ? '—' : `${(Number(v) * 100).toFixed(1)}%`);
  const body = el('tbody');
  summary.sla.rows.forEach(r => body.append(el('tr', {},
    el('td', {}, r.level), el('td', {}, r.departmentLabel), el('td', {}, String(r.cases)),
    el('td', {}, `${r.firstResponse.onTime} / ${r.firstResponse.breached} / ${r.firstResponse.open}`),
    el('td', {}, `${r.resolution.onTime} / ${r.resolution.breached} / ${r.resolution.open}`),
    el('td', {}, percent(r.compliance)))));
  return section('sla', '投诉处理时限达标（按等级和部门）',
    el('table', {class: 'cam-table'}, el('thead', {}, el('tr', {}, el('th', {}, '等级'), el('th', {}, '部门'),
      el('th', {}, '件数'), el('th', {}, '首次响应：按时 / 超时 / 未到期'), el('th', {}, '办结：按时 / 超时 / 未到期'),
      el('th', {}, '达标率'))), body), suppressedNote(summary.sla.suppressed));
}

function groupsTable(name, title, grouping) {
  if (!grouping.groups.length) {
    return '';
  }
  const rows = grouping.groups.map(g => ({
    label: g.label, values: [g.running, g.ended], colors: [COLORS.running, COLORS.ended], names: ['在办', '已结']
  }));
  return section(name, title, barChart(name, title, rows, r => `${r.values[0]} / ${r.values[1]}`),
    suppressedNote(grouping.suppressed));
}

function legend(entries) {
  return el('p', {class: 'weiquan-kanban-legend'}, ...entries.map(([label, color]) =>
    el('span', {style: 'margin-right:1em'}, el('span', {style: `display:inline-block;width:10px;height:10px;background:${color};margin-right:4px`}), label)));
}

function suppressedNote(n) {
  return n ? el('p', {class: 'text-muted'}, `另有 ${n} 个分组因案件数过少未显示`) : '';
}

function render(node) {
  node.innerHTML = '';
  const container = el('section', {class: 'weiquan-kanban'});
  const processChoice = el('select', {class: 'form-control input-sm weiquan-kanban-process', style: 'display:inline-block;width:auto'});
  PROCESSES.forEach(p => processChoice.append(el('option', {value: p.key}, p.label)));
  const today = new Date();
  const dayText = d => new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Shanghai'}).format(d);
  const from = el('input', {type: 'date', class: 'form-control input-sm', style: 'display:inline-block;width:auto',
    value: dayText(new Date(today.getTime() - 364 * 86400000))});
  const to = el('input', {type: 'date', class: 'form-control input-sm', style: 'display:inline-block;width:auto', value: dayText(today)});
  const status = el('span', {class: 'text-muted weiquan-kanban-status'});
  const content = el('div', {class: 'weiquan-kanban-content'});
  container.append(
    el('h1', {class: 'section-title weiquan-kanban-title'}, '案件看板'),
    el('p', {class: 'text-muted'}, '统计数据只含件数、时长和案件编号，不含当事人的个人信息。'),
    el('div', {class: 'form-inline', style: 'margin-bottom:1em'}, el('label', {}, '流程 '), processChoice, ' ',
      el('label', {}, ' 立案日期 '), from, ' 至 ', to, ' ', status),
    content);
  node.append(container);

  const load = () => {
    status.textContent = '加载中…';
    const query = new URLSearchParams({process: processChoice.value, from: from.value, to: to.value});
    fetch(`${applicationRoot()}/webapp-api/analytics/summary?${query}`, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(response => response.json().then(body => ({ok: response.ok, body})))
      .then(({ok, body}) => {
        content.innerHTML = '';
        if (!ok) {
          status.textContent = body.detail || '无法加载统计数据';
          return;
        }
        status.textContent = `在办 ${body.cases.running} 件，已结 ${body.cases.ended} 件（统计时间 ${legalDate(body.generatedAt)}）`;
        content.append(stageFunnel(body), deadlines(body), channels(body), durations(body), outcomes(body), weekly(body),
          groupsTable('categories', '案件类别（在办 / 已结）', body.byCategory),
          groupsTable('levels', '投诉等级（在办 / 已结）', body.byLevel),
          groupsTable('departments', '处理部门（在办 / 已结）', body.byDepartment), sla(body));
        container.setAttribute('data-loaded', 'true');
      })
      .catch(() => {
        status.textContent = '无法加载统计数据';
      });
  };
  [processChoice, from, to].forEach(input => input.addEventListener('change', load));
  load();
}

export default [{
  id: 'weiquan.kanban',
  pluginPoint: 'cockpit.dashboard',
  priority: 50,
  render: node => render(node),
  properties: {label: '案件看板'}
}];
