// The hub's own GraphiQL page: every script comes from this server (closed intranet).
// The token pasted into Headers is kept for this tab only (sessionStorage) and gone when the
// tab closes, unless the user ticks "remember" for this computer (localStorage).
(function () {
  var REMEMBER = "hub:remember-token";
  var remember = window.localStorage.getItem(REMEMBER) === "1";
  if (!remember) {
    // Drop what an earlier page (or an earlier "remember") left on this computer.
    Object.keys(window.localStorage)
      .filter(function (key) { return key.indexOf("graphiql:") === 0; })
      .forEach(function (key) { window.localStorage.removeItem(key); });
  }
  var box = document.getElementById("remember");
  box.checked = remember;
  box.addEventListener("change", function () {
    if (box.checked) {
      window.localStorage.setItem(REMEMBER, "1");
    } else {
      window.localStorage.removeItem(REMEMBER);
    }
    window.location.reload();
  });
  var firstQuery = JSON.parse(document.getElementById("first-query").textContent || '""');
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + "/graphql" });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: firstQuery,
      defaultHeaders: '{"Authorization": "Bearer "}',
      headerEditorEnabled: true,
      shouldPersistHeaders: true,
      storage: remember ? window.localStorage : window.sessionStorage,
      defaultEditorToolsVisibility: true,
    })
  );
})();
