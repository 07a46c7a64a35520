// Keeps a forum thread page live over /hubs/forum: new replies, edits, hides and restores, locks, typing, presence and badges.
// The page renders the posts it has; this joins with the highest seq rendered, and on every reconnect re-joins with
// the highest seq seen, so the server replays exactly what was missed. Posts are deduplicated by seq: a seq the page
// shows is never added twice, and a hidden post leaves the page (moderators keep it, marked), so its restore, which
// the server sends as PostCreated again, brings it back.
(() => {
  "use strict";

  const root = document.getElementById("thread");
  if (!root || !window.ForumHub || !window.ForumPost) {
    return;
  }

  const threadId = root.dataset.threadId;
  const moderator = root.dataset.moderator === "true";
  const member = root.dataset.member === "true";
  const posts = document.getElementById("posts");
  const postTemplate = document.getElementById("post-template");
  const markerTemplate = document.getElementById("new-replies-template");
  const liveState = document.getElementById("live-state");
  const presence = document.getElementById("presence");
  const typing = document.getElementById("typing");
  const announcer = document.getElementById("live-announcer");
  const lockedNotice = document.getElementById("locked-notice");
  const form = document.getElementById("reply-form");
  const textarea = form ? form.querySelector("textarea") : null;

  let lastSeq = Number(root.dataset.lastSeq) || 0;
  const typists = new Map(); // display name -> timer
  const { setHidden, sanitizedFragment } = window.ForumPost;
  const buildPost = (post) => window.ForumPost.build(postTemplate, post);
  const findPost = (seq) => posts.querySelector(`.post[data-seq="${Number(seq)}"]`);

  const insertInOrder = (article, seq) => {
    const later = [...posts.querySelectorAll(".post")].find((p) => Number(p.dataset.seq) > seq);
    posts.insertBefore(article, later || null);
  };

  const onPostCreated = (post) => {
    const seq = Number(post.seq);
    if (String(post.threadId) !== threadId || !seq) {
      return;
    }
    const shown = findPost(seq);
    if (shown) {
      if (shown.classList.contains("post-hidden")) {
        setHidden(shown, false); // a moderator's page kept it, marked: restored
        announcer.textContent = "A hidden post was restored.";
      }
      return; // a seq we already show (replay and live can overlap around a join)
    }
    const article = buildPost(post);
    if (seq <= lastSeq) {
      insertInOrder(article, seq); // restored by a moderator: back in its place, not a new reply
      announcer.textContent = "A hidden post was restored.";
      return;
    }
    article.classList.add("post-live");
    insertInOrder(article, seq);
    if (!document.getElementById("new-replies")) {
      const first = posts.querySelector(".post-live");
      posts.insertBefore(markerTemplate.content.firstElementChild.cloneNode(true), first);
    }
    lastSeq = Math.max(lastSeq, seq);
    markRead();
    clearTypist(post.author ? post.author.displayName : "");
    announcer.textContent = `New reply from ${post.author ? post.author.displayName : "a member"}.`;
  };

  const onPostEdited = (post) => {
    const article = findPost(post.seq);
    if (!article) {
      return;
    }
    article.querySelector(".post-body").replaceChildren(sanitizedFragment(post.html));
    article.querySelector(".post-edited").hidden = false;
    const source = article.querySelector(".post-edit-form textarea");
    if (source && document.activeElement !== source) {
      source.value = post.body || ""; // the author's editor follows an edit made elsewhere, unless they are typing in it
    }
  };

  const onPostHidden = (post) => {
    const article = post && (findPost(post.seq) || posts.querySelector(`.post[data-post-id="${CSS.escape(String(post.postId))}"]`));
    if (article && moderator) {
      setHidden(article, true);
    } else if (article) {
      article.remove();
    }
  };

  const onAuthorBadge = (message) => {
    if (!message || String(message.threadId) !== threadId) {
      return;
    }
    for (const article of posts.querySelectorAll(`.post[data-author-id="${CSS.escape(String(message.authorId))}"]`)) {
      window.ForumPost.setBadge(article, String(message.badge), message.on === true);
    }
  };

  const onThreadLocked = (message) => {
    const locked = message.locked !== false;
    lockedNotice.hidden = !locked;
    const composer = document.getElementById("composer");
    if (composer && !locked) {
      composer.hidden = false; // opened while locked: the reply box appears on unlock
    }
    if (form && !moderator) {
      for (const control of form.querySelectorAll("textarea, button")) {
        control.disabled = locked;
      }
    }
  };

  const renderTypists = () => {
    const names = [...typists.keys()];
    typing.textContent = names.length === 0 ? ""
      : names.length === 1 ? `${names[0]} is typing…`
      : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} are typing…`;
  };

  function clearTypist(name) {
    if (typists.has(name)) {
      clearTimeout(typists.get(name));
      typists.delete(name);
      renderTypists();
    }
  }

  const onTyping = (message) => {
    const name = message.member ? message.member.displayName : "Someone";
    clearTimeout(typists.get(name));
    typists.set(name, setTimeout(() => clearTypist(name), 4000));
    renderTypists();
  };

  const onPresence = (message) => { presence.textContent = `${Number(message.count) || 0} reading`; };

  // Replies seen live move the member's read mark, at most every few seconds and only while the page is in view.
  let readTimer = 0;
  function markRead() {
    if (!member || readTimer) {
      return;
    }
    readTimer = setTimeout(() => {
      readTimer = 0;
      if (document.visibilityState === "visible" && window.ForumHub.isConnected()) {
        connection.invoke("ReadUpTo", threadId, lastSeq).catch(() => { /* the next visit marks it */ });
      }
    }, 3000);
  }

  const { connection } = window.ForumHub;
  connection.on("PostCreated", onPostCreated);
  connection.on("PostEdited", onPostEdited);
  connection.on("PostHidden", onPostHidden);
  connection.on("AuthorBadge", onAuthorBadge);
  connection.on("ThreadLocked", onThreadLocked);
  connection.on("Typing", onTyping);
  connection.on("Presence", onPresence);

  const setState = (text, live) => {
    liveState.textContent = text;
    root.dataset.live = live ? "true" : "false";
  };

  const join = async () => {
    await connection.invoke("JoinThread", threadId, lastSeq);
    setState("Live", true);
  };

  const offline = () => setState("Offline: reload the page to catch up", false);
  window.ForumHub.onState((state) => {
    if (state === "reconnecting") {
      setState("Reconnecting…", false);
    } else if (state === "closed") {
      offline();
    }
  });
  window.ForumHub.onConnected(() => join().catch(offline));

  if (textarea) {
    let lastTyping = 0;
    textarea.addEventListener("input", () => {
      const now = Date.now();
      if (now - lastTyping < 2000 || !window.ForumHub.isConnected()) {
        return;
      }
      lastTyping = now;
      connection.invoke("Typing", threadId).catch(() => { /* not allowed to post here: no indicator */ });
    });
  }
})();
