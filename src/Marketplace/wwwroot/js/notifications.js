// The header's notifications menu, live over /hubs/forum for signed-in members: the server sends the member's own
// connections "Notification" (a new one) and "UnreadCount"; after a reconnect the count is read again from the API.
(() => {
  "use strict";

  const menu = document.getElementById("notifications-menu");
  if (!menu || !window.ForumHub) {
    return;
  }

  const count = document.getElementById("notification-count");
  const countLabel = document.getElementById("notification-count-label");
  const list = document.getElementById("notification-list");
  const empty = document.getElementById("notifications-empty");
  const template = document.getElementById("notification-template");
  const shown = 6;
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  // Same format as ForumPageHelpers.Time on the server.
  const formatTime = (iso) => {
    const d = new Date(iso);
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
  };

  const summaries = { mention: "mentioned you", quote: "quoted you", reply: "replied" };

  const setCount = (value) => {
    const n = Math.max(0, Number(value) || 0);
    count.textContent = String(n);
    count.dataset.count = String(n);
    count.hidden = n === 0;
    countLabel.textContent = `${n} unread`;
  };

  const onNotification = (n) => {
    if (!n || list.querySelector(`[data-notification-id="${CSS.escape(String(n.id))}"]`)) {
      return;
    }
    const item = template.content.firstElementChild.cloneNode(true);
    item.dataset.notificationId = String(n.id);
    const link = item.querySelector(".notification-link");
    link.href = `/forum/threads/${encodeURIComponent(n.threadId)}#post-${Number(n.seq)}`;
    item.querySelector(".notification-summary").textContent =
      `${n.actor ? n.actor.displayName : "Someone"} ${summaries[n.kind] || summaries.reply}`;
    item.querySelector(".notification-thread").textContent = n.threadTitle || "";
    item.querySelector(".notification-excerpt").textContent = n.excerpt || "";
    const time = item.querySelector("time");
    time.dateTime = n.createdAt;
    time.textContent = formatTime(n.createdAt);
    list.prepend(item);
    while (list.children.length > shown) {
      list.lastElementChild.remove();
    }
    empty.hidden = true;
  };

  // A count read from the API is dropped if a push arrived while it was on its way: the push is newer.
  let pushes = 0;
  const refreshCount = async () => {
    const before = pushes;
    const response = await fetch("/api/forum/notifications?unread=true", { headers: { Accept: "application/json" } });
    const body = response.ok ? await response.json() : null;
    if (body && pushes === before) {
      setCount(body.unreadCount);
    }
  };

  const { connection } = window.ForumHub;
  connection.on("Notification", onNotification);
  connection.on("UnreadCount", (message) => {
    pushes += 1;
    setCount(message && message.unreadCount);
  });
  // On every (re)connection the count is read again (pushes sent while away are lost); the menu is live once it has.
  window.ForumHub.onConnected(() => {
    refreshCount()
      .catch(() => { /* the next push corrects it */ })
      .finally(() => { menu.dataset.live = "true"; });
  });
})();
