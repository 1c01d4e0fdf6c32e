/**
 * The IDE's HTTP routes: the GraphiQL page for a browser that GETs the API's path (it sends
 * `Accept: text/html` and no `query`), and the page's assets under `/ide/`. Everything else is
 * left to the API. Danger: the page must never answer a GET that carries a query, or GET
 * operations from scripts would receive HTML.
 */
import type http from 'node:http';
import { EXAMPLE_TABS } from './exampleTabs';
import { graphiqlPage, IDE_CONTENT_SECURITY_POLICY } from './graphiqlPage';
import { IDE_ASSET_PREFIX, ideAsset } from './ideAssets';

/** Answers the request when it is the IDE's; returns false to let the API handle it. */
export type IdeRoutes = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => boolean;

function wantsHtml(req: http.IncomingMessage, url: URL): boolean {
  const accept = req.headers.accept ?? '';
  return req.method === 'GET' && accept.includes('text/html') && !url.searchParams.has('query');
}

/** The IDE's routes, for an API served at `endpointPath`. */
export function createIdeRoutes(endpointPath = '/graphql'): IdeRoutes {
  const page = graphiqlPage(endpointPath, EXAMPLE_TABS);
  return (req, res, url) => {
    if (
      url.pathname.startsWith(IDE_ASSET_PREFIX) &&
      (req.method === 'GET' || req.method === 'HEAD')
    ) {
      const asset = ideAsset(url.pathname.slice(IDE_ASSET_PREFIX.length));
      if (!asset) return false;
      res.writeHead(200, {
        'content-type': asset.contentType,
        'content-length': asset.body.length,
        'cache-control': 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : asset.body);
      return true;
    }
    if ((url.pathname === endpointPath || url.pathname === '/') && wantsHtml(req, url)) {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': IDE_CONTENT_SECURITY_POLICY,
      });
      res.end(page);
      return true;
    }
    return false;
  };
}
