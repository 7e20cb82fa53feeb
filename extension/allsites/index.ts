// The all-sites script (issue 13). Loaded into every page and idle there: one `input` listener,
// which returns at once unless the field holds something like an address or is a password
// field. Nothing is read from the page, and no storage is read, before that.
// - An official address typed into a sign-up, registration or subscription form of a site that
//   is not a government one gets a nudge beside the field (official-address-signup).
// - A password typed anywhere goes to the background, which compares it with the official
//   password's salted hash and answers whether to raise the reuse alert (password-policy);
//   on the official webmail's sign-in form the background keeps its hash instead.
import { formKind, signupNudge } from '../../core/rules/official-address-signup';
import { detectOfficialProduct } from '../sites/official-detect';
import { api } from './api';
import { ALLSITES_KEY, type AllSitesConfig, type PasswordTyped, type ReuseAlert } from './config';
import { formOf, passwordAutocomplete, signupFacts } from './form-facts';
import { showAlert, showBeside, type Toast } from './toast';

/** Long enough for a user to stop typing; an address is judged once, not at every key. */
const ADDRESS_PAUSE_MS = 400;
const MIN_PASSWORD = 6;

let config: Promise<AllSitesConfig | undefined> | undefined;
const loadConfig = () =>
  (config ??= api.storage.local.get(ALLSITES_KEY).then(
    (r) => r[ALLSITES_KEY] as AllSitesConfig | undefined,
    () => undefined,
  ));

const nudges = new WeakMap<HTMLInputElement, { address: string; toast?: Toast }>();
const timers = new WeakMap<HTMLInputElement, ReturnType<typeof setTimeout>>();
let alert: Toast | undefined;

async function judgeAddress(field: HTMLInputElement): Promise<void> {
  const signup = (await loadConfig())?.signup;
  if (!signup || !field.isConnected) return;
  const address = signupNudge(signupFacts(field), signup);
  const shown = nudges.get(field);
  if (shown && shown.address !== address) {
    shown.toast?.remove();
    nudges.delete(field);
  }
  if (!address || nudges.get(field)) return;
  const entry: { address: string; toast?: Toast } = { address };
  nudges.set(field, entry);
  entry.toast = showBeside(field, signup.mode, signup.words, signup.text.replace('{address}', address));
}

async function passwordTyped(field: HTMLInputElement): Promise<void> {
  if (!(await loadConfig())?.reuse) return;
  const scope = formOf(field);
  const form = formKind({ path: location.pathname, passwordAutocomplete: passwordAutocomplete(scope), formText: '' });
  // The product matters only on the official webmail's sign-in form; the background ignores it elsewhere.
  const product = form === 'signin' ? detectOfficialProduct(document, new URL(location.href)) : undefined;
  const message: PasswordTyped = { type: 'password-typed', value: field.value, form, product };
  const answer = (await api.runtime.sendMessage(message).catch(() => undefined)) as ReuseAlert | undefined;
  // Only the answer for what the field holds now: an earlier value's answer may come later.
  if (!answer?.text || alert?.host.isConnected || field.value !== message.value) return;
  const actions = answer.changeUrl
    ? [{ id: 'change-password', label: answer.changeLabel ?? '', primary: true, run: () => window.open(answer.changeUrl, '_blank', 'noopener') }]
    : [];
  alert = showAlert('warn', answer.words, answer.text, actions);
}

function onInput(event: Event): void {
  const field = event.composedPath()[0];
  if (!(field instanceof HTMLInputElement)) return;
  if (field.type === 'password') {
    // Every value is sent: the background checks the newest, so the last key is never missed.
    if (field.value.length >= MIN_PASSWORD) void passwordTyped(field);
    return;
  }
  if (!field.value.includes('@') && !nudges.has(field)) return;
  clearTimeout(timers.get(field));
  timers.set(field, setTimeout(() => void judgeAddress(field), ADDRESS_PAUSE_MS));
}

document.addEventListener('input', onInput, true);
