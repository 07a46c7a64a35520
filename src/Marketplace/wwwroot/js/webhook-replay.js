// The admin webhooks page after a replay (?replayed={eventId}): follows the event over GET /api/admin/webhooks/{id}
// until it has an outcome, and updates its row in place, so the admin sees the result without reloading.
(() => {
  "use strict";

  const table = document.querySelector("table.webhook-events[data-replayed]");
  const eventId = table ? table.dataset.replayed : "";
  const row = eventId ? table.querySelector(`tr[data-event-id="${CSS.escape(eventId)}"]`) : null;
  const announcer = document.getElementById("replay-announcer");
  if (!row) {
    return;
  }

  const show = (event) => {
    const badge = row.querySelector(".event-outcome .badge");
    badge.textContent = event.status;
    badge.className = "badge" + (event.status === "processed" ? " badge-on" : event.status === "failed" || event.status === "retrying" ? " badge-warn" : "");
    row.querySelector(".event-attempts").textContent =
      `${event.attempts} ${event.attempts === 1 ? "attempt" : "attempts"}${event.replays > 0 ? `, ${event.replays} replayed` : ""}`;
    const error = row.querySelector(".event-error");
    error.textContent = event.error || "";
    error.hidden = !event.error;
  };

  let tries = 0;
  const follow = async () => {
    tries++;
    try {
      const response = await fetch(`/api/admin/webhooks/${encodeURIComponent(eventId)}`, { headers: { Accept: "application/json" } });
      if (response.ok) {
        const event = await response.json();
        show(event);
        if (event.status !== "received" && event.status !== "retrying") {
          announcer.textContent = `The replay of ${event.type} ended: ${event.status}.`;
          return;
        }
      }
    } catch {
      // try again below
    }
    if (tries < 30) {
      setTimeout(follow, 1000);
    }
  };
  follow();
})();
