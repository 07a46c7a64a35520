// An order waiting for its payment (the page Stripe's checkout returns to): asks the page for the order's state every
// second and shows it, with the timeline, as soon as the webhook has landed; after 20 s it says the payment is still
// processing and keeps asking, more slowly.
(() => {
  "use strict";

  const page = document.querySelector("[data-order-live='true']");
  if (!page) {
    return;
  }

  const status = document.getElementById("order-status");
  const statusText = document.getElementById("order-status-text");
  const timeline = document.getElementById("order-timeline");
  const library = document.getElementById("order-library");
  const waiting = document.getElementById("order-waiting");
  const pay = document.getElementById("order-pay");
  const started = Date.now();
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const pad = (n) => String(n).padStart(2, "0");
  const formatTime = (iso) => {
    const d = new Date(iso);
    return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
  };

  const show = (order) => {
    status.textContent = order.status.replace("_", " ");
    status.dataset.status = order.status;
    statusText.textContent = order.statusText;
    timeline.replaceChildren(...(order.timeline || []).map((step) => {
      const item = document.createElement("li");
      item.dataset.type = step.type;
      const time = document.createElement("time");
      time.dateTime = step.at;
      time.textContent = formatTime(step.at);
      item.append(time, `: ${step.text}`);
      return item;
    }));
    if (order.paidAt) {
      library.hidden = false;
    }
  };

  const poll = async () => {
    let done = false;
    try {
      const response = await fetch(`/orders/${page.dataset.orderId}?handler=status`, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (response.ok) {
        const order = await response.json();
        done = order.status !== "placed" && order.status !== "awaiting_payment";
        if (done) {
          show(order);
          waiting?.remove();
          pay?.remove();
        }
      }
    } catch {
      // Offline for a moment: the next poll tries again.
    }

    if (done) {
      return;
    }

    const elapsed = Date.now() - started;
    if (elapsed > 20000 && waiting) {
      waiting.textContent = "Your payment is still processing. You can leave this page: we will email your receipt as soon as Stripe confirms it.";
    }

    setTimeout(poll, elapsed > 60000 ? 5000 : 1000);
  };

  poll();
})();
