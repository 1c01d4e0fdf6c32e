/**
 * The IDE's HTML page: GraphiQL mounted on `/graphql` of the same origin, with the example tabs,
 * the docs explorer and the header editor (where a user sets `Authorization`). Every script and
 * stylesheet it names is one of the gateway's own assets. Danger: the tabs are embedded in a
 * script element, so their JSON is escaped against `</script>`.
 */
import { IDE_ASSET_PREFIX } from './ideAssets';
import type { ExampleTab } from './exampleTabs';

/** JSON that is safe inside an HTML script element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, ' ');
}

/** The page for a browser that opens the API's path (`endpointPath`, e.g. `/graphql`). */
export function graphiqlPage(endpointPath: string, tabs: readonly ExampleTab[]): string {
  const asset = (name: string) => `${IDE_ASSET_PREFIX}${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>syncjobs-gateway · GraphiQL</title>
<link rel="icon" type="image/svg+xml" href="${asset('favicon.svg')}">
<link rel="stylesheet" href="${asset('graphiql.min.css')}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading the IDE…</div>
<script src="${asset('react.production.min.js')}"></script>
<script src="${asset('react-dom.production.min.js')}"></script>
<script src="${asset('graphiql.min.js')}"></script>
<script>
(function () {
  var endpoint = new URL(${scriptJson(endpointPath)}, window.location.href).toString();
  var fetcher = GraphiQL.createFetcher({ url: endpoint });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultTabs: ${scriptJson(tabs)},
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
  }));
})();
</script>
</body>
</html>
`;
}
