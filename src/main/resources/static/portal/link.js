// link.html: a customer who lost their private link asks for a new one by mail; the answer never says whether
// the ticket exists.
(function () {
  const { link, wire } = window.portal;
  const form = document.getElementById('new-link');
  const status = document.getElementById('status');
  form.elements.ticketNumber.value = link().ticketNumber;
  wire(form, status, {}, answer => {
    form.hidden = true;
    status.textContent = answer.message;
    status.className = 'status done';
  });
})();
