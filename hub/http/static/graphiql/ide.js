// The hub's own GraphiQL page: every script comes from this server (closed intranet).
//
// GraphiQL fetches the schema (for the Docs pane and completion) once, when it starts; the
// hub answers that only with a token, which the user pastes into the Headers tab afterwards.
// GraphiQL fetches the schema again whenever its fetcher changes: so the fetcher is made
// anew each time the headers, once they parse, carry another Authorization value.
//
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
  var url = window.location.origin + "/graphql";
  var DEFAULT_HEADERS = '{"Authorization": "Bearer "}';

  function authorization(text) {
    try {
      var parsed = JSON.parse(text || "{}");
      return parsed && typeof parsed.Authorization === "string" ? parsed.Authorization : "";
    } catch (e) {
      return null; // still being typed: keep the fetcher there is
    }
  }

  var storage = remember ? window.localStorage : window.sessionStorage;

  function storedHeaders() {
    try {
      return storage.getItem("graphiql:headers") || DEFAULT_HEADERS;
    } catch (e) {
      return DEFAULT_HEADERS;
    }
  }

  function Console() {
    var state = React.useState(authorization(storedHeaders()) || "");
    var token = state[0];
    var setToken = state[1];
    var fetcher = React.useMemo(function () {
      return GraphiQL.createFetcher({ url: url, headers: { Authorization: token } });
    }, [token]);
    return React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: firstQuery,
      defaultHeaders: DEFAULT_HEADERS,
      headerEditorEnabled: true,
      shouldPersistHeaders: true,
      storage: storage,
      defaultEditorToolsVisibility: true,
      onEditHeaders: function (text) {
        var value = authorization(text);
        if (value !== null && value !== token) {
          setToken(value);
        }
      },
    });
  }

  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(Console)
  );
})();
