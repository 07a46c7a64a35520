// The Quote action of a thread page's posts: the server's quote of the post (ForumMarkdown.Quote, from
// GET /api/forum/posts/{id}/quote) goes into the reply composer. Without script the link reloads the page with
// ?quote={postId}, which fills the composer on the server; that is also the fallback when the request fails.
(() => {
  "use strict";

  const posts = document.getElementById("posts");
  const form = document.getElementById("reply-form");
  const textarea = form ? form.querySelector("textarea") : null;
  if (!posts || !textarea) {
    return;
  }

  posts.addEventListener("click", async (event) => {
    const link = event.target instanceof Element ? event.target.closest(".post-quote") : null;
    const article = link ? link.closest(".post") : null;
    if (!link || !article || textarea.disabled) {
      return;
    }
    event.preventDefault();
    try {
      const response = await fetch(`/api/forum/posts/${encodeURIComponent(article.dataset.postId)}/quote`, {
        headers: { Accept: "application/json" },
      });
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      const quote = (await response.json()).markdown;
      const before = textarea.value.replace(/\s+$/, "");
      textarea.value = before ? `${before}\n\n${quote}` : quote;
      textarea.focus();
      textarea.setSelectionRange(textarea.value.length, textarea.value.length);
      textarea.scrollIntoView({ block: "center" });
    } catch {
      window.location.href = link.href;
    }
  });
})();
