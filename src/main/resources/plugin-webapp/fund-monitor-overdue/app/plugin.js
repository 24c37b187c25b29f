/*
 * 逾期事项 — Fund Monitor's Cockpit plugin (Camunda 7.14+ plugin API: plain JavaScript, loaded by
 * Cockpit from /camunda/api/cockpit/plugin/fund-monitor-overdue/static/app/plugin.js).
 * Data: GET …/plugin/fund-monitor-overdue/{engine}/overdue-steps — the late steps of the logged-in
 * manager's unit and below (the server decides the scope). Text from the server is only ever set
 * as textContent, never parsed as HTML.
 */
const ROUTE = '/fm-overdue';

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  });
  children.flat().forEach(c => {
    if (c === undefined || c === null || c === false) return;
    node.appendChild(typeof c === 'string' || typeof c === 'number'
      ? document.createTextNode(String(c)) : c);
  });
  return node;
}

async function load(api, params) {
  const query = new URLSearchParams();
  Object.entries(params || {}).forEach(([k, v]) => { if (v) query.set(k, v); });
  const url = `${api.cockpitApi}/plugin/fund-monitor-overdue/${api.engine}/overdue-steps`
    + (query.toString() ? `?${query}` : '');
  const response = await fetch(url, { credentials: 'same-origin',
    headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.detail || body.title || `查询失败（${response.status}）`);
  }
  return body;
}

function hashParam(name) {
  const hash = window.location.hash || '';
  const q = hash.indexOf('?');
  return q < 0 ? null : new URLSearchParams(hash.slice(q + 1)).get(name);
}

const COLUMNS = [
  { key: 'provinceName', label: '省' },
  { key: 'cityName', label: '市' },
  { key: 'countyName', label: '县（区）' },
  { key: 'processName', label: '流程' },
  { key: 'stepName', label: '环节' },
  { key: 'unitName', label: '责任单位' },
  { key: 'businessKey', label: '业务编号' },
  { key: 'dueOn', label: '截止日期' },
  { key: 'daysLate', label: '逾期天数' },
  { key: 'followUpSent', label: '催办' },
];

function regionMatches(item, code, roots) {
  if (!code || roots.includes(code)) return true;
  return [item.provinceCode, item.cityCode, item.countyCode, item.unitCode].includes(code);
}

