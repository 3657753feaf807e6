// Builds elements from data only: text always goes in as text, never as HTML.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  append(element, children);
  return element;
}

let fieldCounter = 0;

/** A labelled control with a place for its error: the problem's invalidParams name the control by `name`. */
export function field(label, control, hint, shown = control) {
  const id = control.id || `field-${++fieldCounter}`;
  control.id = id;
  const error = h('p', { class: 'error', id: `${id}-error` });
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', describedBy);
  return h('div', { class: 'field', 'data-field': control.name || '' },
    h('label', { for: id }, label),
    hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null,
    shown, error);
}

/** Shows a problem next to the fields it names, or in the form's own error line. */
export function showProblem(form, problem) {
  clearProblem(form);
  const invalid = problem.invalidParams || [];
  let shown = false;
  for (const param of invalid) {
    const name = String(param.name || '').split('.').pop();
    const control = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      const error = form.querySelector(`#${CSS.escape(control.id)}-error`);
      if (error) error.textContent = param.reason;
      if (!shown) control.focus();
      shown = true;
    }
  }
  const general = form.querySelector('.form-error');
  if (general && (!shown || invalid.length === 0)) {
    general.textContent = problem.detail || problem.title || 'Something went wrong.';
    if (!shown) general.focus();
  }
}

export function clearProblem(form) {
  form.querySelectorAll('[aria-invalid]').forEach(control => control.removeAttribute('aria-invalid'));
  form.querySelectorAll('.error').forEach(error => { error.textContent = ''; });
}

export function formError() {
  return h('p', { class: 'error form-error', role: 'alert', tabindex: '-1' });
}

export function options(values, selected, blank) {
  const list = blank ? [h('option', { value: '' }, blank)] : [];
  for (const value of values) {
    const [key, text] = Array.isArray(value) ? value : [value, value];
    list.push(h('option', { value: key, selected: key === selected }, text));
  }
  return list;
}

export function when(timestamp) {
  if (!timestamp) return '';
  const date = new Date(timestamp);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
