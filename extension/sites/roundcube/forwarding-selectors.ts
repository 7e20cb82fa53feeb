// Roundcube's managesieve plugin (roundcubemail master, read 2026-12-01):
// - the Forwarding page (lib/Roundcube/rcube_sieve_forward.php, skins/elastic/templates/forward.html):
//   select#forward_status (on/off), select#forward_action (copy/redirect), input#action_target
//   and, when managesieve_domains is set, the domain list select#action_domain;
// - a filter (rcube_sieve_engine.php): per action row select[name="_action_type[N]"] with the
//   values redirect and redirect_copy, input[name="_action_target[N]"], and the optional domain
//   list select[name="_action_target_domain[N]"].
// Both save through the command "plugin.managesieve-save".
import { fieldValue, joinTarget, type ForwardingPageSelectors, type ForwardingTarget } from '../account-pages';

const REDIRECT_TYPES = new Set(['redirect', 'redirect_copy']);

function forwardPage(doc: Document): ForwardingTarget[] {
  const field = doc.querySelector<HTMLInputElement>('input#action_target');
  if (!field || fieldValue(doc.querySelector('select#forward_status')) === 'off') return [];
  const address = joinTarget(fieldValue(field), fieldValue(doc.querySelector('select#action_domain')));
  return address ? [{ address, field }] : [];
}

function filterRows(doc: Document): ForwardingTarget[] {
  const out: ForwardingTarget[] = [];
  for (const type of doc.querySelectorAll<HTMLSelectElement>('select[name^="_action_type["]')) {
    if (!REDIRECT_TYPES.has(type.value)) continue;
    const row = /\[(\d+)\]$/.exec(type.name)?.[1];
    if (row === undefined) continue;
    const field = doc.querySelector<HTMLInputElement>(`input[name="_action_target[${row}]"]`);
    if (!field) continue;
    const address = joinTarget(fieldValue(field), fieldValue(doc.querySelector(`select[name="_action_target_domain[${row}]"]`)));
    if (address) out.push({ address, field });
  }
  return out;
}

export const ROUNDCUBE_FORWARDING: ForwardingPageSelectors = {
  product: 'roundcube',
  page: 'input#action_target, select[name^="_action_type["]',
  submit: '[onclick*="plugin.managesieve-save"]',
  targets: (doc) => [...forwardPage(doc), ...filterRows(doc)],
};
