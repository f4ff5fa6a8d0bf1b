// The hub's own GraphiQL page: every script comes from this server (closed intranet).
(function () {
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
      defaultEditorToolsVisibility: true,
    })
  );
})();
