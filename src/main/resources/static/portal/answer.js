// reply.html and survey.html: the customer answers with the private link; the page then leads back to the ticket.
(function () {
  const { t, link, pageLink, post, wire } = window.portal;
  const credentials = link();
  const form = document.querySelector('form[data-endpoint]');
  const status = document.getElementById('status');
  document.querySelectorAll('[data-ticket]').forEach(el => { el.textContent = credentials.ticketNumber; });
  document.querySelectorAll('a[data-back]').forEach(a => { a.href = pageLink('progress', credentials); });
  wire(form, status, credentials, () => {
    form.hidden = true;
    status.textContent = t(form.dataset.thanks);
    status.className = 'status done';
  });
  const question = document.getElementById('question');
  if (question) {
    // the question asked most recently, as the customer's mail showed it
    post('/api/portal/progress', credentials).then(answer => {
      const asked = answer.ok && answer.body.timeline.filter(s => s.kind === 'INFORMATION_REQUESTED').pop();
      if (asked) {
        question.textContent = asked.text;
        question.parentElement.hidden = false;
      }
    });
  }
})();
