import { asProblem, get, post, request } from '../api.js';
import { clearProblem, field, formError, h, showProblem, when } from '../dom.js';
import { navigate } from '../app.js';
import { MODULES, problemText } from './common.js';
import { masteryText } from './progress.js';

export function studentName(student) {
  return student.name || student.email || `student ${String(student.studentId).slice(0, 8)}`;
}

export async function teacherPage(params) {
  const classes = await get('/api/v1/teacher/classes');
  const selected = params.get('class') || classes[0]?.id;
  const section = h('section', {}, h('h1', {}, 'Your classes'),
    h('ul', { class: 'list', id: 'class-list' }, classes.map(schoolClass => h('li', { 'data-class-id': schoolClass.id },
      h('a', { href: `#/teacher?class=${schoolClass.id}`, 'aria-current': schoolClass.id === selected ? 'true' : null }, schoolClass.name),
      ' · join code ', h('span', { class: 'join-code' }, schoolClass.joinCode)))),
    classes.length ? null : h('p', {}, 'No class yet: create one and give its join code to your students.'),
    createClassForm());
  if (selected) section.append(await classPanel(selected));
  return section;
}

function createClassForm() {
  const name = h('input', { name: 'name', id: 'class-name', required: true, maxlength: 200 });
  const form = h('form', { class: 'row', novalidate: true, 'aria-label': 'Create a class' },
    field('New class name', name), h('div', {}, h('button', { type: 'submit', id: 'create-class' }, 'Create the class')), formError());
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblem(form);
    try {
      const created = await post('/api/v1/teacher/classes', { name: name.value.trim() });
      navigate(`#/teacher?class=${created.id}`);
    } catch (failure) {
      showProblem(form, asProblem(failure));
    }
  });
  return form;
}

async function classPanel(classId) {
  const [roster, alerts] = await Promise.all([get(`/api/v1/teacher/classes/${classId}`),
    get(`/api/v1/teacher/classes/${classId}/alerts`)]);
  const students = roster.students || [];
  const names = new Map(students.map(student => [student.studentId, studentName(student)]));
  const modules = MODULES.filter(module => students.some(student => (student.modules || []).some(m => m.module === module)));
  const csv = h('button', { type: 'button', class: 'secondary', id: 'download-csv' }, 'Download the roster as CSV');
  const csvStatus = h('span', { role: 'status', class: 'muted' });
  csv.addEventListener('click', async () => {
    try {
      const text = await request('GET', `/api/v1/teacher/classes/${classId}`, undefined, { accept: 'text/csv' });
      const link = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/csv' })), download: `${roster.name}.csv` });
      document.body.append(link);
      link.click();
      link.remove();
      csvStatus.textContent = ' Downloaded.';
    } catch (failure) {
      csvStatus.textContent = ` ${problemText(failure)}`;
    }
  });
  return h('section', { 'aria-labelledby': 'roster-title' },
    h('h2', { id: 'roster-title' }, `${roster.name}: ${students.length} student${students.length === 1 ? '' : 's'}`),
    students.length ? h('table', { id: 'roster' },
      h('caption', {}, 'Mastery per module (0–100); a dash where the student has no graded work yet'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Student'), ...modules.map(m => h('th', { scope: 'col' }, m)),
        h('th', { scope: 'col' }, 'Open alerts'), h('th', { scope: 'col' }, 'Last practised'))),
      h('tbody', {}, students.map(student => h('tr', { 'data-student-id': student.studentId },
        h('th', { scope: 'row' }, h('a', { href: `#/teacher/students/${student.studentId}` }, studentName(student))),
        ...modules.map(module => h('td', {}, masteryOf(student, module))),
        h('td', {}, student.openAlerts), h('td', {}, when(student.lastPracticedAt))))))
      : h('p', {}, 'No student has joined yet.'),
    h('p', {}, csv, csvStatus),
    h('h2', { id: 'alerts-title' }, `Open struggle alerts (${alerts.length})`),
    h('ul', { class: 'list', id: 'alerts', 'aria-labelledby': 'alerts-title' }, alerts.map(alert => alertItem(alert, names, classId))));
}

function masteryOf(student, module) {
  const progress = (student.modules || []).find(m => m.module === module);
  return progress ? masteryText(progress) : '–';
}

function alertItem(alert, names, classId) {
  const resolve = h('button', { type: 'button', class: 'secondary' }, 'Mark resolved');
  resolve.addEventListener('click', async () => {
    resolve.disabled = true;
    try {
      await post(`/api/v1/teacher/alerts/${alert.id}/resolve`, {});
      navigate(`#/teacher?class=${classId}`);
    } catch (failure) {
      resolve.disabled = false;
      resolve.after(h('span', { class: 'error' }, ` ${problemText(failure)}`));
    }
  });
  return h('li', { 'data-alert-id': alert.id },
    h('strong', {}, `${alert.reason.replace(/_/g, ' ')} in ${alert.module}`), ' · ',
    h('a', { href: `#/teacher/students/${alert.studentId}` }, alert.name || alert.email || names.get(alert.studentId) || 'a student'),
    h('p', {}, `Evidence: ${alert.evidence}`), h('p', { class: 'muted' }, `Raised ${when(alert.raisedAt)}`), resolve);
}

export async function studentTimelinePage(studentId) {
  const [timeline, queries] = await Promise.all([get(`/api/v1/teacher/students/${studentId}/timeline`),
    get(`/api/v1/teacher/queries?studentId=${studentId}`).catch(() => null)]);
  const who = studentName(timeline);
  const interactions = timeline.interactions || [];
  const queryList = Array.isArray(queries) ? queries : queries?.items || [];
  return h('section', {}, h('p', {}, h('a', { href: '#/teacher' }, '← Your classes')),
    h('h1', {}, `Timeline of ${who}`),
    h('table', { id: 'timeline' }, h('caption', {}, 'What the student did, newest first'),
      h('thead', {}, h('tr', {}, ...['When', 'What', 'Module', 'Result', 'Mastery after'].map(text => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, interactions.map(item => h('tr', {},
        h('td', {}, when(item.occurredAt)), h('td', {}, item.kind.replace(/_/g, ' '), item.exerciseId ? ` (${item.exerciseId})` : ''),
        h('td', {}, item.module || ''),
        h('td', {}, !item.evidence ? '' : item.correct ? 'correct' : `not yet${item.errorCategory ? ` (${item.errorCategory})` : ''}`),
        h('td', {}, item.masteryAfter ?? ''))))),
    h('h2', {}, 'Questions asked'),
    h('ul', { class: 'list', id: 'student-queries' }, queryList.map(query => h('li', {},
      h('strong', {}, query.queryText), h('span', { class: 'muted' }, ` · ${query.routing?.type || ''} · ${query.status} · ${when(query.createdAt)}`)))));
}
