import { asProblem, follow, get, post } from '../api.js';
import { clearProblem, field, formError, h, options, showProblem, when } from '../dom.js';
import { navigate } from '../app.js';
import { renderMarkdown } from '../markdown.js';
import { codeEditor } from '../python.js';
import { MODULES } from './common.js';

const DIFFICULTIES = ['easy', 'medium', 'hard'];
const KINDS = [['code', 'Coding exercises'], ['mcq', 'Quiz questions']];
const FINISHED = new Set(['graded', 'manual_review']);

export async function practicePage(params) {
  const filters = { module: params.get('module') || 'loops', difficulty: params.get('difficulty') || '',
    kind: params.get('kind') || 'code' };
  const exerciseId = params.get('exercise');
  const section = h('section', {}, h('h1', {}, 'Practice'), filterForm(filters));
  if (exerciseId) {
    section.append(await exercisePanel(exerciseId));
  }
  const search = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));
  const items = await get(`/api/v1/exercises?${search}`);
  const link = id => `#/practice?${new URLSearchParams({ ...Object.fromEntries(search), exercise: id })}`;
  section.append(h('h2', { id: 'exercise-list-title' }, `${items.length} ${filters.kind === 'mcq' ? 'questions' : 'exercises'} in ${filters.module}`),
    h('ul', { class: 'list', id: 'exercise-list', 'aria-labelledby': 'exercise-list-title' }, items.slice(0, 60).map(item =>
      h('li', {}, h('a', { href: link(item.id), 'data-exercise-id': item.id }, item.title),
        h('span', { class: 'muted' }, ` · ${item.difficulty} · about ${item.estimatedMinutes} min`)))));
  return section;
}

function filterForm(filters) {
  const module = h('select', { name: 'module', id: 'practice-module' }, options(MODULES, filters.module));
  const difficulty = h('select', { name: 'difficulty', id: 'practice-difficulty' }, options(DIFFICULTIES, filters.difficulty, 'Any difficulty'));
  const kind = h('select', { name: 'kind', id: 'practice-kind' }, options(KINDS, filters.kind));
  const form = h('form', { class: 'row', 'aria-label': 'Choose exercises' }, field('Module', module),
    field('Difficulty', difficulty), field('Kind', kind), h('div', {}, h('button', { type: 'submit', id: 'practice-filter' }, 'Show')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams({ module: module.value, kind: kind.value });
    if (difficulty.value) next.set('difficulty', difficulty.value);
    navigate(`#/practice?${next}`);
  });
  return form;
}

async function exercisePanel(id) {
  const exercise = await get(`/api/v1/exercises/${encodeURIComponent(id)}`);
  const panel = h('article', { class: 'card exercise', id: 'exercise', 'data-exercise-id': exercise.id, 'aria-labelledby': 'exercise-title' },
    h('h2', { id: 'exercise-title' }, exercise.title),
    h('p', { class: 'muted' }, `${exercise.module} · ${exercise.difficulty} · about ${exercise.estimatedMinutes} min`),
    renderMarkdown(exercise.description));
  const result = h('div', { id: 'grading', 'aria-live': 'polite' });
  panel.append(exercise.kind === 'mcq' ? quizForm(exercise, result) : codeForm(exercise, result), result);
  return panel;
}

