// The Like button of each post on a thread page: without script it is a plain form post (/forum/posts/{id}/like);
// with it, a call to the API that updates the count in place. Counts that change elsewhere arrive over the hub
// (PostLikes). A refusal the page should explain (the reader's own post, a suspension) falls back to the form post.
(() => {
  "use strict";

  const posts = document.getElementById("posts");
  if (!posts || !window.ForumPost) {
    return;
  }

  const { setLikes } = window.ForumPost;
  const likeFormOf = (postId) => {
    const article = posts.querySelector(`.post[data-post-id="${CSS.escape(String(postId))}"]`);
    return article ? article.querySelector("form.post-like") : null;
  };

  posts.addEventListener("submit", async (event) => {
    const form = event.target instanceof HTMLFormElement && event.target.matches("form.post-like") ? event.target : null;
    const postId = form && form.closest(".post") ? form.closest(".post").dataset.postId : "";
    const button = form ? form.querySelector(".post-like-button") : null;
    if (!postId || !button) {
      return;
    }
    event.preventDefault();
    const unlike = form.querySelector("input[name='unlike']").value === "true";
    button.disabled = true;
    try {
      const response = await fetch(`/api/forum/posts/${encodeURIComponent(postId)}/like`, {
        method: unlike ? "DELETE" : "POST",
        headers: { Accept: "application/json", "X-Requested-With": "XMLHttpRequest" },
        credentials: "same-origin",
      });
      if (!response.ok) {
        form.submit(); // the page says why
        return;
      }
      const result = await response.json();
      setLikes(form, result.likes, result.liked === true);
    } catch {
      form.submit();
    } finally {
      button.disabled = false;
    }
  });

  if (window.ForumHub) {
    window.ForumHub.connection.on("PostLikes", (message) => {
      const form = message ? likeFormOf(message.postId) : null;
      if (form) {
        setLikes(form, message.likes);
      }
    });
  }
})();
