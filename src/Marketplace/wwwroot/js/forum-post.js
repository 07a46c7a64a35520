// Renders forum posts on the client exactly as the server's _Post partial does, for forum-thread.js.
// The HTML a post carries is the server's sanitized rendering (ForumMarkdown + HtmlSanitizer), parsed inertly in a
// template; the Markdown body is never turned into markup here.
window.ForumPost = (() => {
  "use strict";

  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  // Same format as ForumPageHelpers.Time on the server.
  const formatTime = (iso) => {
    const d = new Date(iso);
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
  };

  const sanitizedFragment = (html) => {
    const holder = document.createElement("template");
    holder.innerHTML = html;
    return holder.content;
  };

  const postIdPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

  // The count of a post's Like block (_LikeForm), and whether the reader's Like button shows pressed.
  const setLikes = (form, likes, liked) => {
    const count = Math.max(0, Number(likes) || 0);
    form.querySelector(".post-like-number").textContent = String(count);
    form.querySelector(".post-like-label").textContent = count === 1 ? "like" : "likes";
    const button = form.querySelector(".post-like-button");
    if (button && typeof liked === "boolean") {
      button.setAttribute("aria-pressed", liked ? "true" : "false");
      form.querySelector("input[name='unlike']").value = liked ? "true" : "false";
    }
  };

  const build = (template, post) => {
    const article = template.content.firstElementChild.cloneNode(true);
    const id = `post-${Number(post.seq)}`;
    article.id = id;
    article.dataset.seq = String(Number(post.seq));
    article.dataset.postId = post.postId;
    article.dataset.authorId = post.author ? String(post.author.id) : "";
    article.setAttribute("aria-labelledby", `${id}-author`);
    const author = article.querySelector(".post-author");
    author.id = `${id}-author`;
    author.textContent = post.author ? post.author.displayName : "";
    const badges = article.querySelector(".post-badges");
    for (const badge of (post.author && post.author.badges) || []) {
      const span = document.createElement("span");
      span.className = "badge";
      span.textContent = badge;
      badges.append(span);
    }
    if (!badges.hasChildNodes()) {
      badges.remove();
    }
    const time = article.querySelector("time");
    time.dateTime = post.createdAt;
    time.textContent = formatTime(post.createdAt);
    article.querySelector(".post-edited").hidden = !post.editedAt;
    const link = article.querySelector(".post-seq");
    link.href = `#${id}`;
    link.textContent = `#${Number(post.seq)}`;
    link.setAttribute("aria-label", `Link to post ${Number(post.seq)}`);
    article.querySelector(".post-body").append(sanitizedFragment(post.html));
    const flag = article.querySelector(".post-flag");
    if (flag) {
      // Nobody flags their own post: the reader's id is on the thread (data-reader-id).
      const reader = document.querySelector("[data-reader-id]");
      if (reader && post.author && reader.dataset.readerId === String(post.author.id)) {
        flag.remove();
      } else {
        const form = flag.querySelector("form");
        form.action = form.action.replace(postIdPattern, encodeURIComponent(post.postId));
      }
    }
    const like = article.querySelector(".post-like");
    if (like) {
      like.action = like.action.replace(postIdPattern, encodeURIComponent(post.postId));
      const reader = document.querySelector("[data-reader-id]");
      if (reader && post.author && reader.dataset.readerId === String(post.author.id)) {
        for (const control of like.querySelectorAll("input[name='unlike'], .post-like-button")) {
          control.remove(); // nobody likes their own post; the count stays
        }
      }
      const label = like.querySelector(".post-like-button .visually-hidden");
      if (label) {
        label.textContent = ` post ${Number(post.seq)}`;
      }
      setLikes(like, post.likes);
    }
    const menu = article.querySelector(".post-menu");
    if (menu) {
      const reader = document.querySelector("[data-reader-id]");
      const edit = menu.querySelector(".post-edit-form");
      if (edit && !(reader && post.author && reader.dataset.readerId === String(post.author.id))) {
        edit.remove(); // only the author edits from the page
      } else if (edit) {
        edit.querySelector("textarea").value = post.body || "";
      }
      for (const input of menu.querySelectorAll("input[name=postId]")) {
        input.value = post.postId;
      }
      menu.querySelector("summary").setAttribute("aria-label", `More actions for post ${Number(post.seq)}`);
      if (!menu.querySelector("form")) {
        menu.remove();
      }
    }
    const quote = article.querySelector(".post-quote");
    if (quote) {
      quote.href = `?quote=${encodeURIComponent(post.postId)}#reply-form`;
      quote.setAttribute("aria-label", `Quote post ${Number(post.seq)} by ${post.author ? post.author.displayName : "a member"}`);
    }
    return article;
  };

  const setHidden = (article, hidden) => {
    article.classList.toggle("post-hidden", hidden);
    let badge = article.querySelector(".post-hidden-badge");
    if (hidden && !badge) {
      badge = document.createElement("span");
      badge.className = "badge badge-warn post-hidden-badge";
      badge.textContent = "Hidden";
      article.querySelector(".post-meta").append(badge);
    } else if (!hidden && badge) {
      badge.remove();
    }
    const hide = article.querySelector(".post-hide-form");
    const restore = article.querySelector(".post-restore-form");
    if (hide && restore) {
      hide.hidden = hidden;
      restore.hidden = !hidden;
    }
  };

  // A member's badge turned on or off on a post already shown (the verified-buyer badge as a payment lands or is refunded).
  const setBadge = (article, badge, on) => {
    let badges = article.querySelector(".post-badges");
    const shown = badges ? [...badges.querySelectorAll(".badge")].find((b) => b.textContent === badge) : null;
    if (on && !shown) {
      if (!badges) {
        badges = document.createElement("span");
        badges.className = "post-badges";
        article.querySelector(".post-author").after(badges);
      }
      const span = document.createElement("span");
      span.className = "badge";
      span.textContent = badge;
      badges.append(span);
    } else if (!on && shown) {
      shown.remove();
      if (!badges.hasChildNodes()) {
        badges.remove();
      }
    }
  };

  return { build, setHidden, setBadge, setLikes, sanitizedFragment };
})();
