// The trace tool: sends the suspected copy to POST /api/forensics/trace and says what was found, in words.
(() => {
  const form = document.querySelector('[data-trace-form]');
  if (!form) return;
  const input = form.querySelector('input[type=file]');
  const button = form.querySelector('button[type=submit]');
  const result = document.getElementById('trace-result');

  const line = (label, value) => {
    const p = document.createElement('p');
    const strong = document.createElement('strong');
    strong.textContent = `${label}: `;
    p.append(strong, value);
    return p;
  };

  const show = (heading, lines, found) => {
    const h = document.createElement('h2');
    h.textContent = heading;
    result.replaceChildren(h, ...lines);
    result.classList.toggle('notice-warning', !found);
    result.hidden = false;
  };

  const explain = (status, text) => {
    try {
      const problem = JSON.parse(text);
      const fieldErrors = problem.errors ? Object.values(problem.errors).flat() : [];
      return fieldErrors.length ? fieldErrors.join(' ') : (problem.detail || problem.title);
    } catch { return `The trace failed (${status}).`; }
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = input.files[0];
    if (!file) return;
    const body = new FormData();
    body.append('file', file, file.name);
    button.disabled = true;
    show('Tracing…', [document.createTextNode(`Reading the marks of ${file.name}.`)], true);
    try {
      const response = await fetch(form.action, { method: 'POST', body, headers: { 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin' });
      const text = await response.text();
      if (!response.ok) {
        show(response.status === 404 ? 'No mark found' : 'Could not trace this file', [document.createTextNode(explain(response.status, text))], false);
        return;
      }
      const traced = JSON.parse(text);
      const lines = [line('Order', traced.orderId)];
      if (traced.entitlementId) lines.push(line('Purchase (entitlement)', traced.entitlementId));
      if (traced.productId) lines.push(line('Product', traced.productId));
      if (traced.buyer) lines.push(line('Buyer', `${traced.buyer.name}${traced.buyer.email ? ` <${traced.buyer.email}>` : ''}`));
      lines.push(line('Evidence', traced.evidence));
      show(`${file.name} was made for order ${traced.orderId}`, lines, true);
    } catch {
      show('Could not trace this file', [document.createTextNode('The connection broke off. Try again.')], false);
    } finally {
      button.disabled = false;
    }
  });
})();
