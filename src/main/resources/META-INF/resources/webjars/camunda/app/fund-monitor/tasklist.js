/*
 * Fund Monitor: Tasklist as staff need it.
 *
 * - Search finds work the way staff look for it: typing a project code (450102-2026-0001), a
 *   number or part of a project name finds the tasks whose name or summary variables (project code
 *   and name, document number, units) contain it. Tasklist's own search would match task names
 *   only and fails on a numeric term ("e.replace is not a function").
 * - 创建任务 only for those allowed to create tasks (administrators); staff do their work through
 *   the workflow's own tasks.
 * - Due dates readable: the date itself beside "到期 2 个月后", overdue cards in colour.
 * - Closing a half-filled start form (Esc, ×, 关闭) asks before discarding it.
 * - Warnings that show (issue 17; 资阳 三(三)): submitting a quarterly filing asks the engine for
 *   the instance's variables in return and shows the execution warning at once (红色预警 in red,
 *   黄色预警 in amber, with its reasons, ratios and reference); task cards and form fields naming
 *   a warning are coloured the same way.
 */
import { hasUnsavedInput } from './forms.js';
import { modulesContaining } from './webpack.js';

/** The task summary variables (platform/TaskSummaryPlugin) a free-text search also looks into. */
const SEARCHED_VARIABLES = ['projectCode', 'projectName', 'documentNo', 'recipientName',
  'applicantUnitName', 'provinceName'];

/** Tasklist's search types: the text typed is text, even when it is all digits. */
function searchTypesAsText() {
  for (const config of modulesContaining('PROCESS_INSTANCE_BUSINESS_KEY', 'JSON.parse')) {
    if (config && Array.isArray(config.types)) {
      for (const type of config.types) {
        const key = type.id && type.id.key;
        if (['name', 'description', 'processDefinitionName', 'processInstanceBusinessKey',
          'assignee', 'owner', 'candidateGroup', 'candidateUser', 'involvedUser'].includes(key)) {
          type.enforceString = true;
        }
      }
    }
  }
}

/**
 * A task list query whose free text (nameLike) also matches the summary variables: one OR query
 * with the name and each variable; kept as it is when the user built an OR query himself.
 */
export function widenTaskSearch(query) {
  if (!query || typeof query !== 'object' || typeof query.nameLike !== 'string') {
    return query;
  }
  const term = query.nameLike;
  const widened = { ...query };
  delete widened.nameLike;
  const or = {
    nameLike: term,
    processInstanceBusinessKeyLike: term,
    taskVariables: SEARCHED_VARIABLES.map((name) => ({ name, operator: 'like', value: term }))
  };
  widened.orQueries = [...(query.orQueries || []), or];
  return widened;
}

function isTaskListQuery(method, url) {
  return method === 'POST' && /\/engine\/[^/]+\/(filter\/[^/]+\/list|task)(\?|$)/.test(url);
}

const SUBMIT_FORM = /\/task\/[^/]+\/submit-form(\?|$)/;

/**
 * A quarterly filing's submission (its variables hold paidToDate) asks for the instance's
 * variables in return, so the warning the filing raised can be shown at once; any other
 * submission is left as it is.
 */
export function askForWarningInReturn(body) {
  try {
    const parsed = JSON.parse(body);
    if (parsed && parsed.variables && parsed.variables.paidToDate) {
      parsed.withVariablesInReturn = true;
      return { body: JSON.stringify(parsed), filing: true };
    }
  } catch (e) {
    // not JSON: leave it to the server
  }
  return { body, filing: false };
}

/** "红色预警…" → "red", "黄色预警…" → "yellow", "蓝色预警…" → "blue", else null. */
export function warningColour(text) {
  const value = String(text || '').trim();
  if (value.startsWith('红色预警')) {
    return 'red';
  }
  if (value.startsWith('黄色预警')) {
    return 'yellow';
  }
  if (value.startsWith('蓝色预警')) {
    return 'blue';
  }
  return null;
}