function renderPage(node, api) {
  const state = { board: null, region: hashParam('region') || '', process: '', text: '',
    notFollowedUp: false, group: 'REGION', sort: 'daysLate', desc: true };
  const status = el('p', { class: 'fm-hint', id: 'fm-overdue-status' }, '加载中…');
  const filters = el('div', { class: 'fm-filters' });
  const table = el('table', { class: 'fm-overdue-table' });
  node.appendChild(el('section', { class: 'fm-overdue' },
    el('h2', {}, '逾期事项'),
    el('p', { class: 'fm-hint' }, '本单位及下级单位所有流程中已超过办理期限、仍未办结的环节，按省→市→县或按流程分组；'
      + '点击表头排序。逾期天数按截止日期的次日为第1天计。'),
    status, filters, table));

  function row(item) {
    const instance = `#/process-instance/${encodeURIComponent(item.processInstanceId)}/runtime`;
    const step = `${instance}?activityIds=${encodeURIComponent(item.activityId)}`;
    const followUp = item.followUpSent
      ? (item.followUpOpen ? `已催办（${item.followUpUnit}办理中）` : `已催办（${item.followUpUnit}已办）`)
      : '未催办';
    return el('tr', { class: 'fm-overdue-step', 'data-id': item.id, 'data-unit': item.unitCode },
      el('td', {}, item.provinceName || el('span', { class: 'fm-none' }, '—')),
      el('td', {}, item.cityName || el('span', { class: 'fm-none' }, '—')),
      el('td', {}, item.countyName || el('span', { class: 'fm-none' }, '—')),
      el('td', {}, el('a', { href: instance, class: 'fm-instance-link',
        title: '打开流程实例' }, item.processName || item.processKey || '流程实例')),
      el('td', {}, el('a', { href: step, class: 'fm-step-link', title: '在流程图中定位该环节' },
        item.stepName)),
      el('td', {}, item.unitName, el('br'), el('span', { class: 'fm-none' }, item.responsibleUnit)),
      el('td', {}, item.businessKey || ''),
      el('td', {}, item.dueOn),
      el('td', { class: 'fm-late' }, item.daysLate === 0 ? '今日逾期' : `${item.daysLate}天`),
      el('td', { class: 'fm-follow-up' }, item.followUpTaskId
        ? el('a', { href: `../../tasklist/default/#/?task=${encodeURIComponent(item.followUpTaskId)}`,
          title: '在任务列表中打开催办任务' }, followUp)
        : followUp));
  }

  function compare(a, b) {
    const x = a[state.sort]; const y = b[state.sort];
    const r = (x === y) ? 0 : (x === null || x === undefined) ? 1 : (y === null || y === undefined)
      ? -1 : (typeof x === 'number' || typeof x === 'boolean') ? (x > y ? 1 : -1)
        : String(x).localeCompare(String(y), 'zh-CN');
    return state.desc ? -r : r;
  }

  function groupRow(label, count, depth) {
    return el('tr', { class: `fm-group fm-depth-${depth}` },
      el('td', { colspan: COLUMNS.length }, `${label}（${count}项）`));
  }

  function draw() {
    const board = state.board;
    const roots = board.regions.filter(r => r.depth === 0).map(r => r.code);
    const text = state.text.trim();
    const items = board.steps
      .filter(i => regionMatches(i, state.region, roots))
      .filter(i => !state.process || i.processKey === state.process)
      .filter(i => !state.notFollowedUp || !i.followUpSent)
      .filter(i => !text || [i.stepName, i.unitName, i.businessKey, i.processName]
        .some(v => v && v.includes(text)))
      .sort(compare);
    status.textContent = `共 ${board.total} 项逾期事项（${board.scope.join('、')}，截至 ${board.today}）；`
      + `当前显示 ${items.length} 项。`;
    table.replaceChildren();
    table.appendChild(el('thead', {}, el('tr', {}, COLUMNS.map(c => el('th', {
      class: `fm-sortable${state.sort === c.key ? (state.desc ? ' fm-sorted-desc' : ' fm-sorted-asc') : ''}`,
      'data-key': c.key,
      onclick: () => {
        state.desc = state.sort === c.key ? !state.desc : c.key === 'daysLate';
        state.sort = c.key; draw();
      } }, c.label)))));
    const body = el('tbody');
    if (items.length === 0) {
      body.appendChild(el('tr', {}, el('td', { colspan: COLUMNS.length, class: 'fm-none' },
        '没有符合条件的逾期事项。')));
    } else if (state.group === 'REGION') {
      const key = i => [i.provinceName || '部本级', i.cityName || '', i.countyName || ''];
      const groups = new Map();
      items.forEach(i => {
        const k = key(i).join('/');
        if (!groups.has(k)) groups.set(k, []);
        groups.get(k).push(i);
      });
      const shown = new Set();
      [...groups.keys()].sort((a, b) => a.localeCompare(b, 'zh-CN')).forEach(k => {
        const [p, c, county] = k.split('/');
        const count = prefix => items.filter(i => key(i).join('/').startsWith(prefix)).length;
        if (!shown.has(p)) { shown.add(p); body.appendChild(groupRow(p, count(`${p}/`), 0)); }
        if (c && !shown.has(`${p}/${c}`)) {
          shown.add(`${p}/${c}`); body.appendChild(groupRow(c, count(`${p}/${c}/`), 1));
        }
        if (county) body.appendChild(groupRow(county, groups.get(k).length, 2));
        groups.get(k).forEach(i => body.appendChild(row(i)));
      });
    } else {
      const groups = new Map();
      items.forEach(i => {
        const k = i.processName || i.processKey || '其他';
        if (!groups.has(k)) groups.set(k, []);
        groups.get(k).push(i);
      });
      groups.forEach((list, k) => {
        body.appendChild(groupRow(k, list.length, 0));
        list.forEach(i => body.appendChild(row(i)));
      });
    }
    table.appendChild(body);
  }

  function drawFilters() {
    const board = state.board;
    const region = el('select', { id: 'fm-region', onchange: e => { state.region = e.target.value; draw(); } },
      board.regions.map(r => el('option', { value: r.depth === 0 ? '' : r.code,
        selected: (r.depth === 0 ? '' : r.code) === state.region },
      `${'　'.repeat(r.depth)}${r.name}（${r.count}）`)));
    const process = el('select', { id: 'fm-process', onchange: e => { state.process = e.target.value; draw(); } },
      el('option', { value: '' }, `全部流程（${board.total}）`),
      board.processes.map(p => el('option', { value: p.key }, `${p.name || p.key}（${p.count}）`)));
    const group = el('select', { id: 'fm-group', onchange: e => { state.group = e.target.value; draw(); } },
      el('option', { value: 'REGION' }, '按地区（省→市→县）'), el('option', { value: 'PROCESS' }, '按流程'));
    filters.replaceChildren(
      el('label', {}, '地区', region), el('label', {}, '流程', process),
      el('label', {}, '分组', group),
      el('label', {}, '查找', el('input', { type: 'text', id: 'fm-text', placeholder: '环节、单位或业务编号',
        oninput: e => { state.text = e.target.value; draw(); } })),
      el('label', {}, el('input', { type: 'checkbox', id: 'fm-not-followed-up',
        onchange: e => { state.notFollowedUp = e.target.checked; draw(); } }), ' 只看未催办'));
  }

  load(api).then(board => {
    state.board = board;
    drawFilters();
    draw();
  }).catch(e => { status.textContent = e.message; status.className = 'fm-hint text-danger'; });
}

