/*
 * Fund Monitor: what Camunda Forms need in Tasklist 7.24 that its bundled form-js does not do.
 *
 * - Dynamic lists: form-js clears a list field's error by leaving an empty entry ({"Field_x": []})
 *   in the errors object, and Tasklist keeps 完成/发起 disabled while that object has any key
 *   (bpmn-io/form-js #1494; Camunda 7 CE gets no new release). Empty entries are pruned here.
 * - Amounts (元): a textfield with the custom property "amount" accepts 12500000, 12500000.5 or
 *   12,500,000.50, refuses anything else with a Chinese message (never rounds, never reads a
 *   comma as a decimal point) and shows the amount grouped: 12,500,000.50.
 * - Validation messages in Chinese.
 * - Whether the open form has unsaved input (the start form asks before it is discarded).
 *
 * The form-js class is Tasklist's own (found in the webpack module registry it shares), so the
 * patch holds for every form Tasklist renders, start forms and task forms alike.
 */

import { modulesContaining } from './webpack.js';

const AMOUNT_PLAIN = /^\d+(\.\d+)?$/;
const AMOUNT_GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/** The problem with an amount as typed, or null when it is a valid amount in yuan. */
export function amountProblem(text) {
  if (text === null || text === undefined) {
    return null;
  }
  const value = String(text).trim();
  if (value === '') {
    return null;
  }
  if (/^[-−－]/.test(value)) {
    return '金额不能为负数';
  }
  if (/[，．。]/.test(value)) {
    return '请用半角数字、半角逗号和小数点填写金额，如 12,500,000.00';
  }
  if (value.includes(',') && !AMOUNT_GROUPED.test(value)) {
    return AMOUNT_PLAIN.test(value.replace(/,/g, ''))
      ? '千位分隔符位置不对：应每三位一个逗号，如 12,500,000.00'
      : '请填写以元为单位的金额，如 12500000 或 12,500,000.00';
  }
  if (!AMOUNT_PLAIN.test(value.replace(/,/g, ''))) {
    return '请填写以元为单位的金额，如 12500000 或 12,500,000.00';
  }
  const decimals = value.includes('.') ? value.split('.')[1].length : 0;
  if (decimals > 2) {
    return '金额最多保留两位小数（到分），请核对后重填（不会自动四舍五入）';
  }
  if (value.replace(/,/g, '').split('.')[0].replace(/^0+(?=\d)/, '').length > 13) {
    return '金额超过上限（1万亿元），请核对单位是否为元';
  }
  return null;
}

/** 12500000.5 → "12,500,000.50"; anything that is not a valid amount is returned as it is. */
export function formatAmount(value) {
  if (value === null || value === undefined || value === '') {
    return value;
  }
  const text = String(value).trim();
  if (amountProblem(text) !== null) {
    return value;
  }
  const [whole, fraction = ''] = text.replace(/,/g, '').split('.');
  const digits = whole.replace(/^0+(?=\d)/, '');
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + (fraction + '00').slice(0, 2);
}

const MESSAGES = [
  [/^Field is required\.$/, () => '请填写此项'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `至少填写 ${m[1]} 个字`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `不能超过 ${m[1]} 个字`],
  [/^Field must match pattern .+\.$/, () => '格式不正确'],
  [/^Value is not a number\.$/, () => '请填写数字'],
  [/^Value is expected to be an integer\.$/, () => '请填写整数'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `最多保留 ${m[1]} 位小数`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `请填写有效的值，最接近的两个有效值是 ${m[1]} 和 ${m[2]}`],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱'],
  [/^Field must be a valid +international phone number.*$/, () => '请填写有效的电话号码']
];

export function translateMessage(message) {
  for (const [pattern, chinese] of MESSAGES) {
    const m = pattern.exec(message);
    if (m) {
      return chinese(m);
    }
  }
  return message;
}

/** Drops error entries that hold no error: undefined, empty arrays, lists of empty entries. */
export function pruneErrors(errors) {
  if (!errors || typeof errors !== 'object') {
    return errors;
  }
  const result = {};
  for (const [key, value] of Object.entries(errors)) {
    if (!isEmptyError(value)) {
      result[key] = value;
    }
  }
  return result;
}

function isEmptyError(value) {
  if (value === undefined || value === null) {
    return true;
  }
  if (Array.isArray(value)) {
    // a field's own errors are strings; a list field holds one entry per item (sparse or not)
    return value.every((entry) => entry === undefined || entry === null || isEmptyError(entry));
  }
  if (typeof value === 'object') {
    return Object.values(value).every(isEmptyError);
  }
  return false; // a message
}

function countErrors(value) {
  if (typeof value === 'string') {
    return 1;
  }
  if (Array.isArray(value)) {
    // a field's own messages count once; a list counts each item's fields
    return value.every((entry) => typeof entry === 'string') ? (value.length ? 1 : 0)
      : value.reduce((sum, entry) => sum + (entry ? countErrors(entry) : 0), 0);
  }
  if (value && typeof value === 'object') {
    return Object.values(value).reduce((sum, entry) => sum + countErrors(entry), 0);
  }
  return 0;
}

