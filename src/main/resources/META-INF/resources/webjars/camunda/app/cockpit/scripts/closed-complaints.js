// Camunda 7 CE's Cockpit shows only running process instances (its history view is Enterprise-only), so managers
// could not find a complaint once it was closed. This dashboard plugin lists the newest closed complaints, searchable
// by ticket number (the process instance's business key). It reads the engine's history through the webapp's own
// REST API with the logged-in session, so Camunda's authorizations (READ_HISTORY) decide what is shown.
const TEXTS = {
  en: {
    title: 'Closed complaints', search: 'Ticket number', loading: 'Loading…', empty: 'No closed complaints yet',
    noMatch: 'No closed complaint matches this ticket number', error: 'Could not load closed complaints',
    columns: ['Ticket', 'Received', 'Closed', 'Duration', 'State'], day: 'd', hour: 'h', minute: 'min'
  },
  zh: {
    title: '已关闭的投诉', search: '工单编号', loading: '加载中…', empty: '还没有已关闭的投诉',
    noMatch: '没有与此工单编号匹配的已关闭投诉', error: '无法加载已关闭的投诉',
    columns: ['工单', '受理时间', '关闭时间', '处理时长', '状态'], day: '天', hour: '小时', minute: '分钟'
  }
};

// the language Cockpit itself chose: the webapps match the language part of the browser's first language against
// the available locales (en, zh, see config.js) and do not store the result anywhere
function language() {
  const first = (Array.isArray(navigator.languages) ? navigator.languages[0] : navigator.language) || '';
  return first.split('-')[0].toLowerCase() === 'zh' ? 'zh' : 'en';
}

const T = TEXTS[language()];

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// the REST API writes offsets as "+0100", which not every browser's Date parser accepts
function parseDate(value) {
  return value ? new Date(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) : null;
}

function formatDate(date) {
  return date ? date.toLocaleString(language() === 'zh' ? 'zh-CN' : 'en-GB', {dateStyle: 'medium', timeStyle: 'short'}) : '—';
}

function formatDuration(start, end) {
  if (!start || !end) return '—';
  const minutes = Math.max(0, Math.round((end - start) / 60000));
  const days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60);
  if (days) return `${days} ${T.day} ${hours} ${T.hour}`;
  if (hours) return `${hours} ${T.hour} ${minutes % 60} ${T.minute}`;
  return `${minutes} ${T.minute}`;
}

function renderRows(tbody, instances) {
  tbody.replaceChildren(...instances.map(instance => {
    const start = parseDate(instance.startTime), end = parseDate(instance.endTime);
    const row = element('tr');
    row.dataset.ticket = instance.businessKey || '';
    [instance.businessKey || '—', formatDate(start), formatDate(end), formatDuration(start, end), instance.state]
      .forEach(text => row.appendChild(element('td', null, text)));
    return row;
  }));
}

function render(node, {api}) {
  const root = element('div', 'closed-complaints col-xs-12');
  const heading = element('h3', null, T.title);
  const form = element('form', 'form-inline');
  const label = element('label', null, T.search);
  const input = element('input', 'form-control');
  Object.assign(input, {id: 'closed-complaints-search', type: 'search', placeholder: 'CF-2026-000012', autocomplete: 'off'});
  label.htmlFor = input.id;
  form.append(label, ' ', input);
  const status = element('p', 'closed-complaints-status text-muted');
  const table = element('table', 'table table-striped');
  const headRow = table.createTHead().insertRow();
  T.columns.forEach(title => headRow.appendChild(element('th', null, title)));
  const tbody = table.createTBody();
  root.append(heading, form, status, table);
  node.appendChild(root);

  let latest = 0;
  async function load() {
    const request = ++latest; // a slower answer to an older search must not overwrite a newer one
    const text = input.value.trim();
    let url = `${api.engineApi}/history/process-instance?processDefinitionKey=complaint-handling&finished=true`
      + '&sortBy=endTime&sortOrder=desc&maxResults=20';
    if (text) url += `&processInstanceBusinessKeyLike=${encodeURIComponent(`%${text}%`)}`;
    status.textContent = T.loading;
    try {
      const headers = {Accept: 'application/json'};
      if (api.CSRFToken) headers['X-XSRF-TOKEN'] = api.CSRFToken;
      const response = await fetch(url, {headers, credentials: 'same-origin'});
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const instances = await response.json();
      if (request !== latest) return;
      renderRows(tbody, instances);
      table.hidden = instances.length === 0;
      status.textContent = instances.length ? '' : (text ? T.noMatch : T.empty);
    } catch (error) {
      if (request !== latest) return;
      renderRows(tbody, []);
      table.hidden = true;
      status.textContent = `${T.error} (${error.message})`;
    }
  }

  let typing;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(load, 300);
  });
  form.addEventListener('submit', event => {
    event.preventDefault();
    clearTimeout(typing);
    load();
  });
  load();
}

export default [{
  id: 'complaintflow.closedComplaints',
  pluginPoint: 'cockpit.dashboard',
  priority: 10,
  render,
  properties: {label: T.title}
}];
