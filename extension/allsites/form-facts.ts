// The few facts about a form that tell a sign-up from a sign-in, read only once a value is
// typed, and only in that field's own form. Browsers' and password managers' form classifiers
// read the same ones: the password fields' autocomplete tokens, how many there are, the words
// of the form and of its submit buttons.
import type { SignupFormFacts } from '../../core/rules/official-address-signup';

const MAX_WORDS = 600;

/** The form around a field; a field outside any <form> is judged with its nearest containers. */
export function formOf(field: HTMLInputElement): ParentNode {
  if (field.form) return field.form;
  let scope: HTMLElement | null = field.parentElement;
  // Enough levels to hold a label, the field, a password field and a button in most layouts.
  for (let k = 0; k < 4 && scope?.parentElement && scope.parentElement !== document.body; k++) scope = scope.parentElement;
  return scope ?? document;
}

export function passwordAutocomplete(scope: ParentNode): string[] {
  return [...scope.querySelectorAll<HTMLInputElement>('input[type=password]')].map((p) => p.getAttribute('autocomplete') ?? '');
}

function formWords(scope: ParentNode): string {
  const parts: string[] = [];
  if (scope instanceof HTMLElement) parts.push(scope.id, scope.className, scope.getAttribute('name') ?? '', scope.getAttribute('action') ?? '', scope.getAttribute('aria-label') ?? '');
  for (const el of scope.querySelectorAll<HTMLElement>('legend, h1, h2, h3, button, input[type=submit], [role=button]')) {
    parts.push(el instanceof HTMLInputElement ? el.value : (el.textContent ?? ''), el.id, el.getAttribute('name') ?? '');
    if (parts.join(' ').length > MAX_WORDS) break;
  }
  return parts.join(' ').slice(0, MAX_WORDS);
}

export function signupFacts(field: HTMLInputElement): SignupFormFacts {
  const scope = formOf(field);
  return { value: field.value, host: location.hostname, path: location.pathname + location.search, passwordAutocomplete: passwordAutocomplete(scope), formText: formWords(scope) };
}
