/*
 * Fund Monitor's additions to Cockpit, registered in config.js (customScripts): Chinese in the
 * DMN table viewer (dmn-js writes its own English) and lang="zh-CN"; and Cockpit offers only what
 * the user may see (issue 17): supervisors such as the ministry read instances and incidents but
 * not every unit's tasks (tasks stay with the units whose work they are), so Cockpit's 人工任务
 * page, its dashboard count and an instance's 用户任务 tab — which would answer them 403 — are
 * not offered unless the engine says the user may read tasks. A province or city reads its
 * subtree's tasks read-only (platform/SupervisorGrants): an instance's 用户任务 tab is offered
 * when the engine counts tasks of that instance the user may read, and without the right to work
 * tasks its assign and group controls are not offered.
 *
 * What changes an instance (suspend, cancel, add or edit a variable, retry a job or an incident,
 * annotate) or a definition (suspend it, delete it) is offered only when the engine says the user
 * may: a supervisor reads a subtree's instances and may change none of them, and Cockpit (CE)
 * shows its action buttons to everyone and answers 403 when they are clicked. Until the engine
 * has answered, they are not offered.
 */
import { startTranslating } from '../../fund-monitor/i18n.js';

startTranslating();

const MAY_READ_TASKS = 'fm-may-read-tasks';
const USER_TASKS_TAB = '用户任务';
const INSTANCE_TASKS = 'fm-instance-tasks';
const MAY_CHANGE = 'fm-may-change';

const style = document.createElement('style');
style.textContent = `
html:not(.${MAY_READ_TASKS}) li:has(> view a[href="#/tasks"]),
html:not(.${MAY_READ_TASKS}) li:has(> a[href="#/tasks"]),
html:not(.${MAY_READ_TASKS}) .stats-section.open-human-tasks,
html:not(.${MAY_READ_TASKS}):not(.${INSTANCE_TASKS}) .fm-task-tab { display: none !important; }
html:not(.${MAY_READ_TASKS}) .fm-task-controls { display: none !important; }
html:not(.${MAY_CHANGE}) .ctn-toolbar > span,
html:not(.${MAY_CHANGE}) table td.action, html:not(.${MAY_CHANGE}) table th.action,
html:not(.${MAY_CHANGE}) table td.actions, html:not(.${MAY_CHANGE}) table th.actions,
html:not(.${MAY_CHANGE}) td.annotation a { display: none !important; }`;
document.head.appendChild(style);

function engineApi() {
  const base = document.querySelector('base');
  const api = base && base.getAttribute('engine-api');
  const match = /\/app\/cockpit\/([^/]+)\//.exec(location.pathname);
  const engine = match ? match[1] : 'default';
  return api ? `${api}engine/${engine}` : null;
}

let checking = null;
let mayReadTasks = null; // unknown until the engine has answered for the logged-in user

function leaveTasks() {
  if (mayReadTasks === false && (location.hash || '').startsWith('#/tasks')) {
    location.replace('#/dashboard');
  }
}
function checkTaskRead() {
  const api = engineApi();
  if (!api) return Promise.resolve();
  if (checking) return checking;
  checking = fetch(`${api}/authorization/check?permissionName=READ&resourceName=Task&resourceType=4`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => (r.ok ? r.json() : { authorized: false }))
    .then(result => {
      mayReadTasks = result.authorized === true;
      document.documentElement.classList.toggle(MAY_READ_TASKS, mayReadTasks);
      leaveTasks();
    })
    .catch(() => document.documentElement.classList.remove(MAY_READ_TASKS))
    .finally(() => { checking = null; });
  return checking;
}

// the tasks of the instance on screen the user may read (a supervisor's: read-only), by instance
const instanceTasks = new Map();
function checkInstanceTasks() {
  const api = engineApi();
  const match = /^#\/process-instance\/([0-9a-zA-Z-]+)/.exec(location.hash || '');
  const id = match && match[1];
  const show = known => document.documentElement.classList.toggle(INSTANCE_TASKS, known === true);
  if (!api || !id) { show(false); return; }
  if (instanceTasks.has(id)) { show(instanceTasks.get(id)); return; }
  show(false);
  instanceTasks.set(id, false);
  fetch(`${api}/task/count?processInstanceId=${encodeURIComponent(id)}`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => (r.ok ? r.json() : { count: 0 }))
    .then(result => {
      instanceTasks.set(id, result.count > 0);
      if ((location.hash || '').includes(id)) show(result.count > 0);
    })
    .catch(() => instanceTasks.delete(id));
}

