// What every portal page shares: the private link, posting JSON in the page's language, dates, field problems.
(function () {
  const { language, t } = window.portalI18n;

  /** Ticket and token from the link: after # (mails and the answer page), or ?ticket=&token= (older mails). */
  function link() {
    const hash = new URLSearchParams(location.hash.slice(1));
    const query = new URLSearchParams(location.search);
    return { ticketNumber: hash.get('ticket') || query.get('ticket') || '', token: hash.get('token') || query.get('token') || '' };
  }

  function pageLink(page, l) {
    return page + '.html#ticket=' + encodeURIComponent(l.ticketNumber) + '&token=' + encodeURIComponent(l.token);
  }

  /** POSTs JSON; the answer's body is null when there is none (202) or it is not JSON. */
  async function post(path, body) {
    try {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': language },
        body: JSON.stringify(body)
      });
      const text = await response.text();
      let answer = null;
      try { answer = text ? JSON.parse(text) : null; } catch (notJson) { answer = null; }
      return { ok: response.ok, status: response.status, body: answer };
    } catch (offline) {
      return { ok: false, status: 0, body: null };
    }
  }

  function moment(iso) {
    return iso ? new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short',
      hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso)) : '';
  }

  /** The form's fields as JSON: "customer.email" nests, data-number fields are numbers, checkboxes booleans. */
  function collect(form) {
    const body = {};
    Array.from(form.elements).filter(el => el.name).forEach(el => {
      let value = el.type === 'checkbox' ? el.checked : el.value;
      if (value === '') return;
      if (el.dataset.number !== undefined) value = Number(value);
      const path = el.name.split('.');
      let target = body;
      path.slice(0, -1).forEach(part => { target = target[part] = target[part] || {}; });
      target[path[path.length - 1]] = value;
    });
    return body;
  }

  /** Shows the server's reasons under their fields (textContent: never read as HTML) and a line in the status. */
  function showProblems(form, status, answer) {
    form.querySelectorAll('[data-error-for]').forEach(el => { el.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
    const fields = answer && answer.body && answer.body.fields || [];
    let placed = 0;
    fields.forEach(problem => {
      const slot = form.querySelector('[data-error-for="' + CSS.escape(problem.field) + '"]');
      const input = form.elements[problem.field];
      if (slot) {
        // a list's own choices are on the page; the API's reason would list their codes
        slot.textContent = input && input.tagName === 'SELECT' ? t('field.choose') : problem.reason;
        placed++;
      }
      if (input && input.setAttribute) input.setAttribute('aria-invalid', 'true');
    });
    status.textContent = placed === fields.length && placed > 0 ? t('fix.fields')
      : answer && answer.body && answer.body.message || t('failed');
    status.className = 'status problem';
  }

  /** After a link that opened no ticket (404): the way to a new one, its ticket number filled in. */
  function offerNewLink(status, ticketNumber) {
    if (document.getElementById('new-link-offer')) return;
    const offer = document.createElement('p');
    offer.id = 'new-link-offer';
    const a = document.createElement('a');
    a.className = 'button';
    a.href = 'link.html#ticket=' + encodeURIComponent(ticketNumber || '');
    a.textContent = t('newLink.ask');
    offer.append(a);
    status.after(offer);
  }

  /** A form that posts to its data-endpoint; {@code extra} is added to the body, {@code done} runs on success. */
  function wire(form, status, extra, done) {
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      status.className = 'status';
      status.textContent = t('sending');
      const answer = await post(form.dataset.endpoint, Object.assign(collect(form), extra));
      button.disabled = false;
      if (answer.ok) {
        form.querySelectorAll('[data-error-for]').forEach(el => { el.textContent = ''; });
        status.textContent = '';
        done(answer.body);
      } else {
        showProblems(form, status, answer);
        if (answer.status === 404 && extra.token !== undefined) offerNewLink(status, extra.ticketNumber);
      }
    });
  }

  window.portal = { language, t, link, pageLink, post, moment, wire, offerNewLink };
})();
