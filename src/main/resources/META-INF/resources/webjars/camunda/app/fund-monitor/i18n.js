/*
 * Fund Monitor: Chinese for the parts of the Camunda webapps that their locale files do not reach
 * (form-js and its date picker in Tasklist, the DMN table viewer in Cockpit), and lang="zh-CN".
 *
 * Those libraries write fixed English strings into the page; a MutationObserver replaces the known
 * ones inside their own containers only, so user data is never touched.
 */

const EXACT = {
  // form-js (Tasklist forms)
  'Select': '请选择',
  'Search': '搜索',
  'No results': '无匹配项',
  'Add new': '添加一行',
  'Collapse': '收起',
  'Remove list item': '删除此行',
  'Remove': '删除',
  'Increment': '增加',
  'Decrement': '减少',
  'Clear': '清除',
  'Date': '日期',
  'Time': '时间',
  'This field is required': '请填写此项',
  // form-js takes the date field's placeholder from the browser's short date; dates are yyyy-MM-dd
  'yyyy/mm/dd': 'yyyy-mm-dd',
  'mm/dd/yyyy': 'yyyy-mm-dd',
  'dd/mm/yyyy': 'yyyy-mm-dd',
  'dd.mm.yyyy': 'yyyy-mm-dd',
  // flatpickr (the date picker inside form-js)
  'Month': '月份',
  'Year': '年份',
  // dmn-js decision table viewer (Cockpit)
  'Hit Policy:': '命中策略：',
  'Hit Policy': '命中策略',
  'Hit policy:': '命中策略：',
  'Hit policy': '命中策略',
  'When': '条件（When）',
  'And': '且',
  'Then': '结果（Then）',
  'Annotations': '注释（依据）',
  'Annotation': '注释（依据）',
  'Unique': '唯一（Unique）',
  'First': '首条（First）',
  'Priority': '优先级（Priority）',
  'Any': '任一（Any）',
  'Collect': '收集（Collect）',
  'Rule order': '规则顺序（Rule order）',
  'Rule Order': '规则顺序（Rule Order）',
  'Output order': '输出顺序（Output order）',
  'Output Order': '输出顺序（Output Order）',
  'View DRD': '查看决策需求图',
  'Input': '输入',
  'Output': '输出'
};

const PATTERNS = [
  [/^Expand all \((\d+)\)$/, (m) => `全部展开（${m[1]}）`],
  [/^Collect \((Sum|Min|Max|Count)\)$/, (m) => `收集（${{ Sum: '求和', Min: '最小值', Max: '最大值', Count: '计数' }[m[1]]}）`],
  [/^Collect \(([^)]*)\)$/, (m) => `收集（${m[1]}）`]
];

/** Type names in a decision table's column headers only (a rule's cells are left as written). */
const HEADER_TYPES = {
  'string': '文本',
  'boolean': '是/否',
  'number': '数值',
  'integer': '整数',
  'long': '整数',
  'double': '数值',
  'date': '日期'
};

const ATTRIBUTES = ['placeholder', 'aria-label', 'title'];

/** Containers whose fixed English is translated. */
const SCOPES = '.fjs-container, .flatpickr-calendar, .dmn-decision-table-container, .tjs-container, .dmn-drd-container, .dmn-js-parent';

export function translate(text) {
  if (typeof text !== 'string') {
    return text;
  }
  const trimmed = text.trim();
  if (!trimmed || !/[A-Za-z]/.test(trimmed)) {
    return text;
  }
  if (Object.prototype.hasOwnProperty.call(EXACT, trimmed)) {
    return text.replace(trimmed, EXACT[trimmed]);
  }
  for (const [pattern, chinese] of PATTERNS) {
    const m = pattern.exec(trimmed);
    if (m) {
      return text.replace(trimmed, chinese(m));
    }
  }
  return text;
}

function inScope(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!(element && element.closest && element.closest(SCOPES));
}

function translateNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    if (node.parentElement && /^(SCRIPT|STYLE|TEXTAREA)$/.test(node.parentElement.tagName)) {
      return;
    }
    let translated = translate(node.data);
    const trimmed = node.data.trim();
    if (translated === node.data && Object.prototype.hasOwnProperty.call(HEADER_TYPES, trimmed)
        && node.parentElement && node.parentElement.closest('th, thead')) {
      translated = node.data.replace(trimmed, HEADER_TYPES[trimmed]);
    }
    if (translated !== node.data) {
      node.data = translated;
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  for (const name of ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value) {
      const translated = translate(value);
      if (translated !== value) {
        node.setAttribute(name, translated);
      }
    }
  }
  // user input lives in value properties, never in text nodes or these attributes
  if (node.tagName === 'TEXTAREA' || node.isContentEditable) {
    return;
  }
  for (const child of node.childNodes) {
    translateNode(child);
  }
}

function translateWithin(node) {
  if (inScope(node)) {
    translateNode(node);
  } else if (node.nodeType === Node.ELEMENT_NODE && node.querySelectorAll) {
    node.querySelectorAll(SCOPES).forEach(translateNode);
  }
}

/** Chinese month and weekday names for flatpickr, weeks from Monday (GB/T 7408). */
const FLATPICKR_ZH = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时时制',
  yearAriaLabel: '年份',
  monthAriaLabel: '月份',
  hourAriaLabel: '小时',
  minuteAriaLabel: '分钟',
  time_24hr: true,
  firstDayOfWeek: 1
};

/** Dates read and typed as yyyy-MM-dd, whatever the browser's own short date format is. */
function isoDates(fp) {
  return {
    onParseConfig() {
      if (fp.config && !fp.config.enableTime && fp.config.noCalendar !== true) {
        fp.config.dateFormat = 'Y-m-d';
      }
    }
  };
}

export function localiseDatePicker() {
  const flatpickr = window.flatpickr;
  if (!flatpickr || flatpickr._fundMonitor) {
    return;
  }
  flatpickr._fundMonitor = true;
  flatpickr.localize(FLATPICKR_ZH);
  const plugins = (flatpickr.defaultConfig && flatpickr.defaultConfig.plugins) || [];
  flatpickr.setDefaults({ plugins: [...plugins, isoDates] });
}

export function startTranslating() {
  document.documentElement.setAttribute('lang', 'zh-CN');
  localiseDatePicker();
  translateWithin(document.body);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        if (inScope(mutation.target)) {
          translateNode(mutation.target);
        }
      } else if (mutation.type === 'attributes') {
        const value = mutation.target.getAttribute(mutation.attributeName);
        const translated = translate(value);
        if (translated !== value && inScope(mutation.target)) {
          mutation.target.setAttribute(mutation.attributeName, translated);
        }
      } else {
        mutation.addedNodes.forEach(translateWithin);
      }
    }
  }).observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES
  });
}
