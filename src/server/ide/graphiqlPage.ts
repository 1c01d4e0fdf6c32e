/**
 * The IDE's HTML page: GraphiQL mounted on `/graphql` of the same origin, with the example tabs,
 * the docs explorer and the header editor (where a user sets `Authorization`). Every script and
 * stylesheet it names is one of the gateway's own assets, and its content security policy says
 * so to the browser. Danger: the tabs are embedded in a JSON script element, so their JSON is
 * escaped against `</script>`.
 */
import { IDE_ASSET_PREFIX } from './ideAssets';
import type { ExampleTab } from './exampleTabs';

/** JSON that is safe inside an HTML script element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, ' ');
}

/**
 * What the page allows itself: scripts, styles, fonts and requests from the gateway's own origin
 * only (fonts and icons may also be inline `data:` URLs, as GraphiQL's stylesheet has them), so a
 * browser enforces what the browser test checks. Inline style attributes stay allowed for React.
 */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The page for a browser that opens the API's path (`endpointPath`, e.g. `/graphql`). */
export function graphiqlPage(endpointPath: string, tabs: readonly ExampleTab[]): string {
  const asset = (name: string) => `${IDE_ASSET_PREFIX}${name}`;
  const config = scriptJson({ endpoint: endpointPath, tabs });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>syncjobs-gateway · GraphiQL</title>
<link rel="icon" type="image/svg+xml" href="${asset('favicon.svg')}">
<link rel="stylesheet" href="${asset('graphiql.min.css')}">
</head>
<body>
<div id="graphiql">Loading the IDE…</div>
<script type="application/json" id="ide-config">${config}</script>
<script src="${asset('react.production.min.js')}"></script>
<script src="${asset('react-dom.production.min.js')}"></script>
<script src="${asset('graphiql.min.js')}"></script>
<script src="${asset('ide.js')}"></script>
</body>
</html>
`;
}
