// Writes Firefox's system-wide policies.json: run under flock /tmp/congvu-global.lock.
// Outlook on the web's inbox-rule editor in Firefox (the select type-ahead Zimbra Modern's step uses is Chromium's).
import { defineFilterEditorSuite, FILTER_EDITORS } from './account-pages-filters-suite';
import { launchFirefox } from './harness';

const { 'owa inbox rule redirect': redirect, 'owa inbox rule forward as attachment': attachment } = FILTER_EDITORS;
defineFilterEditorSuite('firefox', launchFirefox, { 'owa inbox rule redirect': redirect!, 'owa inbox rule forward as attachment': attachment! });
