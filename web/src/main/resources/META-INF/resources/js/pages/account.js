import { asProblem, signIn, signUp } from '../api.js';
import { clearProblem, field, formError, h, showProblem } from '../dom.js';
import { navigate, notify } from '../app.js';

export function signInPage() {
  const email = h('input', { type: 'email', name: 'email', id: 'signin-email', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', id: 'signin-password', autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'stack', novalidate: true, 'aria-labelledby': 'signin-title' },
    field('Email', email), field('Password', password), formError(),
    h('div', {}, h('button', { type: 'submit', id: 'signin-submit' }, 'Sign in')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblem(form);
    try {
      const session = await signIn(email.value.trim(), password.value);
      notify('');
      navigate(session.role === 'teacher' ? '#/teacher' : '#/ask');
    } catch (failure) {
      showProblem(form, asProblem(failure));
    }
  });
  return h('section', {}, h('h1', { id: 'signin-title' }, 'Sign in'), form,
    h('p', {}, 'New here? ', h('a', { href: '#/signup' }, 'Create a student account')));
}

export function signUpPage() {
  const controls = {
    firstName: h('input', { name: 'firstName', id: 'signup-first-name', autocomplete: 'given-name', required: true }),
    lastName: h('input', { name: 'lastName', id: 'signup-last-name', autocomplete: 'family-name', required: true }),
    email: h('input', { type: 'email', name: 'email', id: 'signup-email', autocomplete: 'email', required: true }),
    password: h('input', { type: 'password', name: 'password', id: 'signup-password', autocomplete: 'new-password', required: true }),
  };
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const form = h('form', { class: 'stack', novalidate: true, 'aria-labelledby': 'signup-title' },
    h('div', { class: 'row' }, field('First name', controls.firstName), field('Last name', controls.lastName)),
    field('Email', controls.email),
    field('Password', controls.password, '8 to 128 characters, not a common password'),
    formError(),
    h('div', {}, h('button', { type: 'submit', id: 'signup-submit' }, 'Create my account')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblem(form);
    const account = Object.fromEntries(Object.entries(controls).map(([name, control]) => [name, control.value.trim()]));
    account.password = controls.password.value;
    if (zone && zone.includes('/') && !zone.startsWith('Etc/')) account.timeZone = zone;
    try {
      await signUp(account);
      await signIn(account.email, account.password);
      notify(`Welcome, ${account.firstName}! Ask anything about Python below.`);
      navigate('#/ask');
    } catch (failure) {
      showProblem(form, asProblem(failure));
    }
  });
  return h('section', {}, h('h1', { id: 'signup-title' }, 'Create a student account'), form,
    h('p', {}, 'Already registered? ', h('a', { href: '#/signin' }, 'Sign in')));
}
