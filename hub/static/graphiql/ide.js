// The hub's own GraphiQL page: every script comes from this server (closed intranet).
//
// GraphiQL fetches the schema (for the Docs pane and completion) once, when it starts; the
// hub answers that only with a token, which the user pastes into the Headers tab afterwards.
// GraphiQL fetches the schema again whenever its fetcher changes: so the fetcher is made
// anew each time the headers, once they parse, carry another Authorization value.
(function () {
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

  function storedHeaders() {
    try {
      return window.localStorage.getItem("graphiql:headers") || DEFAULT_HEADERS;
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