/** The submit result of a filing: its warning, in colour, until the user closes it or moves on. */
function showFilingResult(variables) {
  const level = variables.warningText && variables.warningText.value;
  if (!level) {
    return;
  }
  const details = (variables.warningDetails && variables.warningDetails.value) || '';
  document.querySelectorAll('.fm-filing-result').forEach((old) => old.remove());
  const box = document.createElement('div');
  const colour = warningColour(level) || 'none';
  box.className = `fm-filing-result fm-warning-${colour}`;
  box.setAttribute('role', 'alert');
  const title = document.createElement('strong');
  title.className = 'fm-filing-result-level';
  title.textContent = `季度填报已提交。执行监控：${level}`;
  const text = document.createElement('pre');
  text.className = 'fm-filing-result-details';
  text.textContent = details.split('\n').slice(1).join('\n')
    + (colour === 'red' ? '\n请在“本单位待办”中办理“说明或整改红色预警”。' : '');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn btn-default btn-xs fm-filing-result-close';
  close.textContent = '知道了';
  close.addEventListener('click', () => box.remove());
  box.append(title, text, close);
  document.body.appendChild(box);
  // it stays until the user closes it or goes on to other work: a click anywhere else (opening
  // the next task, say) closes it, so it never covers 认领 or 完成
  const outside = (event) => {
    if (!box.contains(event.target)) {
      box.remove();
      document.removeEventListener('click', outside, true);
    }
  };
  setTimeout(() => document.addEventListener('click', outside, true), 0);
}

/** Task cards that name a warning, and form fields holding one, in the warning's colour. */
function colourWarnings(root) {
  root.querySelectorAll('.tasks-list li.task').forEach((card) => {
    const text = card.textContent || '';
    const colour = text.includes('红色预警') ? 'red' : text.includes('黄色预警') ? 'yellow' : null;
    ['red', 'yellow'].forEach((c) => card.classList.toggle(`fm-warning-${c}`, c === colour));
  });
  root.querySelectorAll('.fjs-form-field').forEach((field) => {
    const input = field.querySelector('input, textarea');
    const colour = input && input.readOnly ? warningColour(input.value) : null;
    ['red', 'yellow', 'blue'].forEach((c) => field.classList.toggle(`fm-warning-${c}`, c === colour));
  });
}

function patchSearchRequests() {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this._fundMonitorRequest = { method: String(method).toUpperCase(), url: String(url) };
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (body) {
    const request = this._fundMonitorRequest;
    if (request && request.method === 'POST' && typeof body === 'string'
        && SUBMIT_FORM.test(request.url)) {
      const asked = askForWarningInReturn(body);
      body = asked.body;
      if (asked.filing) {
        this.addEventListener('load', () => {
          if (this.status === 200) {
            try {
              showFilingResult(JSON.parse(this.responseText));
            } catch (e) {
              // no variables came back: nothing to show
            }
          }
        });
      }
    }
    if (request && typeof body === 'string' && isTaskListQuery(request.method, request.url)
        && body.includes('"nameLike"')) {
      try {
        body = JSON.stringify(widenTaskSearch(JSON.parse(body)));
      } catch (e) {
        // not JSON: leave it to the server
      }
    }
    return send.call(this, body);
  };
}

