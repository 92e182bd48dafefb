// The managers' KPI dashboard on Cockpit's start page (a Cockpit plugin: reporting/KpiDashboardPlugin serves this file
// and the figures). One month at a time, filtered by type, priority and channel; charts drawn as SVG, every value
// put in as text. Managers, supervisors, process owners and admins see it; for anyone else the API answers 403 and
// the section says so.
const TEXTS = {
  en: {
    title: 'Complaint KPIs', month: 'Month', all: 'all', type: 'Type', priority: 'Priority', channel: 'Channel',
    loading: 'Loading…', refused: 'Only managers, supervisors, process owners and admins see the KPIs.',
    failed: 'Could not load the KPIs', none: 'No complaints this month.',
    received: 'Received', onTimeResponse: 'First response on time', onTimeResolution: 'Resolved on time',
    mttr: 'Resolution time (average)', p90: 'p90', firstContact: 'Resolved at first contact', reopen: 'Reopened',
    csat: 'CSAT (0–100)', nps: 'NPS', breaches: 'SLA breaches', escalations: 'Escalations', compensation: 'Compensation',
    trend: 'Volume and first response on time, by day', weekly: 'CSAT and NPS by week', byTier: 'Breaches by tier',
    openByAge: 'Open now, by age', categories: 'Top categories', hours: 'h',
    ages: {underOneDay: '< 1 day', oneToThreeDays: '1–3 days', threeToSevenDays: '3–7 days', overSevenDays: '> 7 days'}
  },
  zh: {
    title: '投诉关键指标', month: '月份', all: '全部', type: '类型', priority: '优先级', channel: '渠道',
    loading: '加载中…', refused: '只有管理层、主管、流程负责人和管理员可以查看关键指标。',
    failed: '无法加载关键指标', none: '本月没有投诉。',
    received: '受理量', onTimeResponse: '首次响应及时率', onTimeResolution: '按时解决率',
    mttr: '平均解决时长', p90: 'p90', firstContact: '一次解决率', reopen: '重开率',
    csat: '满意度（0–100）', nps: 'NPS', breaches: 'SLA 超时', escalations: '升级次数', compensation: '补偿金额',
    trend: '每日受理量与首次响应及时率', weekly: '每周满意度与 NPS', byTier: '各级别超时数',
    openByAge: '当前未结投诉（按时长）', categories: '主要类别', hours: '小时',
    ages: {underOneDay: '< 1 天', oneToThreeDays: '1–3 天', threeToSevenDays: '3–7 天', overSevenDays: '> 7 天'}
  }
};
const FILTERS = {
  type: ['problem', 'complaint', 'suggestion', 'requirement', 'praise'],
  priority: ['urgent', 'important', 'general'],
  channel: ['web', 'portal', 'email', 'phone', 'emergency-line', 'chat', 'app-store', 'social-media']
};
const SVG = 'http://www.w3.org/2000/svg';
const first = (Array.isArray(navigator.languages) ? navigator.languages[0] : navigator.language) || '';
const LANGUAGE = first.toLowerCase().startsWith('zh') ? 'zh' : 'en';
const T = TEXTS[LANGUAGE];

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, String(value)));
  if (text !== undefined) node.textContent = text;
  return node;
}

const percent = rate => rate === null || rate === undefined ? '–' : (Number(rate) * 100).toFixed(1) + ' %';
const number = value => value === null || value === undefined ? '–' : String(value);
const hours = minutes => minutes === null || minutes === undefined ? '–' : (Number(minutes) / 60).toFixed(1) + ' ' + T.hours;

function tiles(summary) {
  const f = summary || {};
  const list = element('div', {class: 'kpi-tiles'});
  [['received', number(f.received)], ['onTimeResponse', percent(f.onTimeResponseRate)],
    ['onTimeResolution', percent(f.onTimeResolutionRate)],
    ['mttr', hours(f.averageResolutionMinutes) + ' (' + T.p90 + ' ' + hours(f.p90ResolutionMinutes) + ')'],
    ['firstContact', percent(f.firstContactResolutionRate)], ['reopen', percent(f.reopenRate)], ['csat', number(f.csat)],
    ['nps', number(f.nps)], ['breaches', number(f.breaches)], ['escalations', number(f.escalations)],
    ['compensation', number(f.compensationCost)]].forEach(([key, value]) => {
    const tile = element('div', {class: 'kpi-tile', 'data-kpi': key});
    tile.append(element('div', {class: 'kpi-value'}, value), element('div', {class: 'kpi-label'}, T[key]));
    list.append(tile);
  });
  return list;
}

