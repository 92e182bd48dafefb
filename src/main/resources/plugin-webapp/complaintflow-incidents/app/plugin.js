// Mass incidents on Cockpit's start page (a Cockpit plugin: incident/IncidentsCockpitPlugin serves this file and the
// data): the latest incidents, and for the one chosen its fix as customers were told, its review and its complaints.
// Managers, supervisors, process owners and admins see it; for anyone else the API answers 403 and the section says
// so. Every value is put in as text.
const TEXTS = {
  en: {
    title: 'Mass incidents', loading: 'Loading…', none: 'No mass incidents yet.',
    refused: 'Only managers, supervisors, process owners and admins see the incidents.', failed: 'Could not load the incidents',
    number: 'Incident', what: 'What happened', category: 'Category', status: 'Status', complaints: 'Complaints',
    declared: 'Declared', resolved: 'Resolved', closed: 'Closed', by: 'by',
    fix: 'Fix as customers were told', cause: 'Cause', solution: 'Solution', causeZh: 'Cause (Chinese)', solutionZh: 'Solution (Chinese)',
    review: 'Incident review', noReview: 'Not reviewed yet.', rootCause: 'Root cause', severity: 'Severity',
    scope: 'Scope of impact', prevent: 'How we avoid a repeat', linked: 'Linked complaints', told: 'told',
    statuses: {OPEN: 'open', RESOLVED: 'resolved', CLOSED: 'closed'}
  },
  zh: {
    title: '群体事件', loading: '加载中…', none: '暂无群体事件。',
    refused: '只有管理层、主管、流程负责人和管理员可以查看群体事件。', failed: '无法加载群体事件',
    number: '事件编号', what: '事件概述', category: '类别', status: '状态', complaints: '投诉数',
    declared: '登记', resolved: '解决', closed: '关闭', by: '',
    fix: '告知客户的原因与解决方案', cause: '原因（英文）', solution: '解决方案（英文）', causeZh: '原因', solutionZh: '解决方案',
    review: '事故报告', noReview: '尚未撰写。', rootCause: '根本原因', severity: '严重程度',
    scope: '影响范围', prevent: '如何避免再次发生', linked: '关联的投诉', told: '已通知',
    statuses: {OPEN: '处理中', RESOLVED: '已解决', CLOSED: '已关闭'}
  }
};
const first = (Array.isArray(navigator.languages) ? navigator.languages[0] : navigator.language) || '';
const T = TEXTS[first.toLowerCase().startsWith('zh') ? 'zh' : 'en'];

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

const moment = value => value ? new Date(value).toLocaleString(first || undefined, {dateStyle: 'medium', timeStyle: 'short'}) : '–';

function facts(pairs) {
  const list = element('dl', {class: 'dl-horizontal incident-facts'});
  pairs.forEach(([label, value, key]) => list.append(element('dt', {}, label), element('dd', key ? {'data-field': key} : {}, value || '–')));
  return list;
}

function render(node, {api}) {
  const root = element('div', {class: 'complaintflow-incidents col-xs-12'});
  const status = element('p', {class: 'incident-status text-muted'}, T.loading);
  const table = element('table', {class: 'table table-condensed incident-list'});
  const detail = element('div', {class: 'incident-detail'});
  root.append(element('h3', {}, T.title), status, table, detail);
  node.append(root);
  const base = `${api.cockpitApi}/plugin/complaintflow-incidents/${api.engine}/incidents`;
  const get = path => fetch(base + path, {headers: {Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken || ''},
    credentials: 'same-origin'});

  async function list() {
    try {
      const response = await get('');
      if (response.status === 403) { status.textContent = T.refused; return; }
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const incidents = await response.json();
      status.textContent = incidents.length ? '' : T.none;
      if (!incidents.length) return;
      const head = element('tr');
      [T.number, T.what, T.category, T.status, T.complaints, T.declared, T.resolved].forEach(h => head.append(element('th', {}, h)));
      table.append(element('thead'), element('tbody'));
      table.tHead.append(head);
      incidents.forEach(({number, incident, complaints}) => {
        const row = element('tr', {'data-incident': number});
        const link = element('a', {href: '#', 'data-open': number}, number);
        link.addEventListener('click', event => { event.preventDefault(); show(number); });
        const cell = element('td');
        cell.append(link);
        row.append(cell, element('td', {}, incident.title), element('td', {}, incident.category || '–'),
          element('td', {}, T.statuses[incident.status] || incident.status), element('td', {}, String(complaints)),
          element('td', {}, moment(incident.declaredAt)), element('td', {}, moment(incident.resolvedAt)));
        table.tBodies[0].append(row);
      });
    } catch (error) {
      status.textContent = `${T.failed} (${error.message})`;
    }
  }

  async function show(number) {
    const response = await get('/' + encodeURIComponent(number));
    if (!response.ok) { detail.replaceChildren(element('p', {class: 'text-danger'}, `${T.failed} (HTTP ${response.status})`)); return; }
    const {incident, complaints} = await response.json();
    const fix = incident.fix || {};
    const review = incident.review;
    const linked = element('ul', {class: 'incident-complaints'});
    complaints.forEach(c => linked.append(element('li', {}, `${c.ticketNumber}  ${moment(c.receivedAt)}  ${c.subject}`
      + (c.toldAt ? `  (${T.told} ${moment(c.toldAt)})` : ''))));
    detail.replaceChildren(element('h4', {}, `${incident.number || number} · ${incident.title}`),
      facts([[T.status, T.statuses[incident.status]], [T.declared, `${moment(incident.declaredAt)} ${T.by} ${incident.declaredBy}`],
        [T.resolved, incident.resolvedAt ? `${moment(incident.resolvedAt)} ${T.by} ${incident.resolvedBy}` : null],
        [T.closed, incident.closedAt ? `${moment(incident.closedAt)} ${T.by} ${incident.reviewedBy}` : null]]),
      element('h5', {}, T.fix),
      facts([[T.cause, fix.cause, 'cause'], [T.solution, fix.solution, 'solution'], [T.causeZh, fix.causeZh, 'causeZh'],
        [T.solutionZh, fix.solutionZh, 'solutionZh']]),
      element('h5', {}, T.review),
      review ? facts([[T.rootCause, review.rootCauseCategory, 'rootCauseCategory'], [T.severity, review.severity, 'severity'],
        [T.scope, review.impactScope, 'impactScope'], [T.prevent, review.preventiveActions, 'preventiveActions']])
        : element('p', {class: 'text-muted'}, T.noReview),
      element('h5', {}, `${T.linked} (${complaints.length})`), linked);
  }

  list();
}

export default [{
  id: 'complaintflow.incidents',
  pluginPoint: 'cockpit.dashboard',
  priority: 15,
  render,
  properties: {label: T.title}
}];