function renderDashboard(node, api) {
  const box = el('div', { class: 'fm-overdue-dashboard' }, '加载中…');
  node.appendChild(box);
  load(api).then(board => {
    const rows = board.regions.filter(r => r.depth <= 1 || r.count > 0);
    box.replaceChildren(
      el('p', {}, `本单位及下级单位共有 `, el('a', { href: `#${ROUTE}`, id: 'fm-overdue-total' },
        `${board.total} 项逾期事项`), `（截至 ${board.today}）。点击地区查看明细。`),
      el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, '地区'), el('th', {}, '逾期事项'))),
        el('tbody', {}, rows.map(r => el('tr', { class: 'fm-region-count', 'data-code': r.code },
          el('td', { style: `padding-left:${10 + r.depth * 16}px` },
            el('a', { href: `#${ROUTE}?region=${r.depth === 0 ? '' : encodeURIComponent(r.code)}` },
              r.name)),
          el('td', { class: 'fm-count' }, r.count))))));
  }).catch(e => { box.textContent = e.message; });
}

export default [
  {
    id: 'fundMonitorOverdueNavigation',
    pluginPoint: 'cockpit.navigation',
    priority: 95,
    render: node => {
      node.appendChild(el('a', { href: `#${ROUTE}`, id: 'fm-overdue-nav' }, '逾期事项'));
    },
    properties: {
      pagePath: `#${ROUTE}`,
      checkActive: path => (path || '').indexOf(`#${ROUTE}`) > -1,
    },
  },
  {
    id: 'fundMonitorOverdueRoute',
    pluginPoint: 'cockpit.route',
    priority: 10,
    render: (node, { api }) => renderPage(node, api),
    properties: { path: ROUTE, label: '逾期事项' },
  },
  {
    id: 'fundMonitorOverdueDashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node, { api }) => renderDashboard(node, api),
    properties: { label: '逾期事项（按地区）' },
  },
];