function chart(title, key, width, height) {
  const box = element('div', {class: 'kpi-chart', 'data-chart': key});
  box.append(element('h4', {}, title));
  const drawing = svg('svg', {viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': title});
  box.append(drawing);
  return [box, drawing];
}

/** Horizontal bars: one per item, the value written at its end. */
function bars(title, key, items) {
  const [box, drawing] = chart(title, key, 420, 28 * Math.max(items.length, 1) + 8);
  const max = Math.max(1, ...items.map(item => item.value || 0));
  items.forEach((item, i) => {
    const y = 8 + 28 * i;
    // nothing to show (no answers) is a dash, not a zero; a negative NPS has no bar but its figure
    const width = item.value > 0 ? 240 * item.value / max : 0;
    drawing.append(svg('text', {x: 0, y: y + 14, 'font-size': 12}, item.label));
    drawing.append(svg('rect', {x: 120, y, width: Math.max(1, width), height: 18, fill: '#1a5fb4',
      'data-value': item.value === null ? '' : item.value}));
    drawing.append(svg('text', {x: 126 + width, y: y + 14, 'font-size': 12}, item.value === null ? '–' : String(item.value)));
  });
  return box;
}

/** Every day of the month, those without complaints as zero. */
function everyDay(month, rows) {
  const [year, number] = month.split('-').map(Number);
  const days = new Date(Date.UTC(year, number, 0)).getUTCDate();
  const byPeriod = new Map(rows.map(row => [row.period, row]));
  return Array.from({length: days}, (unused, i) => {
    const day = `${month}-${String(i + 1).padStart(2, '0')}`;
    return byPeriod.get(day) || {period: day, received: 0, onTimeResponseRate: null};
  });
}

/** By day: received as bars, the on-time first response rate as a line over 0–100 %. */
function trend(byDay) {
  const [box, drawing] = chart(T.trend, 'trend', 620, 180);
  const max = Math.max(1, ...byDay.map(row => row.received));
  const step = 600 / Math.max(byDay.length, 1);
  const points = [];
  byDay.forEach((row, i) => {
    const height = 140 * row.received / max;
    drawing.append(svg('rect', {x: 10 + i * step, y: 150 - height, width: Math.max(2, step - 3), height, fill: '#99c1f1',
      'data-day': row.period, 'data-value': row.received}));
    if (row.onTimeResponseRate !== null) points.push(`${10 + i * step + step / 2},${150 - 140 * row.onTimeResponseRate}`);
  });
  drawing.append(svg('polyline', {points: points.join(' '), fill: 'none', stroke: '#1a7f37', 'stroke-width': 2}));
  if (byDay.length) {
    drawing.append(svg('text', {x: 10, y: 170, 'font-size': 11}, byDay[0].period));
    drawing.append(svg('text', {x: 520, y: 170, 'font-size': 11}, byDay[byDay.length - 1].period));
  }
  return box;
}

function render(node, {api}) {
  const root = element('div', {class: 'complaintflow-kpis col-xs-12'});
  const controls = element('form', {class: 'form-inline kpi-controls'});
  const month = element('input', {type: 'month', id: 'kpi-month', class: 'form-control'});
  month.value = new Date().toISOString().slice(0, 7);
  controls.append(element('label', {for: 'kpi-month'}, T.month + ' '), month);
  const selects = {};
  Object.entries(FILTERS).forEach(([name, values]) => {
    const select = element('select', {id: 'kpi-' + name, class: 'form-control'});
    select.append(element('option', {value: ''}, T.all));
    values.forEach(value => select.append(element('option', {value}, value)));
    selects[name] = select;
    controls.append(' ', element('label', {for: select.id}, T[name] + ' '), select);
  });
  const status = element('p', {class: 'kpi-status text-muted'});
  const body = element('div', {class: 'kpi-body'});
  root.append(element('h3', {}, T.title), controls, status, body);
  node.append(root);

  let latest = 0;
  async function load() {
    const request = ++latest;
    const query = new URLSearchParams({month: month.value});
    Object.entries(selects).forEach(([name, select]) => { if (select.value) query.set(name, select.value); });
    status.textContent = T.loading;
    try {
      const response = await fetch(`${api.cockpitApi}/plugin/complaintflow-kpis/${api.engine}/dashboard?${query}`,
        {headers: {Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken || ''}, credentials: 'same-origin'});
      if (request !== latest) return;
      if (response.status === 403) {
        body.replaceChildren();
        status.textContent = T.refused;
        return;
      }
      if (!response.ok) throw new Error('HTTP ' + response.status);
      show(await response.json());
    } catch (error) {
      if (request !== latest) return;
      body.replaceChildren();
      status.textContent = `${T.failed} (${error.message})`;
    }
  }

  function show(dashboard) {
    status.textContent = dashboard.summary ? '' : T.none;
    body.replaceChildren(tiles(dashboard.summary), trend(everyDay(dashboard.month, dashboard.byDay)),
      bars(T.weekly, 'weekly', dashboard.byWeek.flatMap(row => [
        {label: row.period + ' CSAT', value: row.csat === null ? null : Number(row.csat)},
        {label: row.period + ' NPS', value: row.nps === null ? null : Number(row.nps)}])),
      bars(T.byTier, 'tiers', dashboard.byTier.map(row => ({label: row.tier || '–', value: row.breaches}))),
      bars(T.openByAge, 'ages', Object.entries(dashboard.openByAge).map(([age, count]) => ({label: T.ages[age], value: count}))),
      bars(T.categories, 'categories', dashboard.byCategory.map(row => ({label: row.category, value: row.received}))));
  }

  controls.addEventListener('change', load);
  controls.addEventListener('submit', event => { event.preventDefault(); load(); });
  load();
}

export default [{
  id: 'complaintflow.kpis',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render,
  properties: {label: T.title}
}];
