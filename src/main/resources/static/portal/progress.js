// progress.html: the ticket as its customer sees it, from the private link.
(function () {
  const { t, link, pageLink, post, moment, wire, offerNewLink } = window.portal;
  const credentials = link();
  const status = document.getElementById('status');

  function item(list, label, value) {
    const row = document.createElement('div');
    const term = document.createElement('dt');
    const detail = document.createElement('dd');
    term.textContent = label;
    detail.textContent = value;
    row.append(term, detail);
    list.append(row);
  }

  function promise(p) {
    const promised = p.promised ? t('progress.promised', moment(p.promised)) : '';
    const kept = p.actual ? t('progress.kept', moment(p.actual)) : t('progress.notYet');
    return promised ? promised + ' · ' + kept : kept;
  }

  function step(s) {
    const li = document.createElement('li');
    const time = document.createElement('time');
    time.dateTime = s.at;
    time.textContent = moment(s.at);
    const what = document.createElement('strong');
    what.textContent = s.kind === 'MAIL_SENT' && s.text ? t('step.MAIL_SENT.about', t('mail.' + s.text)) : t('step.' + s.kind);
    li.append(time, what);
    if (s.text && s.kind !== 'MAIL_SENT') {
      const text = document.createElement('p');
      text.className = 'quote';
      text.textContent = s.text;
      li.append(text);
    }
    return li;
  }

  function actions(progress) {
    const list = document.getElementById('actions');
    const offered = progress.actions || [];
    if (offered.includes('ANSWER_QUESTION')) list.append(button('reply', 'action.answer'));
    if (offered.includes('ANSWER_SURVEY')) list.append(button('survey', 'action.survey'));
    document.getElementById('problem-back').hidden = !offered.includes('REPORT_PROBLEM_BACK');
    if (offered.length === 0) {
      const none = document.createElement('p');
      none.textContent = t('progress.nothingToDo');
      list.append(none);
    }
  }

  function button(page, label) {
    const a = document.createElement('a');
    a.className = 'button';
    a.href = pageLink(page, credentials);
    a.textContent = t(label);
    return a;
  }

  function show(progress) {
    document.getElementById('ticket').textContent = progress.ticketNumber;
    document.getElementById('subject').textContent = progress.subject;
    const state = document.getElementById('state');
    state.textContent = progress.status === 'CLOSED' && progress.outcome ? t('outcome.' + progress.outcome) : t('status.' + progress.status);
    state.dataset.status = progress.status;
    const times = document.getElementById('times');
    item(times, t('progress.received'), moment(progress.receivedAt));
    item(times, t('progress.firstResponse'), promise(progress.firstResponse));
    item(times, t('progress.resolution'), promise(progress.resolution));
    if (progress.closedAt) item(times, t('progress.closed'), moment(progress.closedAt));
    const timeline = document.getElementById('timeline');
    progress.timeline.slice().reverse().forEach(s => timeline.append(step(s)));
    actions(progress);
    document.getElementById('progress').hidden = false;
    status.textContent = '';
  }

  async function load() {
    status.textContent = t('progress.loading');
    const answer = await post('/api/portal/progress', credentials);
    if (answer.ok) {
      show(answer.body);
    } else {
      status.textContent = answer.body && answer.body.message || t('failed');
      status.className = 'status problem';
      if (answer.status === 404) offerNewLink(status, credentials.ticketNumber);
    }
  }

  const report = document.getElementById('problem-back-form');
  wire(report, document.getElementById('problem-back-status'), credentials, () => {
    report.hidden = true;
    document.getElementById('problem-back-status').textContent = t('action.problemBack.sent');
  });
  load();
})();
