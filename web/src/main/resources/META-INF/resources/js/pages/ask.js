import { asProblem, post } from '../api.js';
import { clearProblem, field, formError, h, options, showProblem } from '../dom.js';
import { codeEditor } from '../python.js';
import { LEVELS, MODULES, queryCard } from './common.js';

export function askPage() {
  const message = h('textarea', { name: 'queryText', id: 'ask-message', rows: 3, required: true, maxlength: 10000 });
  const code = codeEditor({ name: 'code', label: 'Your code (optional)', rows: 6 });
  code.input.id = 'ask-code';
  const error = h('textarea', { name: 'errorText', id: 'ask-error', rows: 3, spellcheck: 'false' });
  const module = h('select', { name: 'module', id: 'ask-module' }, options(MODULES, '', 'Any module'));
  const difficulty = h('select', { name: 'difficulty', id: 'ask-difficulty' }, options(LEVELS, '', 'Any level'));
  const answers = h('section', { id: 'answers', 'aria-label': 'Answers' });
  const form = h('form', { class: 'stack', novalidate: true, 'aria-labelledby': 'ask-title' },
    field('Your question', message, 'A concept, what is wrong with your code, or an exercise you want'),
    field('Your code (optional)', code.input, 'Python; Enter keeps the indentation, Tab moves on', code.element),
    field('The error you see (optional)', error, 'Paste the traceback'),
    h('div', { class: 'row' }, field('Module', module), field('Level', difficulty)),
    formError(),
    h('div', {}, h('button', { type: 'submit', id: 'ask-submit' }, 'Ask')));

  const ask = async body => {
    const view = await post('/api/v1/queries', body);
    answers.prepend(queryCard(view, { live: true, onReply: ask }));
    return view;
  };
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblem(form);
    const body = { queryText: message.value.trim() };
    if (code.input.value.trim()) body.code = code.input.value;
    if (error.value.trim()) body.errorText = error.value;
    if (module.value) body.module = module.value;
    if (difficulty.value) body.difficulty = difficulty.value;
    if (!body.queryText) {
      showProblem(form, { invalidParams: [{ name: 'queryText', reason: 'Write your question first.' }] });
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      await ask(body);
      message.value = '';
    } catch (failure) {
      showProblem(form, asProblem(failure));
    } finally {
      button.disabled = false;
    }
  });
  return h('section', {}, h('h1', { id: 'ask-title' }, 'Ask the tutor'), form, answers);
}
