// One connection to /hubs/forum per page, shared by the header's notifications menu and a live thread: the server
// sends a member's notifications to every connection of theirs, so a second one would only double the traffic.
// Scripts register their handlers while the page loads; the connection starts once it has loaded, so none is missed.
window.ForumHub = (() => {
  "use strict";

  if (typeof signalR === "undefined") {
    return null;
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/forum")
    .withAutomaticReconnect()
    .build();
  const connectedCallbacks = [];
  const stateCallbacks = [];
  const report = (state) => stateCallbacks.forEach((callback) => callback(state));
  const connected = (reconnected) => {
    report("connected");
    connectedCallbacks.forEach((callback) => callback(reconnected));
  };

  connection.onreconnecting(() => report("reconnecting"));
  connection.onreconnected(() => connected(true));
  connection.onclose(() => report("closed"));

  // withAutomaticReconnect covers drops after the first connection; this covers a first attempt that fails.
  const start = async (attempt) => {
    try {
      await connection.start();
      connected(attempt > 0);
    } catch {
      report("reconnecting");
      setTimeout(() => start(attempt + 1), Math.min(30000, 1000 * 2 ** attempt));
    }
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => start(0), { once: true });
  } else {
    setTimeout(() => start(0), 0);
  }

  return {
    connection,
    /** Runs after every connection: callback(true) after a reconnection, when whatever was missed must be caught up. */
    onConnected: (callback) => connectedCallbacks.push(callback),
    /** "connected", "reconnecting" or "closed" (automatic reconnection gave up). */
    onState: (callback) => stateCallbacks.push(callback),
    isConnected: () => connection.state === signalR.HubConnectionState.Connected,
  };
})();
