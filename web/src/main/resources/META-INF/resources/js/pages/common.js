import { asProblem, follow, post } from '../api.js';
import { clearProblem, field, formError, h, showProblem, when } from '../dom.js';
import { renderMarkdown } from '../markdown.js';

export const MODULES = ['variables', 'conditionals', 'loops', 'functions', 'lists', 'dictionaries', 'strings', 'classes'];
export const LEVELS = ['beginner', 'intermediate', 'advanced'];
const FINAL = new Set(['completed', 'failed']);
const STEPS = [['routed', 'routed'], ['processing', 'processing'], ['completed', 'answered']];

export function problemText(failure) {
  const problem = asProblem(failure);
  return problem.detail || problem.title;
}

function statusLine(view) {
  if (view.status === 'failed') return h('p', { class: 'status-line fail' }, 'Not answered: ', view.failureReason || 'the tutors could not answer it.');
  const reached = view.status === 'completed' ? 2 : view.status === 'processing' ? 1 : view.status === 'routed' ? 0 : -1;
  const parts = [];
  STEPS.forEach(([, text], index) => {
    if (index > 0) parts.push(h('span', { class: 'step', 'aria-hidden': 'true' }, ' → '));
    parts.push(h('span', { class: `step${index <= reached ? ' done' : ''}` }, text));
  });
  return h('p', { class: 'status-line', 'data-status': view.status },
    h('span', { class: 'visually-hidden' }, `Status: ${view.status === 'completed' ? 'answered' : view.status}. `), ...parts);
}

function routeLine(view) {
  const routing = view.routing;
  if (!routing) return null;
  const by = view.answer?.answeredBy ? ` · answered by ${view.answer.answeredBy}` : '';
  return h('details', { class: 'route' },
    h('summary', {}, `Route: ${routing.type} (${Math.round((routing.confidence || 0) * 100)}% sure)${by}`),
    h('p', {}, routing.reason || ''));
}

/**
 * A query and its answer, kept up to date over its event stream until it is answered; `onReply` posts the
 * student's answer to a clarifying question.
 */
export function queryCard(initial, { live = false, onReply } = {}) {
  const card = h('article', { class: 'card query', 'data-query-id': initial.id });
  const heading = h('h3', {}, initial.queryText);
  const status = h('div', { class: 'status' });
  const answer = h('div', { class: 'answer', 'aria-live': 'polite', 'aria-atomic': 'false' });
  const extras = h('div', { class: 'extras' });
  const connection = h('p', { class: 'muted connection', role: 'status' });
  card.append(heading, h('p', { class: 'muted' }, when(initial.createdAt), initial.module ? ` · ${initial.module}` : ''),
    status, connection, answer, extras);
  let rated = false;
  const show = view => {
    status.replaceChildren(statusLine(view), routeLine(view) || '');
    if (view.answer?.content && answer.dataset.shown !== view.status) {
      answer.dataset.shown = view.status;
      answer.replaceChildren(renderMarkdown(view.answer.content));
    }
    if (FINAL.has(view.status)) {
      connection.textContent = '';
      extras.replaceChildren();
      if (view.answer?.type === 'clarifying_question' && onReply) extras.append(replyForm(view, onReply));
      if (view.feedback) {
        extras.append(h('p', { class: 'muted' }, `You rated this answer ${view.feedback.rating} of 5.`));
      } else if (view.status === 'completed' && !rated) {
        extras.append(ratingForm(view, () => { rated = true; }));
      }
    }
  };
  show(initial);
  if (live && !FINAL.has(initial.status)) {
    follow(`/api/v1/queries/${initial.id}/events`, {
      onEvent: view => { connection.textContent = ''; show(view); },
      isFinal: view => FINAL.has(view.status),
      onReconnecting: (message) => { connection.textContent = message; },
    });
  }
  return card;
}

function replyForm(view, onReply) {
  const reply = h('textarea', { name: 'queryText', rows: 2, required: true });
  const form = h('form', { class: 'stack clarify', novalidate: true },
    field('Your answer to the question', reply), formError(), h('div', {}, h('button', { type: 'submit' }, 'Reply')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblem(form);
    try {
      await onReply({ queryText: reply.value.trim(), sessionId: view.sessionId, module: view.module });
      form.replaceWith(h('p', { class: 'muted' }, 'Replied below.'));
    } catch (failure) {
      showProblem(form, asProblem(failure));
    }
  });
  return form;
}

function ratingForm(view, onRated) {
  const name = `rating-${view.id}`;
  const scores = [1, 2, 3, 4, 5].map(score => h('label', {},
    h('input', { type: 'radio', name: 'rating', value: score, id: `${name}-${score}` }), ` ${score}`));
  const comment = h('input', { name: 'comment', maxlength: 2000 });
  const form = h('form', { class: 'stack rate', novalidate: true },
    h('fieldset', { class: 'rating' }, h('legend', {}, 'How helpful was this answer? (1 = not at all, 5 = very)'), ...scores),
    field('Comment (optional)', comment), formError(),
    h('div', {}, h('button', { type: 'submit', class: 'secondary' }, 'Send rating')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblem(form);
    const chosen = form.querySelector('input[name="rating"]:checked');
    if (!chosen) {
      showProblem(form, { invalidParams: [{ name: 'rating', reason: 'choose a rating from 1 to 5' }] });
      form.querySelector('.form-error').textContent = 'Choose a rating from 1 to 5.';
      return;
    }
    try {
      await post(`/api/v1/queries/${view.id}/feedback`, { rating: Number(chosen.value), comment: comment.value.trim() || null });
      onRated();
      form.replaceWith(h('p', { class: 'pass', role: 'status' }, `Thanks: you rated this answer ${chosen.value} of 5.`));
    } catch (failure) {
      showProblem(form, asProblem(failure));
    }
  });
  return form;
}
