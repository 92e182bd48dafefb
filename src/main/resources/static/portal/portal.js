// Customer pages: the mail's link carries ticket and token; the page posts them with the answer.
(function () {
  const params = new URLSearchParams(location.search);
  const ticket = params.get('ticket') || '';
  const token = params.get('token') || '';
  document.querySelectorAll('[data-ticket]').forEach(el => { el.textContent = ticket; });
  const form = document.querySelector('form');
  const status = document.getElementById('status');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = { ticketNumber: ticket, token: token };
    new FormData(form).forEach((value, key) => {
      if (value === '') return;
      body[key] = form.elements[key].type === 'number' || form.elements[key].dataset.number ? Number(value)
        : form.elements[key].type === 'checkbox' ? true : value;
    });
    const response = await fetch(form.dataset.endpoint, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    });
    if (response.ok) {
      form.hidden = true;
      status.textContent = form.dataset.thanks;
    } else {
      const problem = await response.json().catch(() => ({ message: 'Please try again later.' }));
      status.textContent = problem.message;   // textContent: never interpreted as HTML
    }
  });
})();
