// The rate-limit notice counts down the wait the server named ("Try again in 2 minutes"), and says when the wait is
// over. Without script the notice keeps the server's words, which stay true enough.
(() => {
  "use strict";

  const notice = document.getElementById("rate-limited");
  const wait = notice && notice.querySelector(".retry-wait");
  const seconds = Number(notice && notice.dataset.retryAfter);
  if (!wait || !(seconds > 0)) {
    return;
  }

  const until = Date.now() + seconds * 1000;
  const inWords = (left) => {
    if (left < 60) {
      return left === 1 ? "1 second" : `${left} seconds`;
    }
    const minutes = Math.ceil(left / 60);
    return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  };

  const tick = () => {
    const left = Math.ceil((until - Date.now()) / 1000);
    if (left <= 0) {
      wait.textContent = "You can try again now.";
      clearInterval(timer);
      return;
    }
    wait.textContent = `Try again in ${inWords(left)}.`;
  };

  const timer = setInterval(tick, 1000);
})();
