/*
 * The webpack module registry the Camunda webapps share (lib/runtime.js): pushing an empty chunk
 * with a runtime callback hands over its require function, through which Tasklist's own modules
 * (form-js, the search configuration) are reached and adjusted where their code cannot be.
 */
export function webpackRequire() {
  const chunks = self.webpackChunkcamunda_bpm_webapp;
  if (!chunks) {
    return null;
  }
  let require = null;
  chunks.push([['fund-monitor-' + Date.now() + Math.random()], {}, (r) => {
    require = r;
  }]);
  return require;
}

/** The exports of every loaded module whose source contains all the given marks. */
export function modulesContaining(...marks) {
  const require = webpackRequire();
  if (!require || !require.m) {
    return [];
  }
  const found = [];
  for (const id of Object.keys(require.m)) {
    const source = Function.prototype.toString.call(require.m[id]);
    if (marks.every((mark) => source.includes(mark))) {
      found.push(require(id));
    }
  }
  return found;
}