function engineApi() {
  const base = document.querySelector('base');
  const api = (base && base.getAttribute('engine-api')) || '/camunda/api/engine/';
  const engine = (location.pathname.match(/\/app\/tasklist\/([^/]+)\//) || [])[1] || 'default';
  return api + 'engine/' + engine;
}

/** 创建任务 stays hidden unless the engine says this user may create tasks. */
async function offerCreateTaskOnlyWhenAllowed() {
  try {
    const response = await fetch(engineApi()
      + '/authorization/check?permissionName=CREATE&resourceName=Task&resourceType=7',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.ok && (await response.json()).authorized) {
      document.documentElement.classList.add('fm-may-create-task');
    }
  } catch (e) {
    // not logged in yet: checked again after the login
  }
}

/** "到期 2 个月后" gains the date itself, taken from the card's own tooltip. */
function showDueDates(root) {
  root.querySelectorAll('.due-date [am-time-ago]').forEach((span) => {
    const tooltip = span.getAttribute('uib-tooltip') || '';
    const m = /(\d{4})\D(\d{1,2})\D(\d{1,2})/.exec(tooltip);
    if (!m) {
      return;
    }
    const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    let label = span.parentElement.querySelector('.fm-due-on');
    if (!label) {
      label = document.createElement('span');
      label.className = 'fm-due-on';
      span.insertAdjacentElement('afterend', label);
    }
    const overdue = span.closest('.due-date').classList.contains('overdue');
    const text = `（${date}${overdue ? '，已逾期' : ''}）`;
    if (label.textContent !== text) {
      label.textContent = text;
    }
  });
}

/**
 * Asks in the page whether to discard what was typed (the webapps' CSP sandbox blocks
 * window.confirm); runs {@code discard} when the user says so.
 */
function askBeforeDiscarding(discard) {
  if (document.querySelector('.fm-discard-dialog')) {
    return;
  }
  const dialog = document.createElement('div');
  dialog.className = 'fm-discard-dialog';
  dialog.setAttribute('role', 'alertdialog');
  dialog.innerHTML = '<div class="fm-discard-box"><p>已填写的内容尚未提交，关闭后将丢失。</p>'
    + '<button type="button" class="btn btn-default fm-keep">继续填写</button> '
    + '<button type="button" class="btn btn-danger fm-discard">放弃并关闭</button></div>';
  document.body.appendChild(dialog);
  const close = () => dialog.remove();
  dialog.querySelector('.fm-keep').addEventListener('click', close);
  dialog.querySelector('.fm-discard').addEventListener('click', () => {
    close();
    discard();
  });
  dialog.querySelector('.fm-keep').focus();
}

/** Esc, × and 关闭 on a start form the user has typed into ask first. */
function confirmBeforeDiscarding() {
  let discarding = false;
  const closeButton = () => Array.from(document.querySelectorAll('.modal-footer button'))
    .find((b) => b.textContent.trim() === '关闭');
  const discard = (button) => () => {
    discarding = true;
    try {
      button.click();
    } finally {
      discarding = false;
    }
  };
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || discarding) {
      return;
    }
    if (document.querySelector('.fm-discard-dialog')) {
      document.querySelector('.fm-discard-dialog').remove();
      event.stopImmediatePropagation();
      event.preventDefault();
      return;
    }
    const button = closeButton();
    if (button && document.querySelector('.modal .fjs-container') && hasUnsavedInput()) {
      event.stopImmediatePropagation();
      event.preventDefault();
      askBeforeDiscarding(discard(button));
    }
  }, true);
  document.addEventListener('click', (event) => {
    const target = event.target;
    if (discarding || !target.closest || !target.closest('.modal')
        || !document.querySelector('.modal .fjs-container')) {
      return;
    }
    const button = target.closest('button, a');
    const closing = button && (button.classList.contains('close')
      || /^(关闭|返回)$/.test(button.textContent.trim()));
    const backdrop = target.classList.contains('modal') && !target.closest('.modal-dialog');
    if ((closing || backdrop) && hasUnsavedInput()) {
      event.stopImmediatePropagation();
      event.preventDefault();
      askBeforeDiscarding(discard(closing ? button : closeButton()));
    }
  }, true);
}

export function startTasklist() {
  searchTypesAsText();
  patchSearchRequests();
  confirmBeforeDiscarding();
  offerCreateTaskOnlyWhenAllowed();
  window.addEventListener('hashchange', offerCreateTaskOnlyWhenAllowed);
  let scheduled = false;
  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        showDueDates(document.body);
        colourWarnings(document.body);
      });
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true,
      attributeFilter: ['uib-tooltip', 'class', 'value'] });
}
