// Client-side navigation: the gateway answers any page path with index.html.
export function go(path: string) {
  history.pushState(null, "", path);
  dispatchEvent(new PopStateEvent("popstate"));
}