function codeForm(exercise, result) {
  const parts = [];
  if (exercise.tests?.length) {
    parts.push(h('h3', {}, 'Tests you can see'),
      h('ul', {}, exercise.tests.map(test => h('li', {}, h('code', {}, test.statement)))));
  }
  if (exercise.hiddenTestChecks?.length) {
    parts.push(h('p', {}, `Hidden tests also check: ${exercise.hiddenTestChecks.join('; ')}.`));
  }
  const hints = h('ol', { class: 'hints', id: 'hints', 'aria-live': 'polite' });
  let shown = 0;
  const hintButton = h('button', { type: 'button', class: 'secondary', id: 'hint-button' }, 'Show a hint');
  hintButton.addEventListener('click', () => {
    if (shown < (exercise.hints || []).length) hints.append(h('li', {}, ...renderMarkdown(exercise.hints[shown++]).childNodes));
    if (shown >= (exercise.hints || []).length) {
      hintButton.disabled = true;
      hintButton.textContent = 'No more hints';
    }
  });
  if (!exercise.hints?.length) hintButton.hidden = true;
  const editor = codeEditor({ name: 'code', label: 'Your solution', value: exercise.starterCode || '', rows: 10 });
  editor.input.id = 'solution';
  const form = h('form', { class: 'stack', novalidate: true, 'aria-label': 'Your solution' },
    field('Your solution', editor.input, 'Python; Enter keeps the indentation, Tab moves on', editor.element),
    formError(), h('div', { class: 'row' }, h('button', { type: 'submit', id: 'submit-solution' }, 'Submit'), hintButton));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblem(form);
    try {
      const submission = await post(`/api/v1/exercises/${encodeURIComponent(exercise.id)}/submissions`, { code: editor.input.value });
      showGrading(result, submission);
      follow(`/api/v1/submissions/${submission.id}/events`, {
        onEvent: update => showGrading(result, update),
        isFinal: update => FINISHED.has(update.status),
        onReconnecting: message => result.prepend(h('p', { class: 'muted' }, message)),
      });
    } catch (failure) {
      showProblem(form, asProblem(failure));
    }
  });
  return h('div', {}, ...parts, form, h('h3', {}, 'Hints'), hints);
}

function quizForm(exercise, result) {
  const choices = (exercise.options || []).map(option => h('div', {},
    h('input', { type: 'radio', name: 'answer', value: option.id, id: `answer-${option.id}` }),
    h('label', { for: `answer-${option.id}` }, ' ', ...renderMarkdown(option.text).firstChild?.childNodes ?? [option.text])));
  const form = h('form', { class: 'stack', novalidate: true },
    h('fieldset', {}, h('legend', {}, 'Choose one answer'), ...choices), formError(),
    h('div', {}, h('button', { type: 'submit', id: 'submit-answer' }, 'Check my answer')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblem(form);
    const chosen = form.querySelector('input[name="answer"]:checked');
    if (!chosen) {
      form.querySelector('.form-error').textContent = 'Choose an answer first.';
      return;
    }
    try {
      showGrading(result, await post(`/api/v1/exercises/${encodeURIComponent(exercise.id)}/submissions`, { answer: chosen.value }));
    } catch (failure) {
      showProblem(form, asProblem(failure));
    }
  });
  return form;
}

function showGrading(result, submission) {
  const finished = FINISHED.has(submission.status);
  const parts = [h('p', { class: 'status-line', id: 'grading-status', 'data-status': submission.status },
    finished ? `Graded: ${submission.grade ?? '–'} / 100 · ${submission.testsPassed} of ${submission.testsTotal} tests pass`
      : submission.status === 'grading' ? 'Running your code against the tests…' : 'Waiting for a grader…')];
  if (submission.status === 'manual_review') parts.push(h('p', {}, 'A teacher will look at this one.'));
  if (submission.feedback) parts.push(renderMarkdown(submission.feedback));
  if (submission.tests?.length) {
    parts.push(h('table', { id: 'test-results' },
      h('caption', {}, 'Each test'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Test'), h('th', { scope: 'col' }, 'Result'), h('th', { scope: 'col' }, 'What happened'))),
      h('tbody', {}, submission.tests.map(test => h('tr', {},
        h('td', {}, test.hidden ? `hidden: ${test.checks || test.name}` : h('code', {}, test.input || test.name)),
        h('td', { class: test.passed ? 'pass' : 'fail' }, test.passed ? 'passed' : 'failed'),
        h('td', {}, test.passed ? '' : [test.actual ? h('code', {}, test.actual) : null, test.explanation ? h('p', {}, test.explanation) : null]))))));
  }
  if (submission.submittedAt) parts.push(h('p', { class: 'muted' }, `Submitted ${when(submission.submittedAt)}`));
  result.replaceChildren(...parts);
}