function isAmountField(field) {
  return !!(field && field.properties && field.properties.amount);
}

/** Formats the amounts of the data a form opens with, top level and inside lists. */
function formatAmounts(components, data) {
  if (!data || typeof data !== 'object') {
    return data;
  }
  const result = { ...data };
  for (const component of components || []) {
    if (component.type === 'dynamiclist' && component.path && Array.isArray(result[component.path])) {
      result[component.path] = result[component.path].map((item) =>
        formatAmounts(component.components, item));
    } else if (component.components) {
      Object.assign(result, formatAmounts(component.components, result));
    } else if (isAmountField(component) && component.key in result) {
      result[component.key] = formatAmount(result[component.key]);
    }
  }
  return result;
}

/** form-js's Form class as Tasklist uses it (the same module instance). */
function findFormClass() {
  for (const exported of modulesContaining('"form.clear"', 'validateFieldInstance')) {
    if (exported && exported.Form && exported.Form.prototype._setState) {
      return exported.Form;
    }
  }
  return null;
}

const patchedValidators = new WeakSet();

function patchValidator(validator) {
  const proto = Object.getPrototypeOf(validator);
  if (patchedValidators.has(proto)) {
    return;
  }
  patchedValidators.add(proto);
  const validate = proto.validateFieldInstance;
  proto.validateFieldInstance = function (fieldInstance, value) {
    const field = this._formFieldRegistry && this._formFieldRegistry.get(fieldInstance.id);
    let errors = validate.call(this, fieldInstance, value).map(translateMessage);
    if (isAmountField(field)) {
      const problem = amountProblem(value);
      if (problem) {
        errors = [...errors, problem];
      }
    }
    if (field && field.properties && field.properties.patternMessage) {
      errors = errors.map((e) => (e === '格式不正确' ? field.properties.patternMessage : e));
    }
    return errors;
  };
}

/** Every form currently open, with whether its user typed something since it opened. */
const openForms = new Set();

export function hasUnsavedInput() {
  for (const form of openForms) {
    if (form._fundMonitorDirty && form._container && document.body.contains(form._container)) {
      return true;
    }
  }
  return false;
}

function onBlurFormatAmount(form, event) {
  const input = event.target;
  if (!input || input.tagName !== 'INPUT' || !input.id) {
    return;
  }
  const field = fieldOfInput(form, input);
  if (!isAmountField(field)) {
    return;
  }
  const formatted = formatAmount(input.value);
  if (formatted !== input.value && typeof formatted === 'string') {
    input.value = formatted;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/** form-js names inputs fjs-form-<formId>-<fieldId>, with a suffix per list item. */
function fieldOfInput(form, input) {
  const registry = form.get('formFieldRegistry');
  const all = registry.getAll ? registry.getAll() : [];
  let best = null;
  for (const field of all) {
    if (input.id.includes('-' + field.id) && (!best || field.id.length > best.id.length)) {
      best = field;
    }
  }
  return best;
}

export function patchForms() {
  const Form = findFormClass();
  if (!Form) {
    console.warn('Fund Monitor: form-js not found, forms are not patched');
    return false;
  }
  const proto = Form.prototype;
  if (proto._fundMonitorPatched) {
    return true;
  }
  proto._fundMonitorPatched = true;

  const setState = proto._setState;
  proto._setState = function (state) {
    if (state && state.errors) {
      state = { ...state, errors: pruneErrors(state.errors) };
    }
    return setState.call(this, state);
  };

  // on 完成 / 发起 with errors: Tasklist shows the thrown errors object's message, so it says
  // how many fields need attention, and the first one scrolls into view
  const validate = proto.validate;
  proto.validate = function () {
    const errors = pruneErrors(validate.call(this));
    const count = countErrors(errors);
    if (count > 0) {
      Object.defineProperty(errors, 'message', {
        value: `表单中有 ${count} 处需要填写或修改，已在相应栏目下用红字标出`,
        enumerable: false
      });
      const container = this._container;
      requestAnimationFrame(() => {
        const first = container && container.querySelector('.fjs-form-field-error');
        if (first) {
          first.scrollIntoView({ block: 'center' });
        }
      });
    }
    return errors;
  };

  const importSchema = proto.importSchema;
  proto.importSchema = function (schema, data, ...rest) {
    patchValidator(this.get('validator'));
    openForms.add(this);
    this._fundMonitorDirty = false;
    if (!this._fundMonitorListening) {
      this._fundMonitorListening = true;
      // typed or chosen by the user (not a value a component sets while it opens)
      const touched = (event) => {
        if (event.isTrusted) {
          this._fundMonitorDirty = true;
        }
      };
      this._container.addEventListener('input', touched, true);
      this._container.addEventListener('change', touched, true);
      this.on('form.destroy', () => openForms.delete(this));
      this._container.addEventListener('focusout', (event) => onBlurFormatAmount(this, event), true);
    }
    return importSchema.call(this, schema, formatAmounts(schema && schema.components, data), ...rest);
  };
  return true;
}
