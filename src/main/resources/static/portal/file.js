// index.html: a customer files a complaint; the answer shows the ticket, the promised answer time, the private link.
(function () {
  const { moment, wire, language } = window.portal;
  const form = document.getElementById('file');
  const receipt = document.getElementById('receipt');
  wire(form, document.getElementById('status'), { locale: language }, answer => {
    form.hidden = true;
    document.getElementById('ticket').textContent = answer.ticketNumber;
    document.getElementById('promise').textContent = moment(answer.firstResponseDue);
    const url = new URL(answer.progressLink, location.href).toString();
    const link = document.getElementById('progress-link');
    link.textContent = url;
    link.href = url;
    document.getElementById('open-progress').href = url;
    receipt.hidden = false;
    receipt.querySelector('h2').focus();
  });
})();
