/**
 * The IDE's one script of its own: it mounts GraphiQL with the endpoint and example tabs the page
 * carries in its JSON block. Kept out of the page so the page's policy can forbid inline scripts.
 * Danger: it runs in old and new browsers alike, so it is plain ES5, not TypeScript output.
 */

/**
 * The script that mounts GraphiQL, served as `/ide/ide.js` (no inline script, so the policy can
 * forbid them). It reads the endpoint and the tabs from the page's JSON block.
 */
export const IDE_BOOT_SCRIPT = `(function () {
  var config = JSON.parse(document.getElementById('ide-config').textContent);
  document.documentElement.style.height = '100%';
  document.body.style.height = '100%';
  document.body.style.margin = '0';
  var mount = document.getElementById('graphiql');
  mount.style.height = '100%';
  var endpoint = new URL(config.endpoint, window.location.href).toString();
  var root = ReactDOM.createRoot(mount);
  root.render(React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: endpoint }),
    defaultTabs: config.tabs,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
  }));
})();
`;