// whether the user may change what is on screen: an instance (UPDATE on it or UPDATE_INSTANCE on
// its definition; cancelling asks DELETE, which no one holds without UPDATE here) or a definition
// (UPDATE on it); other pages keep their controls
const mayChange = new Map();
function authorized(api, permission, resourceName, resourceType, resourceId) {
  const q = new URLSearchParams({ permissionName: permission, resourceName, resourceType,
    resourceId });
  return fetch(`${api}/authorization/check?${q}`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => (r.ok ? r.json() : { authorized: false }))
    .then(result => result.authorized === true, () => false);
}
function getJson(url) {
  return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => (r.ok ? r.json() : null), () => null);
}
function definitionKey(api, definitionId) {
  return getJson(`${api}/process-definition/${encodeURIComponent(definitionId)}`)
    .then(d => (d && d.key) || null);
}
function checkChange() {
  const api = engineApi();
  const hash = location.hash || '';
  const instance = /^#\/process-instance\/([0-9a-zA-Z-]+)/.exec(hash);
  const definition = /^#\/process-definition\/([^/?]+)/.exec(hash);
  const show = known => document.documentElement.classList.toggle(MAY_CHANGE, known === true);
  if (!api || (!instance && !definition)) { show(true); return; }
  const id = instance ? `i:${instance[1]}` : `d:${definition[1]}`;
  if (mayChange.has(id)) { show(mayChange.get(id)); return; }
  show(false);
  let answer;
  if (instance) {
    answer = authorized(api, 'UPDATE', 'ProcessInstance', 8, instance[1]).then(ok => ok
      || getJson(`${api}/process-instance/${encodeURIComponent(instance[1])}`)
        .then(pi => (pi ? definitionKey(api, pi.definitionId) : null))
        .then(key => (key ? authorized(api, 'UPDATE_INSTANCE', 'ProcessDefinition', 6, key)
          : false)));
  } else {
    answer = definitionKey(api, decodeURIComponent(definition[1]))
      .then(key => (key ? authorized(api, 'UPDATE', 'ProcessDefinition', 6, key) : false));
  }
  answer.then(ok => {
    mayChange.set(id, ok);
    if ((location.hash || "").includes(id.slice(2))) show(ok);
  });
}

function markTaskTabs() {
  document.querySelectorAll('.nav-tabs > li:not(.fm-task-tab)').forEach(li => {
    if (li.textContent.trim() === USER_TASKS_TAB) li.classList.add('fm-task-tab');
  });
  // the tab's controls that change a task (assignee, groups): not offered to a reader
  document.querySelectorAll('table.user-tasks').forEach(table => {
    table.querySelectorAll('.edit-toggle, th.action, td.action:not(.fm-task-controls)')
      .forEach(el => el.classList.add('fm-task-controls'));
  });
}

// registered before Cockpit's own router: with the answer known, #/tasks is left before Cockpit
// routes to it; then asked again (another user may have logged in). Angular reads a new address on
// popstate, which a browser fires before hashchange: both are watched, else Cockpit had already
// asked for the tasks page's figures (a 403 notification) when hashchange left it
window.addEventListener('popstate', leaveTasks);
window.addEventListener('hashchange', () => {
  leaveTasks(); checkTaskRead(); checkInstanceTasks(); checkChange();
});
new MutationObserver(markTaskTabs).observe(document.documentElement,
  { childList: true, subtree: true });
// before Cockpit starts its routes (it awaits its custom scripts): a #/tasks typed by hand goes
// back to the dashboard before the page asks for what the user may not read
await Promise.race([checkTaskRead(), new Promise(resolve => setTimeout(resolve, 3000))]);
checkInstanceTasks();
checkChange();

export default [];
